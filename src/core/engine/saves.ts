/**
 * Saving and restoring an attempt. A save is the session's inputs with everything a restore checks them
 * against: the engine and analyser that made it, the seed, the shift, the scenario versions and a
 * fingerprint of the events. A restore is all or nothing. A save made by an earlier engine version this
 * build still plays resumes exactly, under that version's rules, and the attempt carries on under them.
 * A save made under rules this build does not have (another analyser, an engine no longer played) is
 * not thrown away: when the caller allows it, its inputs are played again under the current rules and
 * the trainee carries on, told that it was.
 */
import { z } from 'zod';
import { canonicalJson } from '../canonicalJson';
import { contentHash } from '../contentHash';
import { fail, type Result, succeed } from '../result';
import type { Scenario } from '../scenario/types';
import type { Analyser } from './analyser';
import { PersonaStartSchema } from './personaStart';
import { matchScenarios, versionProblem } from './replayTranscript';
import { ENGINE_VERSION, ShiftInputSchema, ShiftSession } from './session';
import type { ShiftEmitted } from './shiftSteps';

/** The `format` tag every save envelope carries. */
export const SAVE_FORMAT = 'escalation-desk/save';
/** The save envelope's version. Version 1 (engine 1.x) had no analyser; it restores under new rules. */
export const SAVE_VERSION = 2;
/** Saves larger than this are refused before parsing. */
export const MAX_SAVE_CHARS = 5 * 1024 * 1024;

const Duration = z
  .number()
  .int()
  .min(0)
  .max(30 * 24 * 3_600_000);
const Version = z.string().max(40);

/** Validates a shift as a save or scorecard records it. */
export const ShiftRecordSchema = z.strictObject({
  id: z.string().max(80),
  title: z.record(z.string().regex(/^[a-z]{2}(-[A-Z]{2})?$/), z.string().max(2000)),
  lengthMs: Duration.nullable(),
  speed: z.number().min(0.1).max(600),
  jitterMs: Duration,
  arrivals: z
    .array(
      z.strictObject({ scenario: z.string().max(64), atMs: Duration, from: PersonaStartSchema.optional() }),
    )
    .min(1)
    .max(200),
});

/** Validates an analyser's id and version as records name it. */
export const AnalyserRefSchema = z.strictObject({ id: z.string().min(1).max(40), version: Version });

const saveFields = {
  format: z.literal(SAVE_FORMAT),
  engineVersion: Version,
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
};

const SaveSchema = z.discriminatedUnion('version', [
  // Made before analysers were recorded (engine 1.x).
  z.strictObject({ version: z.literal(1), ...saveFields }),
  z.strictObject({ version: z.literal(SAVE_VERSION), analyser: AnalyserRefSchema, ...saveFields }),
]);

/**
 * A saved attempt: the inputs to replay, and the engine and analyser versions, seed, shift, scenario
 * versions and events hash that a restore checks them against.
 */
export type SaveEnvelope = z.infer<typeof SaveSchema>;

function hashEvents(events: readonly ShiftEmitted[]): string {
  return contentHash(canonicalJson(events));
}

/** The save envelope for a session, as JSON text. */
export function saveSession(session: ShiftSession): string {
  const transcript = session.transcript;
  const envelope: Extract<SaveEnvelope, { version: typeof SAVE_VERSION }> = {
    format: SAVE_FORMAT,
    version: SAVE_VERSION,
    engineVersion: session.engineVersion,
    analyser: transcript.analyser,
    seed: session.options.seed,
    shift: session.options.shift as SaveEnvelope['shift'],
    scenarios: [...session.scenarioRefs],
    inputs: session.inputs as SaveEnvelope['inputs'],
    eventsHash: hashEvents(session.events),
  };
  return JSON.stringify(envelope);
}

/** Why a save could not be restored; `message` is written for the person whose attempt it is. */
export interface SaveProblem {
  readonly code:
    | 'empty'
    | 'too-large'
    | 'not-json'
    | 'damaged'
    | 'other-rules'
    | 'scenario-unavailable'
    | 'does-not-replay';
  readonly message: string;
}

/** A restored session, and whether it was played again under rules newer than those it was saved with. */
export interface Restored {
  readonly session: ShiftSession;
  /** The engine or analyser version the save was made with, when it differs from this build's. */
  readonly madeUnder: string | null;
}

/** How a restore treats a save made under other rules. */
export interface RestoreOptions {
  /**
   * Play a save made with another engine or analyser version again under the current rules (the
   * customers may answer a little differently) instead of refusing it. False when absent.
   */
  readonly replayUnderCurrentRules?: boolean;
}

function problem(code: SaveProblem['code'], message: string): Result<never, SaveProblem> {
  return fail([{ code, message }]);
}

/**
 * Restores a session from saved text, all or nothing: the save is size-checked, parsed, validated
 * strictly, matched to the exact scenario versions it was played on, replayed, and the replayed events
 * checked against the saved fingerprint. Any failure comes back as a problem a person can read.
 */
export function restoreSession(
  text: string,
  scenarios: readonly Scenario[],
  analyser: Analyser,
  options: RestoreOptions = {},
): Result<Restored, SaveProblem> {
  if (typeof text !== 'string' || text.length === 0) return problem('empty', 'The save is empty.');
  if (text.length > MAX_SAVE_CHARS)
    return problem('too-large', `The save is larger than ${MAX_SAVE_CHARS / 1024 / 1024} MiB.`);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return problem('not-json', 'The save is not valid JSON; it may have been cut short.');
  }
  const parsed = SaveSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.join('.') || 'its top level';
    return problem('damaged', `The save is damaged at ${where}: ${issue?.message ?? 'invalid'}.`);
  }
  const save = parsed.data;
  // A version 1 save was made before analysers were recorded, so by rules this build does not have.
  const made =
    save.version === 1
      ? {
          message: `Made with engine ${save.engineVersion}, before this build's rules.`,
          made: save.engineVersion,
        }
      : versionProblem(save, analyser);
  if (made && !options.replayUnderCurrentRules) return problem('other-rules', made.message);
  const matched = matchScenarios(save.scenarios, save.shift, scenarios);
  if (!matched.ok) {
    const names = matched.problems.map((p) => `${p.scenario.id} v${p.scenario.version}`).join(', ');
    return problem('scenario-unavailable', `Scenario ${names} is no longer available in that version.`);
  }
  let session: ShiftSession;
  try {
    // Under the rules it was saved with when this build still plays them; under the current ones when
    // the trainee agreed to carry on so.
    session = new ShiftSession({
      scenarios: matched.value,
      shift: save.shift,
      seed: save.seed,
      analyser,
      engineVersion: made ? ENGINE_VERSION : save.engineVersion,
    });
    for (const input of save.inputs) session.send(input);
  } catch {
    return problem('does-not-replay', 'The save could not be replayed.');
  }
  if (!made && hashEvents(session.events) !== save.eventsHash) {
    return problem(
      'does-not-replay',
      'The save does not replay to the state it recorded; it was changed or made by other rules.',
    );
  }
  return succeed({ session, madeUnder: made ? made.made : null });
}
