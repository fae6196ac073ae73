/**
 * A running attempt: a shift machine, the inputs it has been given and everything it emitted, as a
 * transcript. Replaying a transcript's inputs against the same scenarios reproduces every event; the
 * save envelope is the same record, versioned, so a refresh resumes exactly where the trainee was.
 */
import { initialTransition, transition } from 'xstate';
import { z } from 'zod';
import { lexiconAnalyser } from '../analysis/analyseReply';
import { canonicalJson } from '../canonicalJson';
import { contentHash } from '../contentHash';
import type { Scenario } from '../scenario/types';
import { IntentSchema, type RefusalReason } from './intents';
import { createPersonaMachine, type PersonaMachine } from './personaMachine';
import { seedState } from './random';
import type { ReplyAnalyser } from './replyAnalyser';
import type { Shift } from './shift';
import { createShiftMachine, type ShiftInput, type ShiftMachine } from './shiftMachine';
import type { ShiftContext, ShiftEmitted, ShiftWorld } from './shiftSteps';

/** Bumped whenever a change could make an old transcript replay differently. */
export const ENGINE_VERSION = '1.1.0';

/** Names the exact scenario version an attempt was played on: its id, authored version and content hash. */
export interface ScenarioRef {
  readonly id: string;
  readonly version: number;
  readonly contentHash: string;
}

/**
 * One numbered line of a transcript (`seq` from 0): an input the session accepted or an event it
 * emitted, at a game time in milliseconds.
 */
export type TranscriptEntry =
  | { readonly seq: number; readonly at: number; readonly kind: 'input'; readonly input: ShiftInput }
  | { readonly seq: number; readonly at: number; readonly kind: 'event'; readonly event: ShiftEmitted };

/**
 * The full record of an attempt: engine version, seed, shift, the scenario versions played, and every
 * input and event in order.
 */
export interface Transcript {
  readonly engineVersion: string;
  readonly seed: number | string;
  readonly shift: Shift;
  readonly scenarios: readonly ScenarioRef[];
  readonly entries: readonly TranscriptEntry[];
}

/**
 * What a {@link ShiftSession} is built from: the scenarios (every one the shift names must be among
 * them), the shift and the seed.
 */
export interface SessionOptions {
  readonly scenarios: readonly Scenario[];
  readonly shift: Shift;
  readonly seed: number | string;
  /** The reply analyser; the shipped lexicon analyser when absent. */
  readonly analyser?: ReplyAnalyser;
}

const Duration = z
  .number()
  .int()
  .min(0)
  .max(30 * 24 * 3_600_000);

/** Every input a session accepts, checked live and on restore alike. */
export const ShiftInputSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('clock.tick'),
    ms: z
      .number()
      .min(0)
      .max(30 * 24 * 3_600_000),
  }),
  z.strictObject({ type: z.literal('clock.pause') }),
  z.strictObject({ type: z.literal('clock.resume') }),
  z.strictObject({ type: z.literal('clock.speed'), speed: z.number().min(0.1).max(600) }),
  z.strictObject({ type: z.literal('trainee.intent'), intent: IntentSchema }),
]);

type ShiftSnapshot = ReturnType<typeof initialTransition<ShiftMachine>>[0];

function emittedFrom(actions: readonly { type: string; params?: unknown }[]): ShiftEmitted[] {
  return actions
    .filter((a) => a.type === 'xstate.emit')
    .map((a) => (a.params as { event: ShiftEmitted }).event);
}

/** Personas are compiled once per scenario and shared by every session that plays it. */
const personaCache = new WeakMap<Scenario, PersonaMachine>();
function personaFor(scenario: Scenario): PersonaMachine {
  let machine = personaCache.get(scenario);
  if (!machine) {
    machine = createPersonaMachine(scenario);
    personaCache.set(scenario, machine);
  }
  return machine;
}

function isExactTick(previous: ShiftInput, next: ShiftInput, speed: number): boolean {
  return (
    previous.type === 'clock.tick' &&
    next.type === 'clock.tick' &&
    Number.isInteger(previous.ms) &&
    Number.isInteger(next.ms) &&
    Number.isInteger(speed)
  );
}

/**
 * One attempt at a shift (a practice run is a shift of one). Feed it inputs with {@link send}; it
 * keeps the transcript. Deterministic: the same scenarios, seed and inputs give the same events.
 */
export class ShiftSession {
  private snapshot: ShiftSnapshot;
  private readonly entries: TranscriptEntry[] = [];
  private readonly machine: ShiftMachine;
  readonly scenarioRefs: readonly ScenarioRef[];

  constructor(readonly options: SessionOptions) {
    const used = new Set(options.shift.arrivals.map((a) => a.scenario));
    const scenarios = options.scenarios.filter((s) => used.has(s.id));
    const missing = [...used].filter((id) => !scenarios.some((s) => s.id === id));
    if (missing.length > 0)
      throw new RangeError(`The shift names scenarios that are not loaded: ${missing.join(', ')}`);
    const world: ShiftWorld = {
      shift: options.shift,
      scenarios: new Map(scenarios.map((s) => [s.id, s])),
      personas: new Map(scenarios.map((s) => [s.id, personaFor(s)])),
      analyser: options.analyser ?? lexiconAnalyser,
    };
    this.scenarioRefs = scenarios.map((s) => ({ id: s.id, version: s.version, contentHash: s.contentHash }));
    this.machine = createShiftMachine(world);
    const [snapshot, actions] = initialTransition(this.machine, { rngState: seedState(options.seed) });
    this.snapshot = snapshot;
    this.record(emittedFrom(actions));
  }

  /** The shift as it is now (contacts, personas, promises, the clock). */
  get context(): ShiftContext {
    return this.snapshot.context;
  }

  get now(): number {
    return this.snapshot.context.now;
  }

  get isOver(): boolean {
    return this.snapshot.status === 'done';
  }

  /**
   * Applies one input and returns what it caused (refusals included). A malformed intent (from a
   * bug or a tampered client) is refused as `invalid-intent` and not recorded, so a transcript only
   * ever holds inputs a restore accepts; a malformed clock input is a programming error and throws.
   */
  send(raw: ShiftInput): ShiftEmitted[] {
    const parsed = ShiftInputSchema.safeParse(raw);
    if (!parsed.success) {
      if (raw?.type === 'trainee.intent') {
        return [{ type: 'intent.refused', at: this.now, intent: raw.intent, reason: 'invalid-intent' }];
      }
      throw new RangeError(`Not a shift input: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
    }
    const input = parsed.data as ShiftInput;
    const last = this.entries[this.entries.length - 1];
    if (input.type === 'clock.tick' && last?.kind === 'input' && isExactTick(last.input, input, this.speed)) {
      // A tick after a tick that caused nothing is recorded as one longer tick: the same game time
      // cut either way gives the same events (a tested property), and the arithmetic is exact in
      // whole milliseconds at a whole-number speed. A transcript then holds a tick only when
      // something happened, which keeps saves small and replays fast.
      const merged = { type: 'clock.tick' as const, ms: (last.input as { ms: number }).ms + input.ms };
      this.entries[this.entries.length - 1] = { ...last, input: merged };
    } else {
      this.entries.push({ seq: this.entries.length, at: this.now, kind: 'input', input });
    }
    let emitted: ShiftEmitted[];
    if (this.snapshot.status === 'done' && input.type === 'trainee.intent') {
      emitted = [
        {
          type: 'intent.refused',
          at: this.now,
          intent: input.intent,
          reason: 'shift-over' satisfies RefusalReason,
        },
      ];
    } else {
      const [snapshot, actions] = transition(this.machine, this.snapshot, input);
      this.snapshot = snapshot;
      emitted = emittedFrom(actions);
    }
    this.record(emitted);
    return emitted;
  }

  private get speed(): number {
    return this.snapshot.context.speed;
  }

  private record(events: readonly ShiftEmitted[]): void {
    for (const event of events)
      this.entries.push({ seq: this.entries.length, at: event.at, kind: 'event', event });
  }

  get transcript(): Transcript {
    return {
      engineVersion: ENGINE_VERSION,
      seed: this.options.seed,
      shift: this.options.shift,
      scenarios: this.scenarioRefs,
      entries: [...this.entries],
    };
  }

  /** Every input so far, in order: all a save needs to rebuild this session. */
  get inputs(): ShiftInput[] {
    return this.entries.flatMap((e) => (e.kind === 'input' ? [e.input] : []));
  }

  /** Every event so far, in order. */
  get events(): ShiftEmitted[] {
    return this.entries.flatMap((e) => (e.kind === 'event' ? [e.event] : []));
  }
}

/**
 * The outcome of {@link replayTranscript}: the replayed session, or why it failed (a scenario version
 * is unavailable, the engine version differs, or entry `seq` came out differently).
 */
export type ReplayResult =
  | { ok: true; session: ShiftSession }
  | { ok: false; reason: 'scenario-unavailable'; missing: readonly ScenarioRef[] }
  | { ok: false; reason: 'engine-version'; expected: string; found: string }
  | { ok: false; reason: 'diverged'; seq: number; expected: unknown; actual: unknown };

/** Structural equality of JSON-like values, whatever order their keys were written in. */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((value, i) => sameValue(value, b[i]));
  }
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = Object.keys(left);
  if (keys.length !== Object.keys(right).length) return false;
  return keys.every((key) => Object.hasOwn(right, key) && sameValue(left[key], right[key]));
}

/** Finds the exact scenario versions a record names; those not available are reported. */
function matchScenarios(
  refs: readonly ScenarioRef[],
  scenarios: readonly Scenario[],
): { found: Scenario[]; missing: ScenarioRef[] } {
  const found: Scenario[] = [];
  const missing: ScenarioRef[] = [];
  for (const ref of refs) {
    const scenario = scenarios.find((s) => s.id === ref.id && s.contentHash === ref.contentHash);
    if (scenario) found.push(scenario);
    else missing.push(ref);
  }
  return { found, missing };
}

/**
 * Replays a transcript's inputs against the scenarios it names and checks that every recorded event
 * comes out again, identically and in order.
 */
export function replayTranscript(
  transcript: Transcript,
  scenarios: readonly Scenario[],
  analyser?: ReplyAnalyser,
): ReplayResult {
  if (transcript.engineVersion !== ENGINE_VERSION) {
    return { ok: false, reason: 'engine-version', expected: ENGINE_VERSION, found: transcript.engineVersion };
  }
  const { found, missing } = matchScenarios(transcript.scenarios, scenarios);
  if (missing.length > 0) return { ok: false, reason: 'scenario-unavailable', missing };
  const unnamed = transcript.shift.arrivals.filter((a) => !found.some((s) => s.id === a.scenario));
  if (unnamed.length > 0) {
    const refs = unnamed.map((a) => ({ id: a.scenario, version: 0, contentHash: '' }));
    return { ok: false, reason: 'scenario-unavailable', missing: refs };
  }
  const session = new ShiftSession({
    scenarios: found,
    shift: transcript.shift,
    seed: transcript.seed,
    ...(analyser ? { analyser } : {}),
  });
  for (const entry of transcript.entries) {
    if (entry.kind === 'input') session.send(entry.input);
  }
  const replayed = session.transcript.entries;
  const length = Math.max(replayed.length, transcript.entries.length);
  for (let seq = 0; seq < length; seq += 1) {
    const expected = transcript.entries[seq];
    const actual = replayed[seq];
    if (!sameValue(expected, actual)) return { ok: false, reason: 'diverged', seq, expected, actual };
  }
  return { ok: true, session };
}

/* ----------------------------------------------------------------------------------------------- */
/* Saving and restoring                                                                              */

/** The `format` tag every save envelope carries. */
export const SAVE_FORMAT = 'escalation-desk/save';
/** The save envelope's version; a restore accepts only this one. */
export const SAVE_VERSION = 1;
/** Saves larger than this are refused before parsing. */
export const MAX_SAVE_CHARS = 5 * 1024 * 1024;

/** Validates a shift as a save or scorecard records it. */
export const ShiftRecordSchema = z.strictObject({
  id: z.string().max(80),
  title: z.record(z.string().regex(/^[a-z]{2}(-[A-Z]{2})?$/), z.string().max(2000)),
  lengthMs: Duration.nullable(),
  speed: z.number().min(0.1).max(600),
  jitterMs: Duration,
  arrivals: z
    .array(z.strictObject({ scenario: z.string().max(64), atMs: Duration }))
    .min(1)
    .max(200),
});

const SaveSchema = z.strictObject({
  format: z.literal(SAVE_FORMAT),
  version: z.literal(SAVE_VERSION),
  engineVersion: z.string().max(20),
  seed: z.union([z.number().int(), z.string().max(200)]),
  shift: ShiftRecordSchema,
  scenarios: z
    .array(
      z.strictObject({
        id: z.string().max(64),
        version: z.number().int().min(1),
        contentHash: z.string().regex(/^[0-9a-f]{64}$/),
      }),
    )
    .max(200),
  inputs: z.array(ShiftInputSchema).max(100_000),
  /** SHA-256 of the events the inputs produced, to prove a restore reached the same state. */
  eventsHash: z.string().regex(/^[0-9a-f]{64}$/),
});

/**
 * A saved attempt: the inputs to replay, and the engine version, seed, shift, scenario versions and
 * events hash that a restore checks them against.
 */
export type SaveEnvelope = z.infer<typeof SaveSchema>;

function hashEvents(events: readonly ShiftEmitted[]): string {
  return contentHash(canonicalJson(events));
}

/** The save envelope for a session, as JSON text. */
export function saveSession(session: ShiftSession): string {
  const envelope: SaveEnvelope = {
    format: SAVE_FORMAT,
    version: SAVE_VERSION,
    engineVersion: ENGINE_VERSION,
    seed: session.options.seed,
    shift: session.options.shift as SaveEnvelope['shift'],
    scenarios: [...session.scenarioRefs],
    inputs: session.inputs as SaveEnvelope['inputs'],
    eventsHash: hashEvents(session.events),
  };
  return JSON.stringify(envelope);
}

/** The outcome of {@link restoreSession}: the restored session, or a reason a person can read. */
export type RestoreResult = { ok: true; session: ShiftSession } | { ok: false; reason: string };

/**
 * Restores a session from saved text, all or nothing: the save is size-checked, parsed, validated
 * strictly, matched to the exact scenario versions it was played on, replayed, and the replayed events
 * checked against the saved fingerprint. Any failure returns a reason a person can read.
 */
export function restoreSession(
  text: string,
  scenarios: readonly Scenario[],
  analyser?: ReplyAnalyser,
): RestoreResult {
  if (typeof text !== 'string' || text.length === 0) return { ok: false, reason: 'The save is empty.' };
  if (text.length > MAX_SAVE_CHARS)
    return { ok: false, reason: `The save is larger than ${MAX_SAVE_CHARS / 1024 / 1024} MiB.` };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'The save is not valid JSON; it may have been cut short.' };
  }
  const parsed = SaveSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      ok: false,
      reason: `The save is damaged at ${issue?.path.join('.') || 'its top level'}: ${issue?.message ?? 'invalid'}.`,
    };
  }
  const save = parsed.data;
  if (save.engineVersion !== ENGINE_VERSION) {
    return {
      ok: false,
      reason: `The save was made by engine ${save.engineVersion}; this is ${ENGINE_VERSION}.`,
    };
  }
  const { found, missing } = matchScenarios(save.scenarios, scenarios);
  const unnamed = save.shift.arrivals.filter((a) => !found.some((s) => s.id === a.scenario));
  if (missing.length === 0 && unnamed.length > 0) {
    return {
      ok: false,
      reason: `The save's shift names ${unnamed.map((a) => a.scenario).join(', ')}, which it does not record.`,
    };
  }
  if (missing.length > 0) {
    return {
      ok: false,
      reason: `Scenario ${missing.map((m) => `${m.id} v${m.version}`).join(', ')} is no longer available in that version.`,
    };
  }
  let session: ShiftSession;
  try {
    session = new ShiftSession({
      scenarios: found,
      shift: save.shift,
      seed: save.seed,
      ...(analyser ? { analyser } : {}),
    });
    for (const input of save.inputs) session.send(input);
  } catch {
    return { ok: false, reason: 'The save could not be replayed.' };
  }
  if (hashEvents(session.events) !== save.eventsHash) {
    return {
      ok: false,
      reason: 'The save does not replay to the state it recorded; it was changed or made by other rules.',
    };
  }
  return { ok: true, session };
}
