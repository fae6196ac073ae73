import type { z } from 'zod';
import { fail, type Result, succeed } from '../result';
import { type Problem, type ProblemCode, problem } from './problems';
import type { YamlFile, YamlPath } from './readYaml';
import { DURATION_MESSAGE, TIER_MESSAGE } from './schema';

type Issue = z.core.$ZodIssue;
type Schema = z.core.$ZodType;

/**
 * Validates `yaml.value` against `schema` and turns every failure into a located problem a trainer can
 * act on: missing and unknown fields (with a "did you mean" for typos), wrong types, values out of
 * range or outside the allowed set. Returns the parsed value only when there are no problems.
 */
export function validateAgainst<T>(schema: z.ZodType<T>, yaml: YamlFile): Result<T, Problem> {
  const result = schema.safeParse(yaml.value, { reportInput: true });
  if (result.success) return succeed(result.data);
  const problems: Problem[] = [];
  for (const issue of result.error.issues) {
    problems.push(...issueProblems(issue, [], schema, yaml));
  }
  return fail(problems);
}

function issueProblems(issue: Issue, prefix: YamlPath, root: Schema, yaml: YamlFile): Problem[] {
  const path: YamlPath = [...prefix, ...(issue.path as (string | number)[])];
  const field = fieldName(path);
  const at = yaml.locate(path);
  const make = (code: ProblemCode, message: string) => [problem(code, message, yaml.file, at)];
  const got = 'input' in issue ? describeValue(issue.input) : '';

  const absent = !('input' in issue) || issue.input === undefined;
  if (
    absent &&
    (issue.code === 'invalid_type' || issue.code === 'invalid_value' || issue.code === 'invalid_union')
  ) {
    const parent = path.slice(0, -1);
    const wanted =
      issue.code === 'invalid_type'
        ? expectedName(issue.expected)
        : issue.code === 'invalid_value'
          ? `one of ${issue.values.map(String).join(', ')}`
          : 'see the format guide';
    return [
      problem(
        'missing-field',
        `${capitalise(parentName(parent))} needs \`${String(path[path.length - 1])}\` (${wanted}). Add it.`,
        yaml.file,
        yaml.locate(parent),
      ),
    ];
  }

  switch (issue.code) {
    case 'invalid_type':
      return make(
        'wrong-type',
        `${path.length === 0 ? 'The file' : `\`${field}\``} must be ${expectedName(issue.expected)}, not ${got}.`,
      );
    case 'unrecognized_keys':
      return issue.keys.map((raw) => {
        // A key can be a whole mapping written across lines; a message stays on one line, and short.
        const flat = raw.replace(/\s+/g, ' ').trim();
        const key = flat.length > 60 ? `${flat.slice(0, 59)}…` : flat;
        const known = keysAt(root, path);
        const guess = known ? closest(raw, known) : null;
        // A field name never holds spaces or sentence punctuation: such a "field" is the rest of a
        // text that a comma inside `{ … }` cut in two.
        const hint = /[\s!?.,;'"]/.test(raw.trim())
          ? ` A comma inside \`{ … }\` ends the text before it, so \`${key}\` was read as a field name. Put the whole text in quotes: \`"…, ${key}"\`.`
          : guess
            ? ` Did you mean \`${guess}\`?`
            : known
              ? ` Known fields: ${known.join(', ')}.`
              : '';
        return problem(
          'unknown-field',
          `\`${key}\` is not a field of ${parentName(path)}.${hint}`,
          yaml.file,
          yaml.locateKey(path, raw),
        );
      });
    case 'invalid_key': {
      const key = String(path[path.length - 1]);
      const inner = issue.issues[0];
      const reason = inner?.code === 'invalid_format' ? inner.message : 'this key is not allowed here';
      const isLanguage = /^Languages/.test(reason);
      const hint =
        isLanguage && /\s/.test(key)
          ? ' If this is part of a text with a comma inside { … }, put the text in quotes.'
          : '';
      return [
        problem(
          isLanguage ? 'unknown-language' : 'invalid-value',
          `\`${key}\` is not a language code. ${reason}${hint}`,
          yaml.file,
          yaml.locateKey(path.slice(0, -1), key),
        ),
      ];
    }
    case 'too_small':
    case 'too_big': {
      const bound = issue.code === 'too_small' ? issue.minimum : issue.maximum;
      const word = issue.code === 'too_small' ? 'at least' : 'at most';
      const exclusive = issue.inclusive === false;
      const what =
        issue.origin === 'string'
          ? `${word} ${String(bound)} characters long`
          : issue.origin === 'array' || issue.origin === 'set'
            ? `${word} ${String(bound)} items long`
            : exclusive
              ? `${issue.code === 'too_small' ? 'greater' : 'less'} than ${String(bound)}`
              : `${word} ${String(bound)}`;
      if (issue.origin === 'string' && issue.code === 'too_small' && Number(bound) === 1) {
        return make('out-of-range', `\`${field}\` is empty: write the text.`);
      }
      return make('out-of-range', `\`${field}\` must be ${what} (got ${got}).`);
    }
    case 'invalid_value':
      return make(
        'invalid-value',
        `\`${field}\` must be one of ${issue.values.map(String).join(', ')} (got ${got}).`,
      );
    case 'invalid_format':
      if (issue.message === DURATION_MESSAGE)
        return make('invalid-duration', `\`${field}\`: ${issue.message}`);
      if (issue.message.startsWith('Invalid'))
        return make('invalid-value', `\`${field}\` has the wrong form (got ${got}).`);
      return make('invalid-value', `\`${field}\`: ${issue.message} (got ${got})`);
    case 'invalid_union': {
      if (issue.message === DURATION_MESSAGE)
        return make('invalid-duration', `\`${field}\`: ${issue.message} (got ${got})`);
      if (issue.message === TIER_MESSAGE)
        return make('invalid-value', `\`${field}\`: ${issue.message} (got ${got})`);
      if (Array.isArray(issue.input) && !acceptsList(issue.errors)) {
        return make(
          'wrong-type',
          `\`${field}\` takes one value, not a list. ${ONE_VALUE_FIXES[field] ?? 'Keep one value, or write one transition per value.'}`,
        );
      }
      const branch = bestBranch(issue.errors);
      if (branch) return branch.flatMap((inner) => issueProblems(inner, path, root, yaml));
      return make('wrong-type', `\`${field}\` has the wrong form (got ${got}).`);
    }
    default:
      return make('invalid-value', `\`${field}\`: ${issue.message}.`);
  }
}

/**
 * What to write instead of a list, for fields that take one value where their neighbours (`said`,
 * `offered`) take lists: a trainer who lists tiers meant a range or several transitions.
 */
const ONE_VALUE_FIXES: Partial<Record<string, string>> = {
  escalated:
    'Write `escalated: any`, one tier (`escalated: 2`), a range (`escalated: { at_least: 2 }` or `escalated: { below: 3 }`), or one transition per tier.',
};

/** Whether some branch of a union took a list, so the list itself was not what failed. */
function acceptsList(branches: readonly (readonly Issue[])[]): boolean {
  const refusesShape = (i: Issue) =>
    i.path.length === 0 &&
    (i.code === 'invalid_type' || i.code === 'invalid_value' || i.code === 'invalid_union');
  return branches.some((issues) => !issues.some(refusesShape));
}

/**
 * Picks the union branch the author most likely meant: the first whose own type matched, preferring
 * one that failed only inside (a list of one wrong word is about that word, not about being a list).
 */
function bestBranch(branches: readonly (readonly Issue[])[]): readonly Issue[] | null {
  const matched = branches.filter(
    (issues) =>
      !issues.some((i) => i.path.length === 0 && (i.code === 'invalid_type' || i.code === 'invalid_union')),
  );
  return matched.find((issues) => issues.every((i) => i.path.length > 0)) ?? matched[0] ?? null;
}

function fieldName(path: YamlPath): string {
  const last = path[path.length - 1];
  if (last === undefined) return 'the file';
  if (typeof last === 'number') {
    const owner = path[path.length - 2];
    return `${String(owner ?? 'item')}[${last}]`;
  }
  return last;
}

function parentName(path: YamlPath): string {
  if (path.length === 0) return 'the file';
  return `\`${fieldName(path)}\``;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function expectedName(expected: string): string {
  switch (expected) {
    case 'int':
      return 'a whole number';
    case 'number':
      return 'a number';
    case 'string':
      return 'text';
    case 'boolean':
      return 'true or false';
    case 'array':
      return 'a list';
    case 'object':
      return 'a map of fields';
    case 'record':
      return 'a map such as { en: "…", es: "…" }';
    default:
      return expected;
  }
}

function describeValue(value: unknown): string {
  if (value === null) return 'nothing (null)';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a map';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  return String(value);
}

/** The field names allowed at `path` in `schema`, walking objects, lists, records, unions and optionals. */
function keysAt(schema: Schema, path: YamlPath): string[] | null {
  const found = new Set<string>();
  const walk = (node: Schema, rest: YamlPath): void => {
    const def = node._zod.def as unknown as Record<string, unknown> & { type: string };
    switch (def.type) {
      case 'optional':
      case 'nullable':
      case 'default':
        walk(def.innerType as Schema, rest);
        return;
      case 'union':
        for (const option of def.options as Schema[]) walk(option, rest);
        return;
      case 'array':
        if (rest.length > 0 && typeof rest[0] === 'number') walk(def.element as Schema, rest.slice(1));
        return;
      case 'record':
        if (rest.length > 0) walk(def.valueType as Schema, rest.slice(1));
        return;
      case 'object': {
        const shape = def.shape as Record<string, Schema>;
        if (rest.length === 0) {
          for (const key of Object.keys(shape)) found.add(key);
          return;
        }
        const next = shape[String(rest[0])];
        if (next) walk(next, rest.slice(1));
        return;
      }
      default:
        return;
    }
  };
  walk(schema, path);
  return found.size > 0 ? [...found] : null;
}

/** The known name nearest to `word` by edit distance, if it is close enough to be a typo. */
export function closest(word: string, known: readonly string[]): string | null {
  let best: string | null = null;
  let bestDistance = Math.max(2, Math.floor(word.length / 3)) + 1;
  for (const candidate of known) {
    const d = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current.push(
        Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost),
      );
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
