/**
 * `npm run check:scenarios` as a trainer runs it: compiler-style lines, a summary, the exit code, JSON
 * output, and hostile files refused with a located error, no stack trace, within a second.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const TSX = join('node_modules', '.bin', 'tsx');

function run(...args: string[]) {
  const started = performance.now();
  const result = spawnSync(TSX, ['src/cli/checkScenarios.ts', ...args], { encoding: 'utf8' });
  return { ...result, ms: performance.now() - started };
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

  it('prints the same result as JSON with --json', () => {
    const result = run('--json', 'scenarios');
    const report = JSON.parse(result.stdout) as { errors: number; scenarios: number; problems: unknown[] };
    expect(report.errors).toBe(0);
    expect(report.scenarios).toBeGreaterThanOrEqual(16);
    expect(report.problems).toEqual([]);
  });

  it.each(Object.entries(HOSTILE))(
    'refuses %s with a located error, quickly and without a stack trace',
    (name, { text, code }) => {
      const dir = mkdtempSync(join(tmpdir(), 'hostile-'));
      const file = join(dir, name);
      writeFileSync(file, text);
      const result = run(file);
      expect(result.status).toBe(1);
      expect(result.stdout).toMatch(
        new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+: error ${code} `, 'm'),
      );
      expect(`${result.stdout}${result.stderr}`).not.toMatch(/^\s+at /m);
      // The whole process, Node and tsx start-up included, must not hang on any of these.
      expect(result.ms).toBeLessThan(10_000);
      const report = JSON.parse(run('--json', file).stdout) as { ms: number; problems: { code: string }[] };
      expect(report.problems.map((p) => p.code)).toContain(code);
      // The check itself, after start-up, answers within a second.
      expect(report.ms).toBeLessThan(1000);
    },
  );

  it('exits 2 with a plain message on an unknown option, and reports a missing path', () => {
    const bad = run('--nope');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('Unknown option --nope');
    const missing = run('no/such/folder');
    expect(missing.status).toBe(1);
    expect(missing.stdout).toContain('no/such/folder:1:1: error file-unreadable');
  });
});
