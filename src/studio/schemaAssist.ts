/**
 * Completion and hover help for the studio's editor, from the same JSON Schemas editors get
 * (`public/schema/*.schema.json`). Pure: the YAML path at a position is read from the text's
 * indentation (block style, as trainers write scenarios, and one level of `{ ... }` on a line), and
 * the schema is walked along it. No YAML parser on the page: the checker runs in its worker.
 */

/** The part of a JSON Schema (draft 7, as `npm run schemas` writes it) the studio reads. */
export interface JsonSchema {
  readonly type?: string | readonly string[];
  readonly description?: string;
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly additionalProperties?: JsonSchema | boolean;
  readonly items?: JsonSchema;
  readonly anyOf?: readonly JsonSchema[];
  readonly oneOf?: readonly JsonSchema[];
  readonly allOf?: readonly JsonSchema[];
  readonly enum?: readonly unknown[];
  readonly const?: unknown;
}

/** One step of a path into a YAML document: a key, or `[]` for "an item of a list". */
export type PathStep = string | typeof ITEM;
/** The step into any item of a list (positions do not matter to the schema). */
export const ITEM = '[]' as const;

/** Where the cursor is: the keys above it, and whether it is writing a key or a key's value. */
export interface CursorPlace {
  /** The path to the mapping the cursor is in (for a key) or to the key whose value it writes. */
  readonly path: readonly PathStep[];
  readonly kind: 'key' | 'value';
  /** The word typed so far (completions replace it), and where it starts (an offset into the text). */
  readonly word: string;
  readonly from: number;
}

const KEY = /^([A-Za-z0-9_$-]+)\s*:(?:\s|$)/;

interface LineShape {
  /** Column of the first `- ` of a list item on the line, or -1. */
  readonly dash: number;
  /** Column where the line's own content (after any dashes) starts. */
  readonly content: number;
  readonly key: string | null;
}

function shapeOf(line: string): LineShape | null {
  const trimmed = line.trimStart();
  if (trimmed === '' || trimmed.startsWith('#')) return null;
  let content = line.length - trimmed.length;
  let dash = -1;
  while (/^-(\s|$)/.test(line.slice(content))) {
    if (dash < 0) dash = content;
    content += 1;
    while (line[content] === ' ') content += 1;
  }
  const key = KEY.exec(line.slice(content))?.[1] ?? null;
  return { dash, content, key };
}

/** The keys above column `column` of line `lineIndex`: the block-style parents, outermost first. */
function parentsAbove(lines: readonly string[], lineIndex: number, column: number): PathStep[] {
  const path: PathStep[] = [];
  let need = column;
  for (let i = lineIndex - 1; i >= 0 && need > 0; i -= 1) {
    const shape = shapeOf(lines[i] ?? '');
    if (!shape) continue;
    if (shape.key !== null && shape.content < need) {
      path.unshift(shape.key);
      need = shape.content;
    } else if (shape.key === null && shape.content < need && shape.dash < 0) {
      // A line of plain text (a folded value) at a lower indent ends nothing; skip it.
      continue;
    }
    if (shape.dash >= 0 && shape.dash < need) {
      path.unshift(ITEM);
      need = shape.dash;
    }
  }
  return path;
}

/**
 * What the cursor at `offset` is writing in `text`: a key of the mapping at its path, or the value of
 * a key. Null inside a comment.
 */
export function cursorPlace(text: string, offset: number): CursorPlace | null {
  const before = text.slice(0, offset);
  const lineStart = before.lastIndexOf('\n') + 1;
  const lines = text.split('\n');
  const lineIndex = before.split('\n').length - 1;
  const head = before.slice(lineStart);
  if (/(^|\s)#/.test(head)) return null;
  const wordMatch = /[A-Za-z0-9_-]*$/.exec(head);
  const word = wordMatch?.[0] ?? '';
  const from = offset - word.length;
  const shape = shapeOf(`${head}x`) ?? { dash: -1, content: head.length, key: null };
  const contentCol = shape.content;
  const blockPath = parentsAbove(lines, lineIndex, shape.dash >= 0 ? shape.dash : contentCol);
  if (shape.dash >= 0) blockPath.push(ITEM);
  const rest = head.slice(contentCol);
  return placeInLine(rest, blockPath, word, from);
}

/** Reads the keys written on the cursor's own line before it, flow mappings and lists included. */
function placeInLine(rest: string, path: PathStep[], word: string, from: number): CursorPlace {
  const stack: PathStep[] = [...path];
  let pendingKey: string | null = null;
  let i = 0;
  let kind: 'key' | 'value' = 'key';
  while (i < rest.length) {
    const c = rest[i];
    if (c === '"' || c === "'") {
      const end = rest.indexOf(c, i + 1);
      if (end < 0) return { path: pendingKey ? [...stack, pendingKey] : stack, kind: 'value', word, from };
      i = end + 1;
      continue;
    }
    const key = kind === 'key' ? KEY.exec(rest.slice(i)) : null;
    if (key?.[1]) {
      pendingKey = key[1];
      kind = 'value';
      i += key[0].length;
      continue;
    }
    if (c === '{' || c === '[') {
      if (pendingKey !== null) stack.push(pendingKey);
      if (c === '[') stack.push(ITEM);
      pendingKey = null;
      kind = c === '{' ? 'key' : 'value';
    } else if (c === '}' || c === ']') {
      stack.pop();
      if (c === ']') stack.pop();
      pendingKey = null;
    } else if (c === ',') {
      pendingKey = null;
      kind = stack[stack.length - 1] === ITEM ? 'value' : 'key';
    }
    i += 1;
  }
  if (kind === 'value' && pendingKey !== null) return { path: [...stack, pendingKey], kind, word, from };
  if (kind === 'value' && stack[stack.length - 1] === ITEM) return { path: stack, kind: 'value', word, from };
  return { path: stack, kind: 'key', word, from };
}

/** Every alternative a schema allows (`anyOf`/`oneOf`/`allOf` flattened). */
function alternatives(schema: JsonSchema): JsonSchema[] {
  const nested = [...(schema.anyOf ?? []), ...(schema.oneOf ?? []), ...(schema.allOf ?? [])];
  if (nested.length === 0) return [schema];
  return [schema, ...nested.flatMap(alternatives)];
}

/** The schemas that describe the value at `path`: several when alternatives allow it. */
export function schemasAt(root: JsonSchema, path: readonly PathStep[]): JsonSchema[] {
  let current = alternatives(root);
  for (const step of path) {
    const next: JsonSchema[] = [];
    for (const schema of current) {
      if (step === ITEM) {
        if (schema.items) next.push(...alternatives(schema.items));
      } else if (schema.properties?.[step]) {
        next.push(...alternatives(schema.properties[step]));
      } else if (typeof schema.additionalProperties === 'object') {
        next.push(...alternatives(schema.additionalProperties));
      }
    }
    current = next;
    if (current.length === 0) return [];
  }
  return current;
}

/** One suggestion: a key of the mapping (with its description) or a value the schema allows. */
export interface Suggestion {
  readonly label: string;
  readonly kind: 'key' | 'value';
  readonly detail: string | null;
}

/** What may be written at `place`: the mapping's keys, or the allowed values of the key. */
export function suggestionsAt(root: JsonSchema, place: CursorPlace): Suggestion[] {
  const schemas = schemasAt(root, place.path);
  const seen = new Set<string>();
  const out: Suggestion[] = [];
  const add = (label: string, kind: Suggestion['kind'], detail: string | null) => {
    if (seen.has(label) || !label.startsWith(place.word)) return;
    seen.add(label);
    out.push({ label, kind, detail });
  };
  for (const schema of schemas) {
    if (place.kind === 'key') {
      for (const [name, property] of Object.entries(schema.properties ?? {})) {
        add(name, 'key', descriptionOf(property));
      }
    } else {
      for (const value of schema.enum ?? []) add(String(value), 'value', schema.description ?? null);
      if (schema.const !== undefined) add(String(schema.const), 'value', schema.description ?? null);
      if (schema.type === 'boolean') {
        add('true', 'value', null);
        add('false', 'value', null);
      }
    }
  }
  return out;
}

/** A schema's description, or its alternatives' first. */
export function descriptionOf(schema: JsonSchema): string | null {
  for (const s of alternatives(schema)) if (s.description) return s.description;
  return null;
}

/** The help shown when hovering a key: its name, description and allowed values. Null when unknown. */
export function hoverAt(
  root: JsonSchema,
  text: string,
  offset: number,
): { from: number; to: number; key: string; description: string | null; values: string[] } | null {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const lineEndRaw = text.indexOf('\n', offset);
  const line = text.slice(lineStart, lineEndRaw < 0 ? text.length : lineEndRaw);
  const col = offset - lineStart;
  const wordRe = /[A-Za-z0-9_-]+/g;
  let match: RegExpExecArray | null = wordRe.exec(line);
  while (match && match.index + match[0].length < col) match = wordRe.exec(line);
  if (!match || match.index > col) return null;
  const end = match.index + match[0].length;
  if (!/^\s*:(\s|$)/.test(line.slice(end))) return null;
  const key = match[0];
  const place = cursorPlace(text, lineStart + match.index);
  if (place?.kind !== 'key') return null;
  const schemas = schemasAt(root, [...place.path, key]);
  if (schemas.length === 0) return null;
  const description = schemas.map(descriptionOf).find((d) => d !== null) ?? null;
  const values = [...new Set(schemas.flatMap((s) => (s.enum ?? []).map(String)))];
  return { from: lineStart + match.index, to: lineStart + end, key, description, values };
}
