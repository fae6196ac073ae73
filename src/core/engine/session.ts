/**
 * A running attempt: a shift machine, the inputs it has been given and everything it emitted, as a
 * transcript. Replaying a transcript's inputs against the same scenarios and the same analyser
 * reproduces every event (see `replayTranscript`); a save is the same record (see `saves`).
 */
import { z } from 'zod';
import type { Scenario, Shift } from '../scenario/types';
import type { Analyser, AnalyserRef } from './analyser';
import { ENGINE_VERSION, engineRulesOf } from './engineRules';
import { IntentSchema, type RefusalReason } from './intents';
import { type MachineStepper, machineStepper } from './machineStepper';
import { personaOf } from './personaMachine';
import { checkPersonaStart } from './personaStart';
import { seedState } from './random';
import { createShiftMachine, type ShiftInput, type ShiftMachine } from './shiftMachine';
import {
  canSkip,
  nextDue,
  paceOf,
  type ShiftContext,
  type ShiftEmitted,
  type ShiftWorld,
} from './shiftSteps';

export { ENGINE_VERSION };

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
 * The full record of an attempt: the engine and analyser that made it, the seed, the shift, the
 * scenario versions played, and every input and event in order. Every judgement the attempt needs is
 * one of those events.
 */
export interface Transcript {
  readonly engineVersion: string;
  readonly analyser: AnalyserRef;
  readonly seed: number | string;
  readonly shift: Shift;
  readonly scenarios: readonly ScenarioRef[];
  readonly entries: readonly TranscriptEntry[];
}

/**
 * What a {@link ShiftSession} is built from: the scenarios (every one the shift names must be among
 * them), the shift (an arrival's `from` must pass `checkPersonaStart`, or the session throws), the seed, the analyser that reads the trainee's words, and the engine version to
 * play by (this build's when absent; an earlier one to replay or resume an attempt made under it).
 */
export interface SessionOptions {
  readonly scenarios: readonly Scenario[];
  readonly shift: Shift;
  readonly seed: number | string;
  readonly analyser: Analyser;
  readonly engineVersion?: string;
}

const MAX_MS = 30 * 24 * 3_600_000;

/** Every input a session accepts, checked live and on restore alike. */
export const ShiftInputSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('clock.tick'), ms: z.number().min(0).max(MAX_MS) }),
  z.strictObject({ type: z.literal('clock.skip') }),
  z.strictObject({ type: z.literal('clock.advance'), ms: z.number().min(0).max(MAX_MS) }),
  z.strictObject({ type: z.literal('clock.pause') }),
  z.strictObject({ type: z.literal('clock.resume') }),
  z.strictObject({ type: z.literal('clock.speed'), speed: z.number().min(0.1).max(600) }),
  z.strictObject({ type: z.literal('trainee.intent'), intent: IntentSchema }),
]);

type ShiftSnapshot = ReturnType<ShiftMachine['transition']>;

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
 * keeps the transcript. Deterministic: the same scenarios, seed, analyser and inputs give the same
 * events.
 */
export class ShiftSession {
  private snapshot: ShiftSnapshot;
  private readonly entries: TranscriptEntry[] = [];
  private readonly stepper: MachineStepper<ShiftSnapshot, ShiftInput, ShiftEmitted, { rngState: number }>;
  private readonly world: ShiftWorld;
  readonly scenarioRefs: readonly ScenarioRef[];
  /** The engine version this session plays by, and stamps its transcript with. */
  readonly engineVersion: string;

  constructor(readonly options: SessionOptions) {
    const engineVersion = options.engineVersion ?? ENGINE_VERSION;
    const rules = engineRulesOf(engineVersion);
    if (!rules) throw new RangeError(`This build cannot play by engine ${engineVersion}.`);
    const used = new Set(options.shift.arrivals.map((a) => a.scenario));
    const scenarios = options.scenarios.filter((s) => used.has(s.id));
    const missing = [...used].filter((id) => !scenarios.some((s) => s.id === id));
    if (missing.length > 0)
      throw new RangeError(`The shift names scenarios that are not loaded: ${missing.join(', ')}`);
    for (const arrival of options.shift.arrivals) {
      const scenario = scenarios.find((s) => s.id === arrival.scenario);
      const checked = scenario && arrival.from && checkPersonaStart(scenario, arrival.from);
      if (checked && !checked.ok)
        throw new RangeError(`Cannot start there: ${checked.problems.map((p) => p.message).join(' ')}`);
    }
    const world: ShiftWorld = {
      shift: options.shift,
      scenarios: new Map(scenarios.map((s) => [s.id, s])),
      personas: new Map(scenarios.map((s) => [s.id, personaOf(s)])),
      analyser: options.analyser,
      rules,
    };
    this.engineVersion = engineVersion;
    this.scenarioRefs = scenarios.map((s) => ({ id: s.id, version: s.version, contentHash: s.contentHash }));
    this.world = world;
    this.stepper = machineStepper(createShiftMachine(world));
    const [snapshot, emitted] = this.stepper.initial({ rngState: seedState(options.seed) });
    this.snapshot = snapshot;
    this.record(emitted);
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

  /** Whether the trainee may skip to the next event: nobody is waiting on them (see `canSkip`). */
  get canSkip(): boolean {
    return canSkip(this.snapshot.context, this.world);
  }

  /** The game time of the next thing due (an arrival, a deadline, a tier's answer), or null. */
  get nextEventAt(): number | null {
    return nextDue(this.snapshot.context, this.world, Number.POSITIVE_INFINITY)?.at ?? null;
  }

  /** Game milliseconds per real one at this moment (see `paceOf`). */
  get pace(): number {
    return paceOf(this.snapshot.context, this.world);
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
      const reason: RefusalReason = 'shift-over';
      emitted = [{ type: 'intent.refused', at: this.now, intent: input.intent, reason }];
    } else {
      const [snapshot, out] = this.stepper.step(this.snapshot, input);
      this.snapshot = snapshot;
      emitted = out;
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
    const { id, version } = this.options.analyser;
    return {
      engineVersion: this.engineVersion,
      analyser: { id, version },
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
