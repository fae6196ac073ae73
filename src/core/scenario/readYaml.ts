import {
  isAlias,
  isMap,
  isNode,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  type Node,
  parseDocument,
  visit,
} from 'yaml';
import { fail as failWith, type Result, succeed } from '../result';
import { type Position, type Problem, problem } from './problems';

/** Caps applied to every authored YAML file before and after parsing. */
export interface YamlLimits {
  /** Largest accepted file, in UTF-16 code units of the text (roughly bytes for YAML). */
  readonly maxChars: number;
  /** Deepest accepted nesting of lists and maps. */
  readonly maxDepth: number;
  /** Most values (scalars, lists, maps) in one file. */
  readonly maxNodes: number;
}

/** Generous for hand-written scenarios (the starter pack's largest is ~20 KB), tight for attacks. */
export const DEFAULT_YAML_LIMITS: YamlLimits = { maxChars: 256 * 1024, maxDepth: 32, maxNodes: 20_000 };

/** A path into a parsed document: map keys and list indexes. */
export type YamlPath = readonly (string | number)[];

/** A parsed, checked YAML file: its plain value and a way to point at any of its nodes. */
export interface YamlFile {
  readonly file: string;
  /** The document as plain data (only maps, lists, strings, numbers, booleans and null). */
  readonly value: unknown;
  /** Position of the value at `path`, or of its nearest existing ancestor. */
  locate(path: YamlPath): Position;
  /** Position of the key `key` in the map at `path`, or of the map when the key is absent. */
  locateKey(path: YamlPath, key: string): Position;
}

/** The outcome of {@link readYaml}: the parsed file, or the located problems that refused it. */
export type ReadYamlResult = Result<YamlFile, Problem>;

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const START: Position = { line: 1, col: 1 };

/**
 * Reads untrusted YAML text safely. Refuses, with located problems: files over the size cap, nesting
 * over the depth cap (checked on the raw text before the parser can recurse), parser errors *and*
 * warnings, several documents, duplicate keys, anchors and aliases, explicit tags, prototype-polluting
 * keys and files with too many nodes. Never throws for any input string.
 */
export function readYaml(
  text: string,
  file: string,
  limits: YamlLimits = DEFAULT_YAML_LIMITS,
): ReadYamlResult {
  if (typeof text !== 'string') {
    return fail(problem('yaml-syntax', 'The file could not be read as text.', file, START));
  }
  if (text.length > limits.maxChars) {
    const kib = Math.ceil(text.length / 1024);
    return fail(
      problem(
        'file-too-large',
        `The file is ${kib} KiB; the limit is ${limits.maxChars / 1024} KiB. Split it into several scenarios.`,
        file,
        START,
      ),
    );
  }
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
  const control = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFE\uFFFF]/.exec(text);
  if (control) {
    const before = text.slice(0, control.index).split(/\r\n|\r|\n/);
    return fail(
      problem(
        'yaml-syntax',
        `The file contains a control character (U+${(control[0].codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}); is it a text file? Save it as plain UTF-8 text.`,
        file,
        { line: before.length, col: (before[before.length - 1]?.length ?? 0) + 1 },
      ),
    );
  }
  const tooDeep = findExcessNesting(text, limits.maxDepth);
  if (tooDeep) {
    return fail(
      problem(
        'too-deep',
        `Lists and maps are nested more than ${limits.maxDepth} levels deep here. Flatten the structure.`,
        file,
        tooDeep,
      ),
    );
  }

  const lineCounter = new LineCounter();
  let doc: ReturnType<typeof parseDocument>;
  try {
    doc = parseDocument(text, {
      lineCounter,
      prettyErrors: false,
      uniqueKeys: true,
      merge: false,
      resolveKnownTags: false,
      strict: true,
      version: '1.2',
    });
  } catch (error) {
    return fail(problem('yaml-syntax', `The YAML cannot be read (${describe(error)}).`, file, START));
  }
  const pos = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, col };
  };

  const problems: Problem[] = [];
  for (const error of doc.errors) {
    const at = pos(error.pos[0]);
    if (error.code === 'DUPLICATE_KEY') {
      problems.push(problem('duplicate-key', 'This key appears twice in the same map; keep one.', file, at));
    } else if (error.code === 'MULTIPLE_DOCS') {
      problems.push(
        problem(
          'multiple-documents',
          'A file holds one scenario: remove the `---` and what follows, or split the file.',
          file,
          at,
        ),
      );
    } else {
      // After one slip the parser reads the rest of the file askew, and what it reports further down
      // is mostly that slip's echo: the first one is the one to fix, and the rest is read again then.
      if (problems.some((p) => p.code === 'yaml-syntax')) continue;
      problems.push(
        problem('yaml-syntax', `${firstLine(error.message)}.${SYNTAX_FIXES[error.code] ?? ''}`, file, at),
      );
    }
  }
  for (const warning of doc.warnings) {
    const at = pos(warning.pos[0]);
    if (warning.code === 'TAG_RESOLVE_FAILED') continue; // reported below as yaml-tag, once per node
    problems.push(
      problem('yaml-warning', `${firstLine(warning.message)} (warnings count as errors).`, file, at),
    );
  }
  if (problems.length > 0) return failWith(problems);

  let nodes = 0;
  visit(doc, {
    Pair(_key, pair) {
      if (isScalar(pair.key) && pair.key.value === '<<' && pair.key.range) {
        problems.push(
          problem(
            'yaml-anchor',
            'Merge keys (<<) are not allowed: write the fields out.',
            file,
            pos(pair.key.range[0]),
          ),
        );
      }
      if (isScalar(pair.key) && FORBIDDEN_KEYS.has(String(pair.key.value)) && pair.key.range) {
        problems.push(
          problem(
            'forbidden-key',
            `The key "${String(pair.key.value)}" is not allowed in any file. Rename it.`,
            file,
            pos(pair.key.range[0]),
          ),
        );
      }
    },
    Node(_key, node) {
      nodes += 1;
      const at = node.range ? pos(node.range[0]) : START;
      if (isAlias(node)) {
        problems.push(
          problem(
            'yaml-anchor',
            `Aliases (*${node.source}) are not allowed: write the value out again.`,
            file,
            at,
          ),
        );
      } else if (node.anchor) {
        problems.push(
          problem('yaml-anchor', `Anchors (&${node.anchor}) are not allowed: remove the anchor.`, file, at),
        );
      }
      if (!isAlias(node) && node.tag) {
        const tag = node.tag.replace('tag:yaml.org,2002:', '!!');
        problems.push(
          problem(
            'yaml-tag',
            `Tags such as ${tag} are not allowed: remove the tag and write a plain value.`,
            file,
            at,
          ),
        );
      }
    },
  });
  if (nodes > limits.maxNodes) {
    problems.push(
      problem(
        'too-many-nodes',
        `The file holds ${nodes} values; the limit is ${limits.maxNodes}. Split it.`,
        file,
        START,
      ),
    );
  }
  if (problems.length > 0) return failWith(problems);

  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 0 });
  } catch (error) {
    return fail(problem('yaml-syntax', `The YAML cannot be read (${describe(error)}).`, file, START));
  }

  const root = doc.contents;
  const nodeAt = (path: YamlPath): { node: Node | null; depth: number } => {
    let node: Node | null = isNode(root) ? root : null;
    let depth = 0;
    for (const segment of path) {
      const next = childOf(node, segment);
      if (!next) break;
      node = next;
      depth += 1;
    }
    return { node, depth };
  };
  const startOf = (node: Node | null): Position => (node?.range ? pos(node.range[0]) : START);

  return succeed({
    file,
    value,
    locate: (path) => startOf(nodeAt(path).node),
    locateKey: (path, key) => {
      const { node, depth } = nodeAt(path);
      if (depth === path.length && isMap(node)) {
        const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === key);
        if (pair && isScalar(pair.key) && pair.key.range) return pos(pair.key.range[0]);
      }
      return startOf(node);
    },
  });
}

function childOf(node: Node | null, segment: string | number): Node | null {
  if (isMap(node)) {
    const pair = node.items.find(
      (p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(segment),
    );
    return pair && isNode(pair.value) ? pair.value : null;
  }
  if (isSeq(node) && typeof segment === 'number') {
    const item = node.items[segment];
    return isNode(item) ? item : null;
  }
  return null;
}

function fail(p: Problem): ReadYamlResult {
  return failWith([p]);
}

/**
 * How to fix the parser errors trainers meet most, added after the parser's own words, which name the
 * YAML rule but not the fix.
 */
const SYNTAX_FIXES: Partial<Record<string, string>> = {
  // `en: Order number: 4471`, or a line indented one space more or less than its neighbours.
  BLOCK_AS_IMPLICIT_KEY:
    ' Either a text on this line or the next holds a colon followed by a space (`Order number: 4471`), which starts a new field: put the whole text in quotes (`"Order number: 4471"`). Or a line here is indented more or less than the lines it belongs with: line it up with them, using spaces.',
  MULTILINE_IMPLICIT_KEY:
    ' A line here is indented differently from the lines it belongs with: line up each field with the others at its level, using spaces.',
  TAB_AS_INDENT: ' Indent with spaces, not tabs (two spaces for each level).',
  MISSING_CHAR:
    ' A quote, bracket or colon is missing: close each quoted text with the same quote it opens with, each `{` with `}` and each `[` with `]`, and write `field: value` with a space after the colon.',
  // `{ en: Hi: there }` or a `- ` inside `{ … }`: the text itself holds YAML punctuation.
  BLOCK_IN_FLOW:
    ' A colon followed by a space, or a `- `, inside `{ … }` or `[ … ]` starts a new field or list. Put the text in quotes: `{ en: "Hi: there", es: "…" }`.',
};

function firstLine(message: string): string {
  return (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?$/, '').replace(/\.$/, '');
}

function describe(error: unknown): string {
  return error instanceof Error ? firstLine(error.message) : 'unknown error';
}

/**
 * Scans raw YAML for nesting deeper than `maxDepth` without recursing, so a hostile file cannot
 * exhaust the parser's stack. Counts block indentation levels, compact `- - -` sequences and flow
 * brackets outside quotes, comments and block scalars. It may over-count odd but valid layouts a
 * little; the cap is far above what a scenario needs.
 */
export function findExcessNesting(text: string, maxDepth: number): Position | null {
  const indents: number[] = [];
  let flow = 0;
  let quote: '"' | "'" | null = null;
  let blockScalarIndent = -1;
  const lines = text.split(/\r\n|\r|\n/);
  for (let li = 0; li < lines.length; li += 1) {
    const line = lines[li] ?? '';
    let i = 0;
    if (quote === null && flow === 0) {
      while (i < line.length && line[i] === ' ') i += 1;
      if (i === line.length || line[i] === '#') continue;
      if (blockScalarIndent >= 0) {
        if (i > blockScalarIndent) continue;
        blockScalarIndent = -1;
      }
      const indent = i;
      while (indents.length > 0 && (indents[indents.length - 1] ?? 0) >= indent) indents.pop();
      indents.push(indent);
      // Compact nested sequences on one line ("- - - x") each add a level.
      while (line[i] === '-' && (line[i + 1] === ' ' || i + 1 === line.length)) {
        indents.push(i + 1);
        i += 2;
        while (line[i] === ' ') i += 1;
      }
      if (indents.length > maxDepth) return { line: li + 1, col: i + 1 };
    }
    let previous = ' ';
    for (; i < line.length; i += 1) {
      const ch = line[i];
      if (quote === '"') {
        if (ch === '\\') i += 1;
        else if (ch === '"') quote = null;
      } else if (quote === "'") {
        if (ch === "'" && line[i + 1] === "'") i += 1;
        else if (ch === "'") quote = null;
      } else if (ch === '#' && (previous === ' ' || previous === '\t')) {
        break;
      } else if ((ch === '"' || ch === "'") && (flow > 0 || /[\s:,[{-]/.test(previous))) {
        quote = ch;
      } else if ((ch === '[' || ch === '{') && (flow > 0 || /[\s:-]/.test(previous))) {
        flow += 1;
        if (flow + indents.length > maxDepth) return { line: li + 1, col: i + 1 };
      } else if ((ch === ']' || ch === '}') && flow > 0) {
        flow -= 1;
      }
      if (ch !== undefined) previous = ch;
    }
    if (quote === null && flow === 0 && /(?:^|[\s:-])[|>][+-]?\d?\s*(?:#.*)?$/.test(line)) {
      blockScalarIndent = indents[indents.length - 1] ?? 0;
    }
  }
  return null;
}
