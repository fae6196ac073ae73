/**
 * `npm run check:scenarios` as a trainer runs it: compiler-style lines, a summary, the exit code and
 * JSON output (run as a command), and hostile files refused with a located error instead of a crash or
 * a hang (checked in-process: a hostile file that hung the check would time the test out).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkPaths } from '../../src/cli/checkScenarios';

const TSX = join('node_modules', '.bin', 'tsx');

function run(...args: string[]) {
  return spawnSync(TSX, ['src/cli/checkScenarios.ts', ...args], { encoding: 'utf8' });
}

const HOSTILE: Record<string, { text: string; code: string }> = {
  'alias-bomb.yaml': {
    text: `a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n`,
    code: 'yaml-anchor',
  },
  'js-function.yaml': { text: 'id: !!js/function "function () { return 1 }"\n', code: 'yaml-tag' },
  'proto.yaml': { text: 'id: x\n__proto__:\n  polluted: true\n', code: 'forbidden-key' },
  'deep.yaml': { text: `id: ${'['.repeat(200_000)}\n`, code: 'too-deep' },
  'huge.yaml': { text: `id: x\n#${'x'.repeat(2 * 1024 * 1024)}\n`, code: 'file-too-large' },
  'duplicate.yaml': { text: 'id: a\nid: b\n', code: 'duplicate-key' },
  'binary.yaml': { text: '\u0000\u0001\u0002\uFFFF\uD800', code: 'yaml-syntax' },
};

describe('check:scenarios', () => {
  it('passes the shipped pack with a summary line and exit code 0', () => {
    const result = run();
    expect(result.stderr).not.toMatch(/Error|at /);
    expect(result.stdout).toMatch(
      /^\d+ files checked, \d+ scenarios compiled: 0 errors, 0 warnings \(\d+ ms\)$/m,
    );
    expect(result.status).toBe(0);
  });

  it('finds no problem in the shipped pack, and counts its scenarios (what --json prints)', async () => {
    const report = await checkPaths(['scenarios'], true);
    expect(report.errors).toBe(0);
    expect(report.scenarios).toBeGreaterThanOrEqual(16);
    expect(report.problems).toEqual([]);
  });

  it.each(Object.entries(HOSTILE))('refuses %s with a located error', async (name, { text, code }) => {
    const dir = mkdtempSync(join(tmpdir(), 'hostile-'));
    const file = join(dir, name);
    writeFileSync(file, text);
    const report = await checkPaths([file], true);
    expect(report.errors).toBeGreaterThan(0);
    expect(report.problems).toContainEqual(expect.objectContaining({ file, code, severity: 'error' }));
  });

  it('refuses a hostile file as a command too: exit 1, a located line, no stack trace', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hostile-'));
    const file = join(dir, 'alias-bomb.yaml');
    writeFileSync(file, HOSTILE['alias-bomb.yaml']?.text ?? '');
    const result = run(file);
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/alias-bomb\.yaml:\d+:\d+: error yaml-anchor /);
    expect(`${result.stdout}${result.stderr}`).not.toMatch(/^\s+at /m);
  });

  it('exits 2 with a plain message on an unknown option, and reports a missing path', async () => {
    const bad = run('--nope');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('Unknown option --nope');
    const missing = await checkPaths(['no/such/folder'], false);
    expect(missing.problems).toContainEqual(
      expect.objectContaining({ file: 'no/such/folder', line: 1, col: 1, code: 'file-unreadable' }),
    );
  });

  it('says a named playthrough is not a scenario instead of reading it as one', async () => {
    const file = 'scenarios/level-1/locked-out-before-payroll.typed.playthrough.yaml';
    const checked = await checkPaths([file], false);
    expect(checked.problems.map((p) => `${p.severity} ${p.code}`)).toEqual(['warning not-a-scenario']);
    expect(checked.problems[0]?.message).toContain(`npm run simulate -- ${file}`);
  });
});
