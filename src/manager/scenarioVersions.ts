/**
 * The scenario versions the manager's review verifies scorecards with, besides the current ones: the
 * older released versions this build ships (`scenario-releases.json`), and those a manager loads from a
 * pack folder of their own. A pack folder is read by its released versions only (what
 * `npm run release:scenarios` writes to `released/`): the page never compiles YAML, so scenario files
 * are passed over, and the manager is told once how to release them. Pure apart from the fetch, so the
 * page and the tests share it.
 */
import releasesUrl from 'virtual:scenario-releases';
import {
  isPlayable,
  RELEASED_DIR,
  type ReleasedProblem,
  readReleasedScenario,
  readScenarioReleases,
  scenarioVersionKey,
} from '../core/engine/released';
import type { Scenario } from '../core/scenario/types';

/**
 * Fetches the older released versions this build ships. Throws an Error a manager can read when they
 * cannot be had; the page can still verify against the current scenarios without them.
 */
export async function loadShippedVersions(url: string = releasesUrl): Promise<Scenario[]> {
  let text: string;
  try {
    const response = await fetch(url, { cache: 'no-store' });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    text = await response.text();
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new Error(`The earlier scenario versions could not be loaded (${why}).`);
  }
  const read = readScenarioReleases(text, url);
  if (!read.ok) {
    throw new Error(`The earlier scenario versions could not be read: ${read.problems[0]?.message ?? ''}`);
  }
  return read.value;
}

/** A file a manager picked or dropped: its name, its path inside the folder when it came in one, its text. */
export interface VersionFile {
  readonly name: string;
  /** Where it sits in the folder picked or dropped (`my-pack/released/x.json`), when it came in one. */
  readonly path?: string;
  readonly text: string;
}

/** A file that gave no scenario version, and why, in words a manager can act on. */
export type VersionProblem = ReleasedProblem;

/** What a load of files gave: playable scenario versions (each once), and the files that gave none. */
export interface VersionsRead {
  readonly scenarios: Scenario[];
  readonly problems: VersionProblem[];
}

/**
 * Reads the scenario versions in files a manager picked or dropped: released scenario files one by one,
 * a pack's `released/` folder, or a whole pack folder (whose `released/` folder is read and the rest
 * passed over). Every released file that is damaged, is something else, or was made for an engine this
 * build cannot replay is a problem of its own; the YAML files passed over are one problem in all.
 */
export function readVersionFiles(files: readonly VersionFile[]): VersionsRead {
  const located = files.map((file) => {
    const path = (file.path || file.name).replace(/\\/g, '/').replace(/^\/+/, '');
    const folders = path.split('/').slice(0, -1);
    return { ...file, path, inReleased: folders.includes(RELEASED_DIR) };
  });
  // A pack folder: its released versions are what the page reads; its other files are not for it.
  const wholePack = located.some((f) => f.inReleased);
  const scenarios: Scenario[] = [];
  const problems: VersionProblem[] = [];
  const yaml: string[] = [];
  for (const file of located) {
    if (file.name.startsWith('.')) continue;
    if (/\.ya?ml$/i.test(file.name)) {
      yaml.push(file.path);
      continue;
    }
    if (wholePack && !file.inReleased) continue;
    if (!/\.json$/i.test(file.name)) {
      problems.push({
        file: file.path,
        message: 'This is not a released scenario. Load the .json files in a pack’s released folder.',
      });
      continue;
    }
    const read = readReleasedScenario(file.text, file.path);
    if (!read.ok) problems.push(...read.problems);
    else if (!isPlayable(read.value)) {
      problems.push({
        file: file.path,
        message: `This version was made for engine ${read.value.engineVersion}, which this build cannot replay.`,
      });
    } else scenarios.push(read.value.scenario);
  }
  if (yaml.length > 0) problems.push(yamlSkipped(yaml, wholePack));
  return { scenarios: mergeVersions([], scenarios), problems };
}

/** The one problem for every YAML file passed over, named by the folder they came in. */
function yamlSkipped(paths: readonly string[], wholePack: boolean): VersionProblem {
  const first = paths[0] ?? '';
  const file = first.includes('/') ? (first.split('/')[0] ?? first) : first;
  const count = paths.length === 1 ? '1 YAML file was' : `${paths.length} YAML files were`;
  const message = wholePack
    ? `${count} skipped: this page reads a pack’s released versions, not its scenario files. If a scenario has changed since it was last released, run \`npm run release:scenarios\` and load the folder again.`
    : `${count} skipped: this page cannot read scenario files. Run \`npm run release:scenarios\` in the pack’s folder first, then load its released folder.`;
  return { file, message };
}

/**
 * Every version in `held` and `more`, each once (by id, file hash and pack hash, which is what a
 * scorecard names); where both hold one, the first found is kept.
 */
export function mergeVersions(held: readonly Scenario[], more: readonly Scenario[]): Scenario[] {
  const byKey = new Map<string, Scenario>();
  for (const scenario of [...held, ...more]) {
    const key = scenarioVersionKey(scenario);
    if (!byKey.has(key)) byKey.set(key, scenario);
  }
  return [...byKey.values()];
}
