/**
 * The trainer's engine tools as they are run: `simulate` prints the same bytes for the same file and
 * fails on a broken expectation; `explore` reports endings and exits 0 only for a two-sided scenario.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const TSX = join('node_modules', '.bin', 'tsx');
const run = (...args: string[]) => spawnSync(TSX, args, { encoding: 'utf8' });
const WELL = 'scenarios/level-1/locked-out-before-payroll.handled-well.playthrough.yaml';

describe('npm run simulate', () => {
  it('prints the transcript and outcome, byte for byte the same every time', () => {
    const first = run('src/cli/simulate.ts', WELL);
    const second = run('src/cli/simulate.ts', WELL);
    expect(first.status).toBe(0);
    expect(first.stdout).toBe(second.stdout);
    expect(first.stdout).toContain('Outcome      c1 satisfied');
    expect(first.stdout).toMatch(/Checks {7}\d+ passed, 0 failed/);
  });

  it('prints the same run as JSON, also byte for byte', () => {
    const first = run('src/cli/simulate.ts', WELL, '--json');
    expect(first.stdout).toBe(run('src/cli/simulate.ts', WELL, '--json').stdout);
    const report = JSON.parse(first.stdout) as {
      passed: boolean;
      outcome: Record<string, { ending: string }>;
      transcript: { entries: unknown[] };
    };
    expect(report.passed).toBe(true);
    expect(report.outcome.c1?.ending).toBe('satisfied');
    expect(report.transcript.entries.length).toBeGreaterThan(10);
  });

  it('exits 1 and points at the expectation that failed', () => {
    const dir = mkdtempSync(join('scenarios', 'level-1', '.tmp-'));
    const file = join(dir, 'broken.playthrough.yaml');
    writeFileSync(file, readFileSync(WELL, 'utf8').replace('ending: satisfied', 'ending: upset'));
    const result = spawnSync(TSX, ['src/cli/simulate.ts', file], { encoding: 'utf8' });
    spawnSync('rm', ['-rf', dir]);
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(
      new RegExp(`${file.replace(/\./g, '\\.')}:\\d+:\\d+: failed The contact should end upset`),
    );
  });
});

describe('npm run explore', () => {
  it('lists the reachable endings with the shortest way to each', () => {
    const result = run('src/cli/explore.ts', 'locked-out-before-payroll');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/Winnable {5}yes {4}Losable {2}yes/);
    expect(result.stdout).toMatch(/^satisfied {4}.+/m);
    const json = JSON.parse(run('src/cli/explore.ts', 'locked-out-before-payroll', '--json').stdout) as {
      winnable: boolean;
    };
    expect(json.winnable).toBe(true);
  });
});
