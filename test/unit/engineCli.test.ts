/**
 * The trainer's engine tools: `simulate` prints the same bytes for the same file (run as a command, and
 * compared with the same run made in this process) and points at a broken expectation; `explore`
 * reports endings and exits 0 only for a two-sided scenario.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPackAround } from '../../src/cli/scenarioFiles';
import { tipWording } from '../../src/cli/tipWording';
import { exploreScenario } from '../../src/core/engine/exploreScenario';
import { formatRun, runToJson } from '../../src/core/playthrough/formatRun';
import { runPlaythrough } from '../../src/core/playthrough/runPlaythrough';

const TSX = join('node_modules', '.bin', 'tsx');
const run = (...args: string[]) => spawnSync(TSX, args, { encoding: 'utf8' });
const WELL = 'scenarios/level-1/locked-out-before-payroll.handled-well.playthrough.yaml';

async function playInProcess(file: string) {
  const pack = await loadPackAround(file);
  const result = runPlaythrough(readFileSync(file, 'utf8'), {
    file,
    pack: pack.pack,
    scenarios: pack.scenarios,
    shifts: pack.shifts,
  });
  if (!result.ok) throw new Error(result.problems[0]?.message);
  return result.value;
}

describe('npm run simulate', () => {
  it('prints the transcript and outcome, byte for byte what the same run prints in any process', {
    timeout: 30_000,
  }, async () => {
    const printed = run('src/cli/simulate.ts', WELL);
    expect(printed.status).toBe(0);
    const played = await playInProcess(WELL);
    expect(printed.stdout).toBe(formatRun(played, { tipText: await tipWording(played, 'en') }));
    expect(printed.stdout).toContain('Outcome      c1 satisfied');
    expect(printed.stdout).toMatch(/Checks {7}\d+ passed, 0 failed/);
  });

  it('gives the same run as JSON, also byte for byte every time', async () => {
    const first = runToJson(await playInProcess(WELL));
    expect(runToJson(await playInProcess(WELL))).toBe(first);
    const report = JSON.parse(first) as {
      passed: boolean;
      outcome: Record<string, { ending: string }>;
      transcript: { entries: unknown[] };
    };
    expect(report.passed).toBe(true);
    expect(report.outcome.c1?.ending).toBe('satisfied');
    expect(report.transcript.entries.length).toBeGreaterThan(10);
  });

  it('points at the expectation that failed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pack-'));
    cpSync('scenarios', dir, { recursive: true, filter: (path) => !path.includes('released') });
    const file = join(dir, 'level-1', 'broken.playthrough.yaml');
    writeFileSync(file, readFileSync(WELL, 'utf8').replace('ending: satisfied', 'ending: upset'));
    const played = await playInProcess(file);
    expect(played.passed).toBe(false);
    expect(formatRun(played)).toMatch(
      new RegExp(`${file.replace(/\./g, '\\.')}:\\d+:\\d+: failed The contact should end upset`),
    );
  });
});

describe('npm run explore', () => {
  it('lists the reachable endings with the shortest way to each', { timeout: 30_000 }, async () => {
    const result = run('src/cli/explore.ts', 'locked-out-before-payroll');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/Winnable {5}yes {4}Losable {2}yes/);
    expect(result.stdout).toMatch(/^satisfied {4}.+/m);
    const pack = await loadPackAround('scenarios/pack.yaml');
    const scenario = pack.scenarios.find((s) => s.id === 'locked-out-before-payroll');
    expect(scenario && exploreScenario(scenario).winnable).toBe(true);
  });
});
