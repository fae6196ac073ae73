/**
 * The team table's rows, sorting, filtering and CSV: one row per trainee (two people with one name
 * but different ids stay two), latest and best grades, trends, and a CSV a spreadsheet cannot be
 * tricked by.
 */
import { describe, expect, it } from 'vitest';
import type { Scorecard } from '../../../src/core/scoring/scorecard';
import { safeCell, toCsv } from '../../../src/manager/csv';
import { importScorecards } from '../../../src/manager/importScorecards';
import { type Attempt, filterRows, NO_FILTER, sortRows, teamRows } from '../../../src/manager/team';
import { playedScorecard } from '../../support/playedScorecard';

const WELL = 'scenarios/level-1/locked-out-before-payroll.handled-well.playthrough.yaml';
const BADLY = 'scenarios/level-1/locked-out-before-payroll.handled-badly.playthrough.yaml';
const well = playedScorecard(WELL, 'Ana Ruiz');
const badly = playedScorecard(BADLY, 'Ana Ruiz');

function attempt(card: Scorecard, id: string, finishedAt: string, trainee?: Record<string, string>): Attempt {
  const doc = { ...card, attempt: { ...card.attempt, id, finishedAt }, trainee: trainee ?? card.trainee };
  // The summary reader keeps any trainee fields; build the read scorecard directly.
  const [accepted] = importScorecards([{ name: `${id}.json`, text: JSON.stringify(doc) }]).accepted;
  const read = accepted?.read ?? { current: true as const, scorecard: doc as Scorecard };
  return { hash: id, read, trust: 'verified', fields: [], file: `${id}.json` };
}

describe('the team', () => {
  const ana1 = attempt(badly, 'a1', '2026-11-30T09:00:00.000Z');
  const ana2 = attempt(well, 'a2', '2026-12-01T09:00:00.000Z');
  const bo = attempt(badly, 'b1', '2026-12-02T09:00:00.000Z', { name: 'Bo Chen' });

  it('puts each trainee on one row with latest, best and trend', () => {
    const rows = teamRows([ana2, bo, ana1]);
    const ana = rows.find((r) => r.name === 'Ana Ruiz');
    expect(ana).toMatchObject({
      attempts: 2,
      latestGrade: well.score.grade,
      lastActive: '2026-12-01T09:00:00.000Z',
    });
    expect(ana?.trend.empathy).toBe(
      (well.score.dimensions.empathy.score ?? 0) - (badly.score.dimensions.empathy.score ?? 0),
    );
    expect(rows).toHaveLength(2);
  });

  it('keeps two people with one name apart when their ids differ', () => {
    const alexA = { ...attempt(well, 'x1', '2026-12-01T09:00:00.000Z'), hash: 'x1' };
    const alexB = { ...attempt(well, 'x2', '2026-12-01T10:00:00.000Z'), hash: 'x2' };
    const withId = (a: Attempt, id: string): Attempt =>
      a.read.current
        ? {
            ...a,
            read: {
              current: true,
              scorecard: { ...a.read.scorecard, trainee: { name: 'Alex', id } as Scorecard['trainee'] },
            },
          }
        : a;
    expect(teamRows([withId(alexA, 'one'), withId(alexB, 'two')])).toHaveLength(2);
    expect(teamRows([withId(alexA, 'one'), withId(alexB, 'one')])).toHaveLength(1);
  });

  it('sorts by any column, empty values last, and filters by name and verification', () => {
    const rows = teamRows([ana1, ana2, bo]);
    expect(sortRows(rows, 'attempts', true).map((r) => r.name)).toEqual(['Ana Ruiz', 'Bo Chen']);
    expect(sortRows(rows, 'name', true).map((r) => r.name)).toEqual(['Bo Chen', 'Ana Ruiz']);
    expect(filterRows(rows, { ...NO_FILTER, name: 'bo' }).map((r) => r.name)).toEqual(['Bo Chen']);
    const changed = { ...bo, trust: 'changed' as const };
    expect(
      filterRows(teamRows([ana1, changed]), { ...NO_FILTER, verifiedOnly: true }).map((r) => r.name),
    ).toEqual(['Ana Ruiz']);
    expect(filterRows(rows, { ...NO_FILTER, from: '2026-12-02' }).map((r) => r.name)).toEqual(['Bo Chen']);
  });
});

describe('the CSV', () => {
  it('neutralises formulas in text and leaves numbers alone', () => {
    expect(safeCell('=HYPERLINK("x")')).toBe(`'=HYPERLINK("x")`);
    expect(safeCell('+1')).toBe(`'+1`);
    expect(safeCell('-5')).toBe(`'-5`);
    expect(safeCell('@SUM(A1)')).toBe(`'@SUM(A1)`);
    expect(safeCell('\tx')).toBe(`'\tx`);
    expect(safeCell(-5)).toBe(-5);
    expect(safeCell('Ana Ruiz')).toBe('Ana Ruiz');
  });

  it('quotes commas, quotes and line breaks', () => {
    expect(
      toCsv([
        ['name', 'trend'],
        ['Ruiz, "Ana"\nB', -5],
        ['=1+1', null],
      ]),
    ).toBe('name,trend\n"Ruiz, ""Ana""\nB",-5\n\'=1+1,\n');
  });
});
