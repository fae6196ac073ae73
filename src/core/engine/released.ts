/**
 * Reading released scenario versions (see `pack/releasedScenarios` for writing them). Every compiled
 * scenario the game has shipped is kept as one small JSON file, so that a scorecard made on last
 * month's scenarios still finds the exact version it was played on. This half only reads and checks,
 * and needs no compiler, so the manager's review can use it in the browser. It sits in the engine
 * layer because whether a release is any use depends on the engine versions this build replays.
 */
import { fail, type Result, succeed } from '../result';
import type { Scenario } from '../scenario/types';
import { engineRulesOf } from './engineRules';

/** The `format` of a released scenario file. */
export const RELEASED_FORMAT = 'escalation-desk/released-scenario';
/** The released scenario file's version. */
export const RELEASED_VERSION = 1;
/** The folder, inside a pack's folder, that holds its released scenario versions. */
export const RELEASED_DIR = 'released';
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

/**
 * What names one scenario version: its id, the hash of its file and the hash of its pack. A scorecard
 * names the same three, so two scenarios with one key are the same version.
 */
export function scenarioVersionKey(scenario: Scenario): string {
  return `${scenario.id} ${scenario.contentHash} ${scenario.packHash}`;
}

const HEX = /^[0-9a-f]{64}$/;

/**
 * Whether a value carries the fields that identify a compiled scenario version. Released files are
 * written by a tool, not by hand, so only these are checked; the rest is taken as written.
 */
export function looksLikeScenario(value: unknown): value is Scenario {
  const scenario = value as Partial<Scenario> | null | undefined;
  return (
    typeof scenario?.id === 'string' &&
    typeof scenario.version === 'number' &&
    typeof scenario.contentHash === 'string' &&
    HEX.test(scenario.contentHash) &&
    typeof scenario.packHash === 'string' &&
    HEX.test(scenario.packHash) &&
    Array.isArray(scenario.beats)
  );
}

/**
 * Reads a released scenario file. These files are written by `npm run release:scenarios`, not by hand,
 * so the envelope and the fields that identify the version are checked, and the compiled scenario is
 * taken as written; a damaged file is reported, never used.
 */
export function readReleasedScenario(text: string, file: string): Result<ReleasedScenario, ReleasedProblem> {
  const read = readEnvelope<ReleasedScenario>(text, file, {
    maxChars: MAX_RELEASED_CHARS,
    format: RELEASED_FORMAT,
    version: RELEASED_VERSION,
    what: 'a released scenario',
    rewrite: ' Run `npm run release:scenarios` to write it again.',
  });
  if (!read.ok) return read;
  const value = read.value;
  const problem = (message: string) => fail([{ file, message }]);
  if (typeof value.engineVersion !== 'string' || !looksLikeScenario(value.scenario))
    return problem('The released scenario is damaged. Run `npm run release:scenarios` to write it again.');
  return succeed({ ...(value as ReleasedScenario), scenario: withLaterFields(value.scenario) });
}

/**
 * A scenario released before fields were added to the compiled form, with each such field as a file
 * that leaves it out compiles to: no topic or difficulty (added for the menu), choices that need no
 * facts. Those fields change nothing for a scenario that does not use them, so the release replays as
 * it was played.
 */
export function withLaterFields(scenario: Scenario): Scenario {
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
  const known = new Set(current.map(scenarioVersionKey));
  const older = released
    .filter((r) => isPlayable(r) && !known.has(scenarioVersionKey(r.scenario)))
    .map((r) => r.scenario);
  return [...current, ...older];
}

/** The `format` of the file of released versions a build ships beside the game (`scenario-releases.json`). */
export const RELEASES_FORMAT = 'escalation-desk/scenario-releases';
/** That file's version. */
export const RELEASES_VERSION = 1;
/** A shipped file of released versions larger than this is refused before parsing (each version is some 40 kB). */
export const MAX_RELEASES_CHARS = 64 * 1024 * 1024;

/**
 * The released versions a build ships, for the manager's review to verify older scorecards with: those
 * `scenariosToVerifyWith` adds to the current ones, already read, so all are playable by this build.
 */
export interface ScenarioReleases {
  readonly format: typeof RELEASES_FORMAT;
  readonly version: typeof RELEASES_VERSION;
  readonly scenarios: readonly Scenario[];
}

/**
 * Reads the file of released versions a build ships. It comes from the build, but over the network,
 * so the envelope and each version's identity are checked like a released file's.
 */
export function readScenarioReleases(text: string, file: string): Result<Scenario[], ReleasedProblem> {
  const read = readEnvelope<ScenarioReleases>(text, file, {
    maxChars: MAX_RELEASES_CHARS,
    format: RELEASES_FORMAT,
    version: RELEASES_VERSION,
    what: 'a file of released versions',
    rewrite: '',
  });
  if (!read.ok) return read;
  const value = read.value;
  const problem = (message: string) => fail([{ file, message }]);
  if (!Array.isArray(value.scenarios) || !value.scenarios.every(looksLikeScenario))
    return problem('The file of released versions is damaged.');
  return succeed([...value.scenarios]);
}

/**
 * The envelope both kinds of released file share: under a size cap, valid JSON, and the right format
 * and version. What is inside is the caller's to check.
 */
function readEnvelope<T>(
  text: string,
  file: string,
  expect: { maxChars: number; format: string; version: number; what: string; rewrite: string },
): Result<Partial<T>, ReleasedProblem> {
  const problem = (message: string) => fail([{ file, message }]);
  if (text.length > expect.maxChars) return problem(`The file is too large to be ${expect.what}.`);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return problem(`The file is not valid JSON.${expect.rewrite}`);
  }
  const value = raw as { format?: unknown; version?: unknown } | null;
  if (value?.format !== expect.format || value.version !== expect.version) {
    return problem(`This is not ${expect.what} (format "${expect.format}", version ${expect.version}).`);
  }
  return succeed(value as Partial<T>);
}

/** Whether a release was compiled for an engine version this build plays, and so can be replayed on. */
export function isPlayable(released: ReleasedScenario): boolean {
  return engineRulesOf(released.engineVersion) !== null;
}
