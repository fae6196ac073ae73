/**
 * The trainee and scenario views' figures: a trainee's attempts in order with every dimension, and how
 * a scenario goes across the team (grades per customer, the beat customers leave in, the costliest
 * evidence, the critical errors), summed from the rubric's own evidence and never judged again.
 */
import { describe, expect, it } from 'vitest';
import type { Scorecard } from '../../../src/core/scoring/scorecard';
import { scenarioStats, traineeTimeline } from '../../../src/manager/insights';
import { type Attempt, traineeKey } from '../../../src/manager/team';
import { playedScorecard } from '../../support/playedScorecard';
import { loadStarterPack } from '../../support/starterPack';

const SCENARIO = 'locked-out-before-payroll';
const well = playedScorecard(`scenarios/level-1/${SCENARIO}.handled-well.playthrough.yaml`, 'Ana Ruiz');
const badly = playedScorecard(`scenarios/level-1/${SCENARIO}.handled-badly.playthrough.yaml`, 'Ana Ruiz');

function attempt(card: Scorecard, id: string, finishedAt: string | null, name = 'Ana Ruiz'): Attempt {
  const doc: Scorecard = {
    ...card,
    attempt: { ...card.attempt, id, finishedAt },
    trainee: { ...card.trainee, name, id: `id-${name}` },
  };
  return {
    hash: id,
    read: { current: true, scorecard: doc },
    trust: 'verified',
    fields: [],
    file: `${id}.json`,
  };
}

const ana1 = attempt(badly, 'a1', '2026-11-30T09:00:00.000Z');
const ana2 = attempt(well, 'a2', '2026-12-01T09:00:00.000Z');
const anaUndated = attempt(well, 'a3', null);
const bo = attempt(badly, 'b1', '2026-12-02T09:00:00.000Z', 'Bo Chen');

describe("a trainee's timeline", () => {
  it('lists their attempts oldest first, undated ones last, with every dimension', () => {
    const points = traineeTimeline([anaUndated, bo, ana2, ana1], traineeKey(ana1));
    expect(points.map((p) => p.hash)).toEqual(['a1', 'a2', 'a3']);
    expect(points[0]?.overall).toBe(badly.score.overall);
    expect(points[1]?.dimensions.empathy).toBe(well.score.dimensions.empathy.score);
    expect(points[0]?.critical).toBe(badly.score.critical.length);
    expect(Object.keys(points[0]?.dimensions ?? {})).toHaveLength(10);
  });

  it('is empty for someone not in the team', () => {
    expect(traineeTimeline([ana1], 'id:nobody')).toEqual([]);
  });
});

describe('a scenario across the team', () => {
  const [stats] = scenarioStats([ana1, ana2, bo]);

  it('counts plays, trainees and each customer’s own grade', () => {
    expect(stats).toMatchObject({ id: SCENARIO, plays: 3, trainees: 2 });
    const graded = Object.values(stats?.grades ?? {}).reduce((n, g) => n + g, 0);
    expect(graded).toBe(3);
    expect(stats?.grades.Unsatisfactory).toBe(2);
  });

  it('finds the beat the customers left in, and it is a beat of the scenario', () => {
    expect(stats?.walkOuts).toBe(2);
    expect(stats?.walkOutBeats).toHaveLength(1);
    const beat = stats?.walkOutBeats[0];
    expect(beat?.count).toBe(2);
    const scenario = loadStarterPack().scenarios.find((s) => s.id === SCENARIO);
    expect(scenario?.beats.map((b) => b.id)).toContain(beat?.beat);
  });

  it('ranks the evidence that cost the most first, and the dimensions lowest first', () => {
    const lost = stats?.costly.map((c) => c.lost) ?? [];
    expect(lost.length).toBeGreaterThan(0);
    expect(lost).toEqual([...lost].sort((a, b) => b - a));
    expect(lost.every((l) => l > 0)).toBe(true);
    // A piece of evidence is counted once per play, however often it cost in that play.
    expect(stats?.costly.every((c) => c.plays <= 3)).toBe(true);
    const means = stats?.dimensions.map((d) => d.mean) ?? [];
    expect(means).toEqual([...means].sort((a, b) => a - b));
  });

  it('counts the critical errors, each with an attempt that shows it', () => {
    const walked = stats?.critical.find((c) => c.key === 'critical.walked-out');
    expect(walked?.count).toBe(2);
    expect(['a1', 'b1']).toContain(walked?.example.hash);
  });

  it('says nothing of a team that played nothing', () => {
    expect(scenarioStats([])).toEqual([]);
  });
});
