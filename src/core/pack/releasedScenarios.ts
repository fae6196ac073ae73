/**
 * Writing released scenario versions. Every compiled scenario the game has shipped is kept, one small
 * JSON file per version (its id, the hash of its file and the hash of its pack name it), so that a
 * scorecard made on last month's scenarios still finds the exact version it was played on and
 * verifies, though the trainer has edited the file since. Scenario versions are what change most;
 * keeping them costs a few kilobytes each. A release is compiled for one engine version, and serves
 * scorecards of every engine version this build still plays (see `ENGINE_RULES`); one compiled for an
 * engine no longer played is of no use, since a scorecard of that engine cannot be re-checked anyway.
 * Reading them needs no compiler, so it lives in `engine/released`, where the browser can use it.
 */
import { canonicalJson } from '../canonicalJson';
import { RELEASED_FORMAT, RELEASED_VERSION, type ReleasedScenario } from '../engine/released';
import { ENGINE_VERSION } from '../engine/session';
import type { Scenario } from '../scenario/types';

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
