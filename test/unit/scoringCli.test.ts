/**
 * The scoring tools as they are run: `analyze` reads replies on stdin and prints one JSON object per
 * line with spans and promises; `simulate --scorecard` writes a scorecard that `verify` accepts, and
 * `verify` names the field of an edited score and exits 1.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const TSX = join('node_modules', '.bin', 'tsx');
const run = (args: string[], input?: string) => spawnSync(TSX, args, { encoding: 'utf8', input });
const WELL = 'scenarios/level-4/nut-free-bar-anaphylaxis.handled-well.playthrough.yaml';

describe('npm run analyze', () => {
  it('prints one JSON object per reply with tone, effects and promises', () => {
    const out = run(
      ['src/cli/analyze.ts', '--lang', 'en', '--name', 'Dana Whitfield'],
      "Hi Dana, I'm so sorry. I'll call you back by 3 pm.\n\nCalm down.\n",
    );
    expect(out.status).toBe(0);
    const lines = out.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({ text: "Hi Dana, I'm so sorry. I'll call you back by 3 pm." });
    expect(lines[0].tone).toBeGreaterThan(0);
    expect(lines[0].effects).toContainEqual(
      expect.objectContaining({ start: 9, end: 21, family: 'apologise', weight: 2 }),
    );
    expect(lines[0].promises[0]).toMatchObject({
      kind: 'callback',
      vague: false,
      due: '2026-03-09T15:00:00.000Z',
    });
    expect(lines[1].tone).toBeLessThan(0);
  });

  it('analyses Spanish with the Spanish lexicon', () => {
    const out = run(['src/cli/analyze.ts', '--lang', 'es'], 'Lo siento mucho, le llamo mañana a las diez.\n');
    const line = JSON.parse(out.stdout);
    expect(line.families).toContain('apologise');
    expect(line.promises[0]).toMatchObject({ vague: false, due: '2026-03-10T10:00:00.000Z' });
  });

  it('refuses a language it has no lexicon for, and a missing --lang', () => {
    expect(run(['src/cli/analyze.ts', '--lang', 'fr'], 'Bonjour\n').status).toBe(2);
    expect(run(['src/cli/analyze.ts'], 'Hello\n').status).toBe(2);
  });
});

describe('npm run verify', () => {
  const dir = mkdtempSync(join(tmpdir(), 'scorecards-'));
  const card = join(dir, 'card.json');
  run(['src/cli/simulate.ts', WELL, '--scorecard', card, '--trainee', 'Ana Ruiz']);

  it('verifies a scorecard written by simulate', () => {
    const out = run(['src/cli/verify.ts', card]);
    expect(out.stdout).toContain('verified');
    expect(out.status).toBe(0);
  });

  it('names the field of an edited score and exits 1', () => {
    const edited = JSON.parse(readFileSync(card, 'utf8'));
    edited.score.overall = 99.9;
    const file = join(dir, 'edited.json');
    writeFileSync(file, JSON.stringify(edited));
    const out = run(['src/cli/verify.ts', card, file]);
    expect(out.status).toBe(1);
    expect(out.stdout).toMatch(/edited\.json: DIFFERS/);
    expect(out.stdout).toMatch(/score\.overall: recorded 99\.9, replay gives \d/);
  });

  it('names the file, line and field of a damaged scorecard', () => {
    const file = join(dir, 'damaged.json');
    writeFileSync(file, readFileSync(card, 'utf8').replace('"seed": 1', '"seed": true'));
    const out = run(['src/cli/verify.ts', file]);
    expect(out.status).toBe(1);
    expect(out.stdout).toMatch(/damaged\.json:\d+: seed: /);
  });
});
