/**
 * Released scenario versions. Every compiled scenario the game has shipped is kept, one small JSON
 * file per version (its id, the hash of its file and the hash of its pack name it), so that a scorecard
 * made on last month's scenarios still finds the exact version it was played on and verifies, though
 * the trainer has edited the file since. Scenario versions are what change most; keeping them costs a
 * few kilobytes each. A release is compiled for one engine version, and serves scorecards of every
 * engine version this build still plays (see `ENGINE_RULES`); one compiled for an engine no longer
 * played is of no use, since a scorecard of that engine cannot be re-checked anyway.
 */
import { canonicalJson } from '../canonicalJson';
import { engineRulesOf } from '../engine/engineRules';
import { ENGINE_VERSION } from '../engine/session';
import { fail, type Result, succeed } from '../result';
import type { Scenario } from '../scenario/types';

/** The `format` of a released scenario file. */
export const RELEASED_FORMAT = 'escalation-desk/released-scenario';
/** The released scenario file's version. */
export const RELEASED_VERSION = 1;
/** Released scenario files larger than this are refused before parsing. */
export const MAX_RELEASED_CHARS = 1024 * 1024;

/** One released scenario version, as its file holds it. */
export interface ReleasedScenario {
  readonly format: typeof RELEASED_FORMAT;
  readonly version: typeof RELEASED_VERSION;
  /** The engine the scenario was compiled for. */
  readonly engineVersion: string;
  readonly scenario: Scenario;
}

/** A released file that cannot be used, and why. */
export interface ReleasedProblem {
  readonly file: string;
  readonly message: string;
}

/** The file name of a released scenario version: `<id>.<file hash>.<pack hash>.json` (12 hex digits each). */
export function releasedFileName(scenario: Scenario): string {
  return `${scenario.id}.${scenario.contentHash.slice(0, 12)}.${scenario.packHash.slice(0, 12)}.json`;
}

/** The text of a released scenario file: stable, so a release written twice is the same file. */
export function releasedScenarioText(scenario: Scenario): string {
  const released: ReleasedScenario = {
    format: RELEASED_FORMAT,
    version: RELEASED_VERSION,
    engineVersion: ENGINE_VERSION,
    scenario,
  };
  return `${canonicalJson(released)}\n`;
}

/** Whether two compiled scenarios are the same version compiled the same way (where they were read from aside). */
export function sameCompiledScenario(a: Scenario, b: Scenario): boolean {
  return canonicalJson({ ...a, file: '' }) === canonicalJson({ ...b, file: '' });
}

const HEX = /^[0-9a-f]{64}$/;

/**
 * Reads a released scenario file. These files are written by `npm run release:scenarios`, not by hand,
 * so the envelope and the fields that identify the version are checked, and the compiled scenario is
 * taken as written; a damaged file is reported, never used.
 */
export function readReleasedScenario(text: string, file: string): Result<ReleasedScenario, ReleasedProblem> {
  const problem = (message: string) => fail([{ file, message }]);
  if (text.length > MAX_RELEASED_CHARS) return problem('The file is too large to be a released scenario.');
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return problem('The file is not valid JSON. Run `npm run release:scenarios` to write it again.');
  }
  const value = raw as Partial<ReleasedScenario> | null;
  if (value?.format !== RELEASED_FORMAT || value.version !== RELEASED_VERSION) {
    return problem(
      `This is not a released scenario (format "${RELEASED_FORMAT}", version ${RELEASED_VERSION}).`,
    );
  }
  const scenario = value.scenario as Partial<Scenario> | undefined;
  const valid =
    typeof value.engineVersion === 'string' &&
    typeof scenario?.id === 'string' &&
    typeof scenario.version === 'number' &&
    typeof scenario.contentHash === 'string' &&
    HEX.test(scenario.contentHash) &&
    typeof scenario.packHash === 'string' &&
    HEX.test(scenario.packHash) &&
    Array.isArray(scenario.beats);
  if (!valid)
    return problem('The released scenario is damaged. Run `npm run release:scenarios` to write it again.');
  return succeed({ ...(value as ReleasedScenario), scenario: withLaterFields(value.scenario as Scenario) });
}

/**
 * A scenario released before fields were added to the compiled form, with each such field as a file
 * that leaves it out compiles to: no topic or difficulty (added for the menu), choices that need no
 * facts. Those fields change nothing for a scenario that does not use them, so the release replays as
 * it was played.
 */
function withLaterFields(scenario: Scenario): Scenario {
  const old = scenario as Omit<Scenario, 'topic' | 'difficulty'> & Partial<Scenario>;
  return {
    ...old,
    topic: old.topic ?? null,
    difficulty: old.difficulty ?? null,
    beats: old.beats.map((beat) => ({
      ...beat,
      choices: beat.choices.map((choice) => ({ ...choice, needs: choice.needs ?? [] })),
    })),
  };
}

/**
 * The scenarios a scorecard may have been played on: the current ones first, then every released
 * version compiled for an engine this build plays that the current ones do not already cover.
 */
export function scenariosToVerifyWith(
  current: readonly Scenario[],
  released: readonly ReleasedScenario[],
): Scenario[] {
  const key = (s: Scenario) => `${s.id} ${s.contentHash} ${s.packHash}`;
  const known = new Set(current.map(key));
  const older = released.filter((r) => isPlayable(r) && !known.has(key(r.scenario))).map((r) => r.scenario);
  return [...current, ...older];
}

/** Whether a release was compiled for an engine version this build plays, and so can be replayed on. */
export function isPlayable(released: ReleasedScenario): boolean {
  return engineRulesOf(released.engineVersion) !== null;
}
