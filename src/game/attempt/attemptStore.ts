/**
 * Where an attempt lives between refreshes: the current attempt's save (written after every intent)
 * and, where IndexedDB cannot be used (see `historyStore`), the capped list of finished attempts, in
 * the browser's localStorage. Storage is untrusted and can
 * fail: it may be disabled, full or hold a damaged or newer save. Every operation returns what
 * happened, never throws, and keeps whatever it could not read so nothing is lost; the game carries
 * on in memory and shows the reason.
 */
// valibot: the menu reads these before it shows, and a schema library's core (zod's, even its functional
// build) was most of the menu's first chunk; valibot's checks are separate functions the build keeps
// only as used.
import * as v from 'valibot';
import { fail, type Result, succeed } from '../../core/result';

/** The few Storage methods the store needs (localStorage, or a stand-in in tests). */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** localStorage if the browser lets the page use it; null when storage is disabled or blocked. */
export function browserStorage(): KeyValueStorage | null {
  try {
    const storage = globalThis.localStorage;
    const probe = '__escalation-desk-probe__';
    storage.setItem(probe, '1');
    storage.removeItem(probe);
    return storage;
  } catch {
    return null;
  }
}

const PREFIX = 'escalation-desk:';
/** The trainee's own attempts; a studio play keeps its attempt under its own prefix (see `AttemptStore`). */
const keysOf = (prefix: string) =>
  ({
    slotA: `${prefix}attempt:a`,
    slotB: `${prefix}attempt:b`,
    current: `${prefix}attempt:current`,
    history: `${prefix}history`,
  }) as const;

/** The `format` of a stored attempt. */
export const ATTEMPT_FORMAT = 'escalation-desk/attempt';
/**
 * The stored attempt's version; an older one is migrated here, a newer one is refused. Version 2 added
 * the trainee's id and employee id; a version 1 save is read without them (see `Attempt.resume`).
 */
export const ATTEMPT_VERSION = 2;
const MAX_ATTEMPT_CHARS = 4 * 1024 * 1024;
/** Finished attempts kept in localStorage (IndexedDB keeps them all); the oldest go first when full. */
export const MAX_HISTORY = 100;

/**
 * A trainee's id and employee id as storage holds them: the same checks as `TraineeIdSchema` and
 * `EmployeeIdSchema` in `core/trainee` (a unit test holds them to it), written here in valibot
 * because importing the core's would bring zod into the menu's first chunk.
 */
export const StoredTraineeId = v.pipe(v.string(), v.regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/));
export const StoredEmployeeId = v.pipe(v.string(), v.minLength(1), v.maxLength(64), v.regex(/^[^\p{Cc}]+$/u));

const text = (max: number) => v.pipe(v.string(), v.maxLength(max));
const Language = v.pipe(v.string(), v.regex(/^[a-z]{2}(-[A-Z]{2})?$/));
const Mode = v.picklist(['practice', 'shift']);

const StoredAttemptSchema = v.strictObject({
  format: v.literal(ATTEMPT_FORMAT),
  version: v.union([v.literal(1), v.literal(ATTEMPT_VERSION)]),
  trainee: text(200),
  /** Absent in version 1 saves, made before trainees had ids. */
  traineeId: v.optional(StoredTraineeId),
  employeeId: v.optional(v.nullable(StoredEmployeeId)),
  language: Language,
  mode: Mode,
  /** The scenario of a practice attempt, or the shift's id. */
  playing: v.pipe(v.string(), v.minLength(1), v.maxLength(80)),
  replyMode: v.picklist(['typed', 'choices']),
  coaching: v.boolean(),
  savedAt: text(40),
  /** The engine's save envelope (see `saveSession`), as text. */
  save: text(MAX_ATTEMPT_CHARS),
});

/** The current attempt as stored: who plays what, how, and the engine's save. */
export type StoredAttempt = v.InferOutput<typeof StoredAttemptSchema>;

/** A finished attempt as kept, checked whenever it is read back (storage is untrusted). */
export const HistoryEntrySchema = v.strictObject({
  id: text(100),
  trainee: text(200),
  /** Absent in entries kept before trainees had ids. */
  traineeId: v.optional(StoredTraineeId),
  mode: Mode,
  playing: text(80),
  scenarios: v.pipe(v.array(text(80)), v.maxLength(200)),
  grade: v.nullable(v.picklist(['Unsatisfactory', 'Expected', 'Desired', 'Exceptional'])),
  overall: v.nullable(v.pipe(v.number(), v.minValue(0), v.maxValue(100))),
  finishedAt: text(40),
  /** The full scorecard, as exported. */
  scorecard: text(MAX_ATTEMPT_CHARS),
});

/** A finished attempt in the history: a summary the menu and manager view list, and its scorecard. */
export type HistoryEntry = v.InferOutput<typeof HistoryEntrySchema>;

/**
 * A stored value checked against one of these schemas: its value, or the path of the first field that
 * did not read ("shape" when the value itself is wrong).
 */
export function readStored<S extends v.GenericSchema>(
  schema: S,
  value: unknown,
):
  | { readonly success: true; readonly data: v.InferOutput<S> }
  | { readonly success: false; readonly issue: string } {
  // valibot reads an array as an object with missing keys; it is no record at all.
  if (schema.type === 'strict_object' && Array.isArray(value)) return { success: false, issue: 'shape' };
  const parsed = v.safeParse(schema, value);
  if (parsed.success) return { success: true, data: parsed.output };
  const path = parsed.issues[0]?.path?.map((item) => String(item.key)).join('.');
  return { success: false, issue: path || 'shape' };
}

/** Why storage did not do what was asked: it is disabled, full, or failed otherwise. */
export type StoreFailure = 'disabled' | 'full' | 'failed';

/** Why a write did not happen; the game carries on in memory and says so. */
export interface WriteProblem {
  readonly code: StoreFailure;
}

/** What a write did. */
export type WriteResult = Result<void, WriteProblem>;

/**
 * Why the stored attempt cannot be read: it is damaged (`reason` says where), or a newer version of
 * the game wrote it. `raw` is what was stored, kept so the trainee can download it.
 */
export interface ReadProblem {
  readonly code: 'damaged' | 'newer';
  readonly reason: string;
  readonly raw: string;
}

/** What reading the current attempt found: the attempt, nothing (null), or why it cannot be read. */
export type ReadResult = Result<StoredAttempt | null, ReadProblem>;

function failureOf(error: unknown): StoreFailure {
  const name = error instanceof Error ? error.name : '';
  if (name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED') return 'full';
  if (name === 'SecurityError') return 'disabled';
  return 'failed';
}

/** Reads and writes attempts and history in one storage. */
export class AttemptStore {
  private readonly keys: ReturnType<typeof keysOf>;

  /**
   * `prefix` keeps a separate set of saves in the same storage (a trainer's draft play must never
   * overwrite the trainee's attempt in progress); the trainee's own attempts use the default.
   */
  constructor(
    private readonly storage: KeyValueStorage | null,
    prefix: string = PREFIX,
  ) {
    this.keys = keysOf(prefix);
  }

  /**
   * Hears every save of the current attempt as it is written: in a learning system, the game keeps
   * each one there as resume data too (see `reporting/lmsMode.ts`).
   */
  alsoKeep: ((attempt: StoredAttempt) => void) | null = null;

  /** Whether anything can be kept across a refresh at all. */
  get available(): boolean {
    return this.storage !== null;
  }

  private write(key: string, value: string): WriteResult {
    if (!this.storage) return fail([{ code: 'disabled' }]);
    try {
      this.storage.setItem(key, value);
      return succeed(undefined);
    } catch (error) {
      return fail([{ code: failureOf(error) }]);
    }
  }

  private read(key: string): string | null {
    try {
      return this.storage?.getItem(key) ?? null;
    } catch {
      return null;
    }
  }

  /**
   * Saves the current attempt. The save goes to the slot not in use, then the pointer flips to it, so a
   * crash halfway leaves the previous save whole.
   */
  saveCurrent(attempt: StoredAttempt): WriteResult {
    // Kept elsewhere too (a learning system's resume data), whether or not this browser could keep it.
    this.alsoKeep?.(attempt);
    const next = this.read(this.keys.current) === 'a' ? 'b' : 'a';
    const written = this.write(next === 'a' ? this.keys.slotA : this.keys.slotB, JSON.stringify(attempt));
    if (!written.ok) return written;
    return this.write(this.keys.current, next);
  }

  /**
   * The current attempt, checked; null when there is none (or storage is unavailable). A damaged or
   * newer one comes back raw in its problem so it can be exported.
   */
  readCurrent(): ReadResult {
    const problem = (code: ReadProblem['code'], reason: string, raw: string) => fail([{ code, reason, raw }]);
    if (!this.storage) return succeed(null);
    const slot = this.read(this.keys.current);
    if (slot !== 'a' && slot !== 'b') return succeed(null);
    const raw = this.read(slot === 'a' ? this.keys.slotA : this.keys.slotB);
    if (raw === null) return succeed(null);
    if (raw.length > MAX_ATTEMPT_CHARS) return problem('damaged', 'too-large', '');
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      return problem('damaged', 'not-json', raw);
    }
    const version = (value as { version?: unknown } | null)?.version;
    if (typeof version === 'number' && version > ATTEMPT_VERSION)
      return problem('newer', `version ${version}`, raw);
    const parsed = readStored(StoredAttemptSchema, value);
    if (!parsed.success) return problem('damaged', parsed.issue, raw);
    return succeed(parsed.data);
  }

  /**
   * Forgets the current attempt (finished, or abandoned by the trainee); with `onlyIf`, only when the
   * stored attempt is still the one it accepts (a finish confirmed late must not forget a newer one).
   */
  clearCurrent(onlyIf?: (stored: StoredAttempt) => boolean): void {
    if (onlyIf) {
      const read = this.readCurrent();
      if (!read.ok || !read.value || !onlyIf(read.value)) return;
    }
    try {
      this.storage?.removeItem(this.keys.current);
      this.storage?.removeItem(this.keys.slotA);
      this.storage?.removeItem(this.keys.slotB);
    } catch {
      // Nothing more can be done; the next save overwrites it.
    }
  }

  /** Finished attempts, newest first; entries that do not read are skipped, not fatal. */
  history(): HistoryEntry[] {
    const raw = this.read(this.keys.history);
    if (raw === null) return [];
    let list: unknown;
    try {
      list = JSON.parse(raw);
    } catch {
      return [];
    }
    if (!Array.isArray(list)) return [];
    return list.flatMap((item) => {
      const parsed = readStored(HistoryEntrySchema, item);
      return parsed.success ? [parsed.data] : [];
    });
  }

  /**
   * Adds a finished attempt to the history, newest first. When storage is full the oldest entries are
   * dropped until it fits; the new one is kept if anything can be.
   */
  addToHistory(entry: HistoryEntry): WriteResult {
    let list = [entry, ...this.history().filter((e) => e.id !== entry.id)].slice(0, MAX_HISTORY);
    for (;;) {
      const written = this.write(this.keys.history, JSON.stringify(list));
      if (written.ok || written.problems[0]?.code !== 'full' || list.length <= 1) return written;
      list = list.slice(0, Math.max(1, Math.floor(list.length / 2)));
    }
  }

  /** Forgets the localStorage list of finished attempts (once they are safely elsewhere). */
  clearHistory(): void {
    try {
      this.storage?.removeItem(this.keys.history);
    } catch {
      // Left in place: moving it again later is harmless, entries are kept by id.
    }
  }
}
