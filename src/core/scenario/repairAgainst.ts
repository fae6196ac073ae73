import type { z } from 'zod';
import { type Result, succeed } from '../result';
import type { Problem } from './problems';
import type { YamlFile, YamlPath } from './readYaml';
import { validateAgainst } from './schemaProblems';

type Schema = z.core.$ZodType;
type Def = Record<string, unknown> & { type: string };

/**
 * A file's value made to fit its schema so the checks after the format can still run: every field the
 * format refused is left out when it may be, or stood in for by a plain value of the right shape.
 * `repaired` lists where; a later problem at, inside or around one of those places is about the stand-in,
 * not the trainer's file, so the compiler drops it. `replaced` holds the words that were stood in for
 * (a beat id written with spaces): a reference to one of them is not a second mistake.
 */
export interface Repair<T> {
  readonly value: T;
  readonly repaired: readonly YamlPath[];
  readonly replaced: ReadonlySet<string>;
}

/**
 * A file's value checked against its format: the value itself when it fits; otherwise the problems the
 * format found (`refused`) and the repaired value to go on checking with.
 */
export interface Checked<T> {
  readonly source: T;
  readonly refused: readonly Problem[];
  readonly repair: Repair<T> | null;
}

/**
 * Validates like {@link validateAgainst}, but a refused file that can be repaired still gives a value,
 * so the checks after the format run in the same round. Fails only when no repair fits.
 */
export function validateOrRepair<T>(schema: z.ZodType<T>, yaml: YamlFile): Result<Checked<T>, Problem> {
  const valid = validateAgainst(schema, yaml);
  if (valid.ok) return succeed({ source: valid.value, refused: [], repair: null });
  const repair = repairAgainst(schema, yaml.value);
  if (!repair) return valid;
  return succeed({ source: repair.value, refused: valid.problems, repair });
}

/** How many times the value is parsed again after a round of repairs before giving up. */
const ROUNDS = 12;

/**
 * Repairs `raw` against `schema` (see {@link Repair}), or returns null when it cannot be made to fit
 * without standing in for the whole file. Never changes `raw`. Deterministic: the same value and
 * schema give the same repair.
 */
export function repairAgainst<T>(schema: z.ZodType<T>, raw: unknown): Repair<T> | null {
  let value: unknown = copyOf(raw);
  const repaired = new Map<string, YamlPath>();
  const replaced = new Set<string>();
  const tried = new Set<string>();
  for (let round = 0; round < ROUNDS; round += 1) {
    const result = schema.safeParse(value);
    if (result.success) return { value: result.data, repaired: [...repaired.values()], replaced };
    for (const issue of result.error.issues) {
      const path = issue.path as (string | number)[];
      if (issue.code === 'invalid_key') {
        // A key a record does not allow (a language the pack lacks): leave the entry out.
        removeAt(value, path);
        repaired.set(keyOf(path), path);
        continue;
      }
      if (issue.code === 'unrecognized_keys') {
        for (const key of issue.keys) {
          removeAt(value, [...path, key]);
          repaired.set(keyOf([...path, key]), [...path, key]);
        }
        continue;
      }
      // The first time a place is refused, its own field is repaired; if it is refused again, the
      // field that holds it is.
      let at: YamlPath = path;
      while (tried.has(keyOf(at)) && at.length > 0) at = at.slice(0, -1);
      if (tried.has(keyOf(at)) && at.length === 0) return null;
      tried.add(keyOf(at));
      if (at.length === 0) return null;
      const node = schemaAt(schema, at);
      const before = valueAt(value, at);
      if (typeof before === 'string') replaced.add(before);
      if (node && isOptional(node) && typeof at[at.length - 1] === 'string') {
        removeAt(value, at);
      } else {
        const filler = node ? fillerFor(node, before) : undefined;
        if (filler === undefined) {
          // Nothing of the right shape: let the next round repair the field around it.
          continue;
        }
        value = setAt(value, at, filler);
      }
      repaired.set(keyOf(at), at);
    }
  }
  return null;
}

/** Whether a later problem at `path` could come from a repair: the same place, inside it or around it. */
export function touchesRepair(path: YamlPath, repaired: readonly YamlPath[]): boolean {
  return repaired.some((place) => {
    const shorter = Math.min(place.length, path.length);
    if (path.length === 0 && place.length > 0) return false;
    for (let i = 0; i < shorter; i += 1) if (place[i] !== path[i]) return false;
    return true;
  });
}

function keyOf(path: YamlPath): string {
  return JSON.stringify(path);
}

function defOf(node: Schema): Def {
  return node._zod.def as unknown as Def;
}

function isOptional(node: Schema): boolean {
  const type = defOf(node).type;
  return type === 'optional' || type === 'default';
}

/** The schema of the value at `path`, walking objects, lists, records, unions and wrappers. */
function schemaAt(schema: Schema, path: YamlPath): Schema | null {
  if (path.length === 0) return schema;
  const def = defOf(schema);
  const [head, ...rest] = path;
  switch (def.type) {
    case 'optional':
    case 'nullable':
    case 'default':
    case 'readonly':
      return schemaAt(def.innerType as Schema, path);
    case 'pipe':
      return schemaAt(def.in as Schema, path);
    case 'lazy':
      return schemaAt((def.getter as () => Schema)(), path);
    case 'union':
      for (const option of def.options as Schema[]) {
        const found = schemaAt(option, path);
        if (found) return found;
      }
      return null;
    case 'array':
      return typeof head === 'number' ? schemaAt(def.element as Schema, rest) : null;
    case 'record':
      return schemaAt(def.valueType as Schema, rest);
    case 'object': {
      const next = (def.shape as Record<string, Schema>)[String(head)];
      return next ? schemaAt(next, rest) : null;
    }
    default:
      return null;
  }
}

/** Words tried, in order, as a stand-in for text that must have a certain form. */
const TEXT_CANDIDATES = ['x', 'x1', '1m', '1', 'a-b', 'en'];

/**
 * A plain value `node` accepts, or undefined when there is none to be had simply. Text the trainer
 * wrote is kept in the form the format wants where it can be (`Walking Through` stands in as
 * `walking-through`), so references to it still resolve.
 */
function fillerFor(node: Schema, written?: unknown): unknown {
  const def = defOf(node);
  switch (def.type) {
    case 'optional':
    case 'default':
      return undefined;
    case 'nullable':
      return null;
    case 'readonly':
      return fillerFor(def.innerType as Schema);
    case 'pipe':
      return fillerFor(def.in as Schema);
    case 'lazy':
      return fillerFor((def.getter as () => Schema)());
    case 'enum':
      return Object.values(def.entries as Record<string, unknown>)[0];
    case 'literal':
      return (def.values as unknown[])[0];
    case 'boolean':
      return false;
    case 'number':
    case 'int': {
      const numeric = node as unknown as { minValue?: number | null; maxValue?: number | null };
      const low = numeric.minValue ?? null;
      const high = numeric.maxValue ?? null;
      const pick = low !== null && Number.isFinite(low) ? Math.ceil(low) : 0;
      return high !== null && pick > high ? high : pick;
    }
    case 'string': {
      const accepts = (text: string) => (node as z.ZodType).safeParse(text).success;
      if (typeof written === 'string') {
        const tidied = written
          .trim()
          .toLowerCase()
          .replace(/\s+/g, '-')
          .replace(/[^a-z0-9_-]/g, '')
          .slice(0, 64);
        if (tidied !== '' && accepts(tidied)) return tidied;
      }
      return TEXT_CANDIDATES.find(accepts);
    }
    case 'array': {
      const least = minimumLength(def);
      if (least === 0) return [];
      const element = fillerFor(def.element as Schema);
      return element === undefined ? undefined : Array.from({ length: least }, () => element);
    }
    case 'record':
      return {};
    case 'object': {
      const filled: Record<string, unknown> = {};
      for (const [key, field] of Object.entries(def.shape as Record<string, Schema>)) {
        if (isOptional(field)) continue;
        const inner = fillerFor(field);
        if (inner === undefined) return undefined;
        filled[key] = inner;
      }
      return filled;
    }
    case 'union':
      for (const option of def.options as Schema[]) {
        const filled = fillerFor(option);
        if (filled !== undefined) return filled;
      }
      return undefined;
    default:
      return undefined;
  }
}

function minimumLength(def: Def): number {
  const checks = (def.checks as { _zod: { def: { check: string; minimum?: number } } }[] | undefined) ?? [];
  let least = 0;
  for (const check of checks) {
    if (check._zod.def.check === 'min_length') least = Math.max(least, check._zod.def.minimum ?? 0);
  }
  return least;
}

function valueAt(value: unknown, path: YamlPath): unknown {
  let node = value;
  for (const segment of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[segment];
  }
  return node;
}

function setAt(value: unknown, path: YamlPath, next: unknown): unknown {
  if (path.length === 0) return next;
  const parent = valueAt(value, path.slice(0, -1));
  // A parent that is not a map or list is refused itself, and repaired in its turn.
  if (parent === null || typeof parent !== 'object') return value;
  (parent as Record<string | number, unknown>)[path[path.length - 1] as string | number] = next;
  return value;
}

function removeAt(value: unknown, path: YamlPath): void {
  const parent = valueAt(value, path.slice(0, -1));
  if (parent !== null && typeof parent === 'object' && !Array.isArray(parent)) {
    delete (parent as Record<string, unknown>)[String(path[path.length - 1])];
  }
}

/** A deep copy of a value read from YAML (maps, lists and plain values only). */
function copyOf(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(copyOf);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, copyOf(inner)]));
  }
  return value;
}
