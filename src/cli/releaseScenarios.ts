/**
 * `npm run release:scenarios [-- DIR]`: keeps every scenario version the game ships, so scorecards
 * made on it can be verified after the trainer edits the file. Compiles the pack in DIR (`scenarios/`
 * by default) and writes each compiled scenario not yet released to `DIR/released/`; releases compiled
 * for an engine version this build no longer plays are removed, since scorecards made with it cannot
 * be replayed; those of an earlier version it still plays are kept.
 * Run it before shipping a build; a test fails while the shipped scenarios are not all released.
 * Exits 1 when the scenarios have errors, 2 on a usage error.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { formatProblem, hasErrors } from '../core';
import { isPlayable, RELEASED_DIR } from '../core/engine/released';
import { releasedFileName, releasedScenarioText } from '../core/pack/releasedScenarios';
import { runCli } from './runCli';
import { loadPackAround, loadReleased } from './scenarioFiles';

/** What a release did: files written and removed, and the problems that stopped it. */
export interface ReleaseReport {
  readonly written: readonly string[];
  readonly removed: readonly string[];
  readonly problems: readonly string[];
}

/** Releases the pack in `dir`: see the module comment. */
export async function releaseScenarios(dir: string): Promise<ReleaseReport> {
  const pack = await loadPackAround(join(dir, 'pack.yaml'));
  if (hasErrors(pack.problems)) {
    return { written: [], removed: [], problems: pack.problems.map(formatProblem) };
  }
  const folder = join(dir, RELEASED_DIR);
  await mkdir(folder, { recursive: true });
  const { released, problems } = await loadReleased(dir);
  const kept = new Set(released.filter(isPlayable).map((r) => releasedFileName(r.scenario)));
  const removed: string[] = [];
  for (const r of released) {
    const name = releasedFileName(r.scenario);
    if (!isPlayable(r)) {
      await rm(join(folder, name), { force: true });
      removed.push(name);
    }
  }
  const written: string[] = [];
  for (const scenario of pack.scenarios) {
    const name = releasedFileName(scenario);
    if (kept.has(name)) continue;
    await writeFile(join(folder, name), releasedScenarioText(scenario));
    written.push(name);
  }
  return { written, removed, problems: problems.map((p) => `${p.file}: ${p.message}`) };
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  if (args.length > 1 || args.some((a) => a.startsWith('-'))) {
    console.error('Usage: npm run release:scenarios [-- DIR]');
    return 2;
  }
  const report = await releaseScenarios(args[0] ?? 'scenarios');
  for (const line of report.problems) console.log(line);
  if (report.written.length === 0 && report.removed.length === 0 && report.problems.length === 0) {
    console.log('Every scenario version is already released.');
  }
  for (const name of report.written) console.log(`released ${name}`);
  for (const name of report.removed) console.log(`removed ${name} (compiled for another engine)`);
  return report.problems.length > 0 && report.written.length === 0 ? 1 : 0;
}

if (import.meta.url === `file://${process.argv[1]}`) runCli('release:scenarios', main);
