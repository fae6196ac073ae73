/**
 * Golden tables for the scoring formulas: a grid of inputs and what each formula gives, kept as a
 * snapshot so any change to a formula shows up as a reviewed diff. The extremes are tested on their own.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_SCORING } from '../../../src/core/scenario/compilePack';
import { CHANNELS } from '../../../src/core/scenario/schema';
import {
  availabilityPoints,
  BASE,
  CHANNEL_TIMES,
  cappedScore,
  clampScore,
  escalationTimingPoints,
  gradeFor,
  holdPoints,
  listeningPoints,
  noteFactPoints,
  overallScore,
  phrasePoints,
  RESPONSIVENESS_POINTS,
  silencePoints,
  TIER_POINTS,
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

  it('tier: the decision for every needed level, highest escalation and outcome (trainee at level 1, Level 4 the crisis tier)', () => {
    const rows: string[] = [];
    for (const needed of [1, 2, 3, 4])
      for (const highest of [null, 2, 3, 4])
        for (const resolvedWell of [true, false]) {
          const d = tierDecision(needed, 1, highest, resolvedWell, needed === 4);
          rows.push(
            `needs ${needed} · escalated ${highest ?? 'never'} · ${resolvedWell ? 'well' : 'badly'} → ${d.key} ${d.points}`,
          );
        }
    expect(rows).toMatchSnapshot();
  });

  it('tier: a handoff note’s points by facts carried out of facts required', () => {
    const rows: string[] = [];
    for (const required of [1, 2, 3, 5])
      for (let carried = 0; carried <= required; carried += 1) {
        const sum = Array.from({ length: required }, (_, i) => noteFactPoints(i < carried, required)).reduce(
          (a, b) => a + b,
          0,
        );
        rows.push(`${carried}/${required}→${Math.round(sum * 10) / 10}`);
      }
    expect(rows).toMatchSnapshot();
  });

  it('responsiveness: points lost for one hold, by minutes held and whether the caller hung up', () => {
    const rows = [0, 3, 3.1, 9, 9.1, 60].flatMap((m) =>
      [false, true].map((left) => `${m} min${left ? ' hung up' : ''}→${holdPoints(m * 60_000, left)}`),
    );
    expect(rows).toMatchSnapshot();
  });

  it('critical errors: the score and grade each cap leaves, by uncapped score', () => {
    const rows = (['unsatisfactory', 'expected', 'desired'] as const).flatMap((cap) =>
      [0, 49, 50, 69, 70, 84, 85, 100].map((score) => {
        const r = cappedScore(score, 1, { ...DEFAULT_SCORING, critical: { errors: [], cap } });
        return `cap ${cap} · ${score}→${r.score} ${r.grade}`;
      }),
    );
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
    const crisisMissed = tierDecision(4, 1, null, false, true).points;
    const crisisShort = tierDecision(4, 1, 2, true, true).points;
    const routineOver = tierDecision(1, 1, 4, true, false).points;
    expect(crisisMissed).toBeLessThan(routineOver);
    expect(crisisShort).toBeLessThan(routineOver);
    expect(tierDecision(4, 1, 4, false, true).points).toBeGreaterThan(0);
    // Doubled for a crisis: missing a crisis tier by two costs more than missing another tier by two.
    expect(tierDecision(4, 1, 2, true, true).points).toBeLessThan(
      tierDecision(3, 1, null, true, false).points,
    );
    // The crisis is the pack's word, not a level: level 4 of a five-tier ladder is no crisis.
    expect(tierDecision(4, 1, 3, true, false).points).toBe(TIER_POINTS.underPerTier);
    expect(tierDecision(5, 1, 4, true, true).points).toBe(
      TIER_POINTS.underPerTier * TIER_POINTS.crisisFactor,
    );
  });

  it('the right tier, on time, with a full note, makes the whole dimension and no more', () => {
    expect(BASE.tier + TIER_POINTS.right + TIER_POINTS.onTime + TIER_POINTS.note).toBe(100);
    expect(BASE.tier + TIER_POINTS.resolvedYourself).toBe(100);
    // A missing fact costs; an empty note costs more than a note missing every fact.
    expect(noteFactPoints(false, 3)).toBeLessThan(0);
    expect(TIER_POINTS.emptyNote).toBeLessThan(-TIER_POINTS.note);
  });

  it('a hold that ends with the caller gone costs more than any hold they came back from', () => {
    expect(holdPoints(60_000, true)).toBeLessThan(holdPoints(Number.MAX_SAFE_INTEGER, false));
    expect(holdPoints(RESPONSIVENESS_POINTS.longHoldMs, false)).toBe(0);
  });

  it('a critical error leaves no score at or above the cap’s next grade, and none changes a score below it', () => {
    const rules = DEFAULT_SCORING;
    for (let score = 0; score <= 100; score += 1) {
      const capped = cappedScore(score, 1, rules);
      expect(capped.grade).toBe('Unsatisfactory');
      expect(capped.score).toBe(Math.min(score, rules.grades.expected - 1));
      expect(gradeFor(capped.score, rules.grades)).toBe(capped.grade);
      expect(cappedScore(score, 0, rules)).toEqual({ score, grade: gradeFor(score, rules.grades) });
    }
  });

  it('the grade is decided on the score as shown, a whole number', () => {
    const w = DEFAULT_SCORING.weights;
    // 69.85 before rounding: shown as 70, and graded as 70.
    const score = overallScore({ empathy: 69.85, tier: 69.85 }, w);
    expect(score).toBe(70);
    expect(gradeFor(score ?? 0, DEFAULT_SCORING.grades)).toBe('Desired');
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
