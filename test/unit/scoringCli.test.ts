/**
 * The scoring tools as they are run: `analyze` reads replies on stdin and prints one JSON object per
 * line with spans and promises; `simulate --scorecard` writes a scorecard that `verify` accepts;
 * `verify` names the field of an edited score, the line of a damaged one, and says which rules a
 * scorecard it cannot re-check was made with.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readReply } from '../../src/cli/analyze';
import { simulate } from '../../src/cli/simulate';
import { verifyFile } from '../../src/cli/verify';
import { lexiconAnalyser } from '../../src/core/analysis/lexiconAnalyser';
import { scenariosToVerifyWith } from '../../src/core/engine/released';
import { scorecardToJson, traineeIdFromName } from '../../src/core/scoring/scorecard';
import { playedScorecard } from '../support/playedScorecard';
import { loadStarterPack } from '../support/starterPack';

const TSX = join('node_modules', '.bin', 'tsx');
const run = (args: string[], input?: string) => spawnSync(TSX, args, { encoding: 'utf8', input });
const WELL = 'scenarios/level-4/nut-free-bar-anaphylaxis.handled-well.playthrough.yaml';

describe('npm run analyze', () => {
  it('prints one JSON object per reply with tone, effects and promises, run as a command', () => {
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
    expect(lines[0]).toMatchObject({
      by: `lexicon@${lexiconAnalyser.version}`,
      text: "Hi Dana, I'm so sorry. I'll call you back by 3 pm.",
    });
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
    const line = readReply('Lo siento mucho, le llamo mañana a las diez.', {
      language: 'es',
      customerName: '',
      previous: [],
      now: 0,
    });
    expect(line.families).toContain('apologise');
    expect(line.promises[0]).toMatchObject({ vague: false, due: '2026-03-10T10:00:00.000Z' });
  });

  it('refuses a language it has no lexicon for, and a missing --lang', () => {
    expect(run(['src/cli/analyze.ts', '--lang', 'fr'], 'Bonjour\n').status).toBe(2);
  });
});

describe('npm run verify', () => {
  const dir = mkdtempSync(join(tmpdir(), 'scorecards-'));
  const card = join(dir, 'card.json');
  const scenarios = scenariosToVerifyWith(loadStarterPack().scenarios, []);

  // Two commands start one after the other: allow for a busy machine.
  it('verifies a scorecard written by simulate, run as a command', { timeout: 30_000 }, () => {
    run(['src/cli/simulate.ts', WELL, '--scorecard', card, '--trainee', 'Ana Ruiz']);
    const out = run(['src/cli/verify.ts', card]);
    expect(out.stdout).toContain('verified · Ana Ruiz · nut-free-bar-anaphylaxis v');
    expect(out.status).toBe(0);
  });

  // In process: the command above is the one subprocess run of simulate and verify here.
  it('gives a trainee named on the command line a stable id, or the one --trainee-id gives', async () => {
    const named = JSON.parse(readFileSync(card, 'utf8'));
    expect(named.trainee).toEqual({ name: 'Ana Ruiz', id: traineeIdFromName('Ana Ruiz') });
    const other = join(dir, 'other.json');
    const errors: string[] = [];
    const print = { out: () => {}, err: (line: string) => errors.push(line) };
    const args = [WELL, '--scorecard', other, '--trainee', 'Ana Ruiz', '--trainee-id', 'emp-7'];
    expect(await simulate(args, print)).toBe(0);
    expect(JSON.parse(readFileSync(other, 'utf8')).trainee).toEqual({ name: 'Ana Ruiz', id: 'emp-7' });
    expect(await simulate([WELL, '--scorecard', other, '--trainee-id', 'a b'], print)).toBe(2);
    expect(errors.join('\n')).toMatch(/--trainee-id must be/);
  });

  it('names the field of an edited score', async () => {
    const edited = playedScorecard(WELL);
    (edited.score as { overall: number | null }).overall = 99.9;
    const file = join(dir, 'edited.json');
    writeFileSync(file, scorecardToJson(edited));
    const { lines, verified } = await verifyFile(file, scenarios);
    expect(verified).toBe(false);
    expect(lines[0]).toMatch(/edited\.json: DIFFERS/);
    expect(lines.join('\n')).toMatch(/score\.overall: recorded 99\.9, replay gives \d/);
  });

  it('names the file, line and field of a damaged scorecard', async () => {
    const file = join(dir, 'damaged.json');
    writeFileSync(file, scorecardToJson(playedScorecard(WELL)).replace('"seed": 1', '"seed": true'));
    const { lines, verified } = await verifyFile(file, scenarios);
    expect(verified).toBe(false);
    expect(lines[0]).toMatch(/damaged\.json:\d+: seed: /);
  });

  it('says a scorecard made by an earlier build cannot be re-checked, and does not call it edited', async () => {
    const older = JSON.parse(scorecardToJson(playedScorecard(WELL)));
    Object.assign(older, { version: 1, engineVersion: '1.1.0', rubricVersion: '1.0.0' });
    delete older.analyser;
    const file = join(dir, 'older.json');
    writeFileSync(file, JSON.stringify(older));
    const { lines, verified } = await verifyFile(file, scenarios);
    expect(verified).toBe(false);
    expect(lines[0]).toMatch(/older\.json: cannot be re-checked · Ana Ruiz/);
    expect(lines[1]).toMatch(/format 1 by engine 1\.1\.0, which this build .* cannot re-check/);
  });
});
