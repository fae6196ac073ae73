/**
 * The manager's import, as a manager's files would arrive: single scorecards and JSON Lines bundles,
 * with a tampered score, a malformed file and a file that is not a scorecard among them. Good ones
 * load, each bad one is rejected with where and why, a re-import counts once, and two different
 * copies of one attempt are flagged rather than merged. Then each is verified: verified, changed
 * (with the field), or a scenario version the page does not hold.
 */
import { describe, expect, it } from 'vitest';
import { lexiconAnalyser } from '../../../src/core/analysis/lexiconAnalyser';
import type { Scorecard } from '../../../src/core/scoring/scorecard';
import { importScorecards, readScorecardFiles } from '../../../src/manager/importScorecards';
import { mergeImports, shareFiles } from '../../../src/manager/importShares';
import { trustOf } from '../../../src/manager/trust';
import { playedScorecard } from '../../support/playedScorecard';
import { loadStarterPack } from '../../support/starterPack';

const WELL = 'scenarios/level-1/locked-out-before-payroll.handled-well.playthrough.yaml';
const BADLY = 'scenarios/level-1/locked-out-before-payroll.handled-badly.playthrough.yaml';
const good = playedScorecard(WELL, 'Ana Ruiz');
const other: Scorecard = {
  ...playedScorecard(BADLY, 'Bo Chen'),
  attempt: { ...good.attempt, id: 'attempt-2' },
};
const json = (s: unknown) => JSON.stringify(s, null, 2);

describe('importing scorecards', () => {
  it('takes single files and JSON Lines bundles, and rejects the rest each with a reason', () => {
    const result = importScorecards([
      { name: 'ana.json', text: json(good) },
      { name: 'team.jsonl', text: `${JSON.stringify(other)}\n\n{"format":"nope"}\n` },
      { name: 'cut.json', text: json(good).slice(0, 500) },
      { name: 'notes.txt', text: 'Ana did well today.' },
      { name: 'empty.json', text: '   ' },
    ]);
    expect(result.accepted.map((a) => [a.file, a.line, a.attemptId])).toEqual([
      ['ana.json', 1, 'attempt-1'],
      ['team.jsonl', 1, 'attempt-2'],
    ]);
    expect(result.rejected.map((r) => [r.file, r.line])).toEqual([
      ['team.jsonl', 3],
      ['cut.json', expect.any(Number)],
      ['notes.txt', 1],
      ['empty.json', 1],
    ]);
    expect(result.rejected[0]?.field).toBe('format');
    expect(result.rejected[1]?.message).toMatch(/not valid JSON/);
  });

  it('names the line and field of a damaged scorecard', () => {
    const damaged = json({ ...good, score: { ...good.score, overall: 'ninety' } });
    const [problem] = importScorecards([{ name: 'bad.json', text: damaged }]).rejected;
    expect(problem?.field).toBe('score.overall');
    expect(damaged.split('\n')[(problem?.line ?? 0) - 1]).toMatch(/"overall"/);
  });

  it('counts the same attempt imported twice once, and flags two different copies of one attempt', () => {
    const twice = importScorecards([
      { name: 'a.json', text: json(good) },
      { name: 'a-again.json', text: JSON.stringify(good) },
    ]);
    expect(twice.accepted).toHaveLength(1);
    expect(twice.duplicates).toBe(1);
    expect(twice.conflicts).toEqual([]);

    const edited = { ...good, score: { ...good.score, overall: 100 } };
    const clash = importScorecards([
      { name: 'a.json', text: json(good) },
      { name: 'a-edited.json', text: json(edited) },
    ]);
    expect(clash.conflicts).toEqual([
      {
        attemptId: 'attempt-1',
        copies: [
          expect.objectContaining({ file: 'a.json' }),
          expect.objectContaining({ file: 'a-edited.json' }),
        ],
      },
    ]);
  });

  it('remembers what was imported before', () => {
    const first = importScorecards([{ name: 'a.json', text: json(good) }]);
    const known = new Map(first.accepted.map((a) => [a.attemptId, a.hash]));
    const again = importScorecards([{ name: 'a.json', text: json(good) }], known);
    expect(again.accepted).toEqual([]);
    expect(again.duplicates).toBe(1);
  });

  it('rejects a file over the size cap without reading it', () => {
    const huge = { name: 'huge.jsonl', text: 'x'.repeat(64 * 1024 * 1024 + 1) };
    expect(importScorecards([huge]).rejected[0]?.message).toMatch(/larger than 64 MiB/);
  });
});

describe('trust', () => {
  const { scenarios } = loadStarterPack();
  const read = (s: Scorecard) => {
    const [accepted] = importScorecards([{ name: 's.json', text: json(s) }]).accepted;
    if (!accepted) throw new Error('not accepted');
    return accepted.read;
  };

  it('is verified for an honest scorecard', () => {
    expect(trustOf(read(good), scenarios, lexiconAnalyser)).toMatchObject({ trust: 'verified', fields: [] });
  });

  it('names the field a score was changed in', () => {
    const edited = { ...good, score: { ...good.score, overall: 100 } };
    const report = trustOf(read(edited), scenarios, lexiconAnalyser);
    expect(report.trust).toBe('changed');
    expect(report.fields).toContain('score.overall');
  });

  it('says when the page does not hold the scenario version', () => {
    expect(trustOf(read(good), [], lexiconAnalyser).trust).toBe('scenario-unknown');
  });

  it('reads in shares, one per worker, to the same result as in one go', () => {
    const cards = Array.from({ length: 7 }, (_, i) => ({
      ...other,
      attempt: { ...other.attempt, id: `attempt-${i}` },
    }));
    const files = [
      {
        name: 'bundle.jsonl',
        text: `${cards.map((c) => JSON.stringify(c)).join('\n')}\n{"format":"nope"}\n`,
      },
      { name: 'ana.json', text: json(good) },
      { name: 'ana-again.json', text: JSON.stringify(good) },
      { name: 'conflict.json', text: JSON.stringify({ ...good, seed: 99 }) },
    ];
    const whole = importScorecards(files);
    for (const count of [1, 2, 3, 4]) {
      const shares = shareFiles(files, count);
      expect(shares.length).toBeLessThanOrEqual(count);
      // The bundle is cut between lines when it is larger than a share, each piece keeping its lines.
      if (count > 1) expect(shares.flat().filter((f) => f.name === 'bundle.jsonl').length).toBeGreaterThan(1);
      const merged = mergeImports(shares.map((share) => readScorecardFiles(share)));
      const key = (a: { file: string; line: number; attemptId: string }) =>
        `${a.file}:${a.line}:${a.attemptId}`;
      expect(merged.accepted.map(key).sort()).toEqual(whole.accepted.map(key).sort());
      expect(merged.rejected.map((r) => [r.file, r.line, r.field])).toEqual(
        expect.arrayContaining(whole.rejected.map((r) => [r.file, r.line, r.field])),
      );
      expect(merged.rejected).toHaveLength(whole.rejected.length);
      expect(merged.duplicates).toBe(whole.duplicates);
      expect(merged.conflicts.map((c) => c.attemptId)).toEqual(whole.conflicts.map((c) => c.attemptId));
    }
    expect(whole.rejected.map((r) => [r.file, r.line])).toEqual([['bundle.jsonl', 8]]);
    expect(whole.duplicates).toBe(1);
    expect(whole.conflicts).toHaveLength(1);
  });
});
