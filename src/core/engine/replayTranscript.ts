/**
 * Replaying a transcript: its inputs are fed again to a new session on the exact scenario versions and
 * analyser it names, under the rules of the engine version that made it, and every recorded event,
 * each judgement included, must come out again, identically and in order.
 */
import { fail, type Result, succeed } from '../result';
import type { Scenario } from '../scenario/types';
import { type Analyser, analyserStamp } from './analyser';
import { engineRulesOf } from './engineRules';
import { ENGINE_VERSION, type ScenarioRef, ShiftSession, type Transcript } from './session';

/** Why a transcript could not be replayed, or where its replay disagreed with it. */
export type ReplayProblem =
  | {
      /** Made by an engine or analyser version this build does not have: it cannot be checked here. */
      readonly code: 'engine-version' | 'analyser-version';
      readonly message: string;
      readonly made: string;
      readonly current: string;
    }
  | {
      readonly code: 'scenario-unavailable';
      readonly message: string;
      readonly scenario: ScenarioRef;
    }
  | {
      /** Entry `seq` came out differently (or is missing on one side). */
      readonly code: 'diverged';
      readonly message: string;
      readonly seq: number;
      readonly expected: unknown;
      readonly actual: unknown;
    };

/** Structural equality of JSON-like values, whatever order their keys were written in. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  const list = Array.isArray(a);
  if (list !== Array.isArray(b)) return false;
  if (list) {
    const left = a as unknown[];
    const right = b as unknown[];
    if (left.length !== right.length) return false;
    for (let i = 0; i < left.length; i += 1) if (!sameValue(left[i], right[i])) return false;
    return true;
  }
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  let count = 0;
  for (const key in left) {
    if (!Object.hasOwn(left, key)) continue;
    count += 1;
    if (!Object.hasOwn(right, key) || !sameValue(left[key], right[key])) return false;
  }
  for (const key in right) if (Object.hasOwn(right, key)) count -= 1;
  return count === 0;
}

/**
 * Finds the exact scenario versions a record names (by id and content hash), and for each one that is
 * not available a problem a person can read.
 */
export function matchScenarios(
  refs: readonly ScenarioRef[],
  shift: Transcript['shift'],
  scenarios: readonly Scenario[],
): Result<Scenario[], Extract<ReplayProblem, { code: 'scenario-unavailable' }>> {
  const found: Scenario[] = [];
  const missing: ScenarioRef[] = [];
  for (const ref of refs) {
    const scenario = scenarios.find((s) => s.id === ref.id && s.contentHash === ref.contentHash);
    if (scenario) found.push(scenario);
    else missing.push(ref);
  }
  for (const arrival of shift.arrivals) {
    const named =
      refs.some((r) => r.id === arrival.scenario) || missing.some((m) => m.id === arrival.scenario);
    if (!named) missing.push({ id: arrival.scenario, version: 0, contentHash: '' });
  }
  if (missing.length === 0) return succeed(found);
  return fail(
    missing.map((scenario) => ({
      code: 'scenario-unavailable' as const,
      message: scenario.contentHash
        ? `Scenario ${scenario.id} v${scenario.version} (sha256 ${scenario.contentHash.slice(0, 12)}) is not available in that version.`
        : `The shift names scenario ${scenario.id}, which the record does not list.`,
      scenario,
    })),
  );
}

/**
 * The problem of a record made by an engine or analyser this build does not have, if it is one. An
 * earlier engine version this build still plays (see `ENGINE_RULES`) is no problem.
 */
export function versionProblem(
  record: { readonly engineVersion: string; readonly analyser: Transcript['analyser'] },
  analyser: Analyser,
): Extract<ReplayProblem, { made: string }> | null {
  if (!engineRulesOf(record.engineVersion)) {
    return {
      code: 'engine-version',
      message: `Made with engine ${record.engineVersion}, which this build (engine ${ENGINE_VERSION}) cannot re-check.`,
      made: record.engineVersion,
      current: ENGINE_VERSION,
    };
  }
  const made = analyserStamp(record.analyser);
  const current = analyserStamp(analyser);
  if (made !== current) {
    return {
      code: 'analyser-version',
      message: `Made with analyser ${made}, which this build (analyser ${current}) cannot re-check.`,
      made,
      current,
    };
  }
  return null;
}

/**
 * Replays a transcript's inputs against the scenarios and analyser it names, under its engine
 * version's rules, and checks that every recorded event comes out again, identically and in order. Returns the replayed session, or why it
 * could not be replayed, or the first entry that came out differently.
 */
export function replayTranscript(
  transcript: Transcript,
  scenarios: readonly Scenario[],
  analyser: Analyser,
): Result<ShiftSession, ReplayProblem> {
  const version = versionProblem(transcript, analyser);
  if (version) return fail([version]);
  const matched = matchScenarios(transcript.scenarios, transcript.shift, scenarios);
  if (!matched.ok) return matched;
  const session = new ShiftSession({
    scenarios: matched.value,
    shift: transcript.shift,
    seed: transcript.seed,
    analyser,
    engineVersion: transcript.engineVersion,
  });
  for (const entry of transcript.entries) {
    if (entry.kind === 'input') session.send(entry.input);
  }
  const replayed = session.transcript.entries;
  const length = Math.max(replayed.length, transcript.entries.length);
  for (let seq = 0; seq < length; seq += 1) {
    const expected = transcript.entries[seq];
    const actual = replayed[seq];
    if (!sameValue(expected, actual)) {
      return fail([
        { code: 'diverged', message: `Entry ${seq} comes out differently on replay.`, seq, expected, actual },
      ]);
    }
  }
  return succeed(session);
}
