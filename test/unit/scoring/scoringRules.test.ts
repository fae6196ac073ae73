/**
 * Golden tables for the scoring formulas: a grid of inputs and what each formula gives, kept as a
 * snapshot so any change to a formula shows up as a reviewed diff. The extremes are tested on their own.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_SCORING } from '../../../src/core/scenario/compilePack';
import { CHANNELS } from '../../../src/core/scenario/schema';
import {
  availabilityPoints,
  CHANNEL_TIMES,
  clampScore,
  escalationTimingPoints,
  gradeFor,
  listeningPoints,
  overallScore,
  phrasePoints,
  silencePoints,
  tierDecision,
} from '../../../src/core/scoring/scoringRules';

const MINUTE = 60_000;
const WAITS = [0, 0.5, 1, 2, 5, 10, 30, 60, 240, 600, 1200].map((m) => m * MINUTE);

/** A formula of (wait, channel) tabled over every channel and the waits above. */
function byChannelAndWait(formula: (ms: number, channel: (typeof CHANNELS)[number]) => number) {
  return Object.fromEntries(
    CHANNELS.map((channel) => [channel, WAITS.map((w) => `${w / MINUTE}m→${formula(w, channel)}`)]),
  );
}

describe('golden tables', () => {
  it('availability: points lost by first-answer wait (minutes) and channel', () => {
    expect(byChannelAndWait(availabilityPoints)).toMatchSnapshot();
  });

  it('responsiveness: points lost for one silence', () => {
    expect(byChannelAndWait(silencePoints)).toMatchSnapshot();
  });

  it('tier: the decision for every needed level, highest escalation and outcome (trainee at level 1)', () => {
    const rows: string[] = [];
    for (const needed of [1, 2, 3, 4])
      for (const highest of [null, 2, 3, 4])
        for (const resolvedWell of [true, false]) {
          const d = tierDecision(needed, 1, highest, resolvedWell);
          rows.push(
            `needs ${needed} · escalated ${highest ?? 'never'} · ${resolvedWell ? 'well' : 'badly'} → ${d.key} ${d.points}`,
          );
        }
    expect(rows).toMatchSnapshot();
  });

  it('tier: timing of an escalation by delay and channel', () => {
    expect(byChannelAndWait(escalationTimingPoints)).toMatchSnapshot();
  });

  it('grade of each overall score under the default thresholds', () => {
    const table = [0, 25, 49.9, 50, 60, 69.9, 70, 80, 84.9, 85, 100].map(
      (s) => `${s}→${gradeFor(s, DEFAULT_SCORING.grades)}`,
    );
    expect(table).toMatchSnapshot();
  });

  it('listening points by facts learnt out of facts learnable', () => {
    const rows: string[] = [];
    for (const learnable of [0, 1, 2, 3, 4, 5])
      for (let learnt = 0; learnt <= learnable; learnt += 1)
        rows.push(`${learnt}/${learnable}→${listeningPoints(learnt, learnable)}`);
    expect(rows).toMatchSnapshot();
  });

  it('phrase points by analyser weight', () => {
    expect(
      [-3, -2, -1.5, -1, -0.5, 0, 0.25, 0.5, 1, 2].map((w) => `${w}→${phrasePoints(w)}`),
    ).toMatchSnapshot();
  });

  it('overall score: weighted mean of the dimensions that apply', () => {
    const w = DEFAULT_SCORING.weights;
    const cases = [
      { empathy: 100, promises: 100, tier: 100 },
      { empathy: 0, promises: null, tier: 100, availability: 50 },
      {
        empathy: 80,
        promises: 60,
        tier: 40,
        availability: 100,
        attention: 70,
        listening: 55,
        problem_solving: 65,
        responsiveness: 90,
        professionalism: 100,
        follow_up: null,
      },
    ];
    expect(cases.map((c) => overallScore(c, w))).toMatchSnapshot();
  });
});

describe('extremes', () => {
  it('availability never costs more than the whole dimension, and nothing on target', () => {
    for (const channel of CHANNELS) {
      expect(availabilityPoints(CHANNEL_TIMES[channel].answerMs, channel)).toBe(0);
      expect(availabilityPoints(Number.MAX_SAFE_INTEGER, channel)).toBe(-100);
      expect(availabilityPoints(0, channel)).toBe(0);
    }
  });

  it('under-escalating a crisis costs more than over-escalating a routine case', () => {
    const crisisMissed = tierDecision(4, 1, null, false).points;
    const crisisShort = tierDecision(4, 1, 2, true).points;
    const routineOver = tierDecision(1, 1, 4, true).points;
    expect(crisisMissed).toBeLessThan(routineOver);
    expect(crisisShort).toBeLessThan(routineOver);
    expect(tierDecision(4, 1, 4, false).points).toBeGreaterThan(0);
    // Doubled for a crisis: missing level 4 by two tiers costs more than missing level 3 by two.
    expect(tierDecision(4, 1, 2, true).points).toBeLessThan(tierDecision(3, 1, null, true).points);
  });

  it('grades switch exactly at the thresholds', () => {
    const g = DEFAULT_SCORING.grades;
    expect(gradeFor(g.expected - 0.01, g)).toBe('Unsatisfactory');
    expect(gradeFor(g.expected, g)).toBe('Expected');
    expect(gradeFor(g.desired, g)).toBe('Desired');
    expect(gradeFor(g.exceptional, g)).toBe('Exceptional');
    expect(gradeFor(100, g)).toBe('Exceptional');
    expect(gradeFor(0, g)).toBe('Unsatisfactory');
  });

  it('overall: nothing applicable gives no score; a weight of 0 leaves a dimension out', () => {
    expect(overallScore({ empathy: null, tier: null }, DEFAULT_SCORING.weights)).toBeNull();
    const weights = { ...DEFAULT_SCORING.weights, empathy: 0 };
    expect(overallScore({ empathy: 0, tier: 80 }, weights)).toBe(80);
  });

  it('scores stay within 0–100', () => {
    expect(clampScore(-40)).toBe(0);
    expect(clampScore(180)).toBe(100);
    expect(clampScore(49.5)).toBe(50);
  });
});
