/**
 * The scoring formulas, each a small pure function of plain numbers so that it can be read, tabled and
 * tested on its own. A dimension's score is its base plus the points of its evidence, kept within
 * 0–100; these functions say how many points each kind of evidence is worth.
 */
import { foldText } from '../analysis/foldText';
import type { Channel, Dimension, Fact, PhraseFamily, ScoringRules } from '../scenario/types';

const MINUTE = 60_000;

/** The score every dimension starts from before its evidence. */
export const BASE: Readonly<Record<Dimension, number>> = {
  empathy: 50,
  promises: 60,
  tier: 50,
  availability: 100,
  attention: 40,
  listening: 40,
  problem_solving: 50,
  responsiveness: 100,
  professionalism: 100,
  follow_up: 30,
};

/** A dimension scoring below this gets a tip. */
export const TIP_BELOW = 70;

/**
 * The clock each channel runs on (game time): how soon a customer expects an answer (a call or a
 * chat at once, social media within the half hour, email within the morning), and how long after a
 * case is clearly beyond the trainee an escalation still counts as on time.
 */
export const CHANNEL_TIMES: Readonly<
  Record<Channel, { readonly answerMs: number; readonly escalateMs: number }>
> = {
  phone: { answerMs: 1 * MINUTE, escalateMs: 5 * MINUTE },
  chat: { answerMs: 2 * MINUTE, escalateMs: 10 * MINUTE },
  social: { answerMs: 30 * MINUTE, escalateMs: 60 * MINUTE },
  email: { answerMs: 4 * 60 * MINUTE, escalateMs: 6 * 60 * MINUTE },
};

/** Availability lost for a first answer `waitMs` after arrival: none on target, all of it at 5× the target. */
export function availabilityPoints(waitMs: number, channel: Channel): number {
  const target = CHANNEL_TIMES[channel].answerMs;
  if (waitMs <= target) return 0;
  return -Math.min(100, Math.round(((waitMs - target) / (4 * target)) * 100));
}

/** Responsiveness lost for one silence: 10 points once it passes the channel's target, 20 past 3×. */
export function silencePoints(silenceMs: number, channel: Channel): number {
  const target = CHANNEL_TIMES[channel].answerMs;
  if (silenceMs <= target) return 0;
  return silenceMs > 3 * target ? -20 : -10;
}

/** How many points one analyser point is worth in the empathy and professionalism dimensions. */
export const PHRASE_SCALE = 6;

/** The points a phrase effect brings its dimension. */
export function phrasePoints(weight: number): number {
  return Math.round(weight * PHRASE_SCALE * 10) / 10;
}

/** Which dimension each phrase family counts in. */
export const FAMILY_DIMENSION: Readonly<Record<PhraseFamily, Dimension>> = {
  acknowledge: 'empathy',
  validate: 'empathy',
  apologise: 'empathy',
  thank: 'empathy',
  ownership: 'empathy',
  blame: 'empathy',
  dismissive: 'empathy',
  sarcasm: 'empathy',
  greeting: 'attention',
  name: 'attention',
  shouting: 'professionalism',
  jargon: 'professionalism',
  overpromise: 'promises',
};

/** Points for each promise outcome and quality. */
export const PROMISE_POINTS = {
  made: 10,
  specific: 10,
  vague: -10,
  kept: 15,
  broken: -30,
  pastDeadline: -10,
  beforeTierAnswers: -10,
  beyondAuthority: -15,
} as const;

/** Points for the ways a contact can end, in problem solving. */
export const ENDING_POINTS: Readonly<Record<string, number>> = {
  satisfied: 30,
  neutral: 10,
  upset: -20,
  abandoned: -30,
  'walked-out': -30,
  'ended-by-agent': -10,
};

/** The tier judgement's points per tier missed: under-escalating costs more, a crisis twice as much. */
export const TIER_POINTS = {
  right: 40,
  resolvedYourself: 40,
  overPerTier: -10,
  underPerTier: -20,
  crisisFactor: 2,
  onTime: 10,
  late: -10,
  note: 10,
} as const;

/** The level from which a case is a crisis (Level 4 in the default ladder). */
export const CRISIS_LEVEL = 4;

/**
 * The tier judgement for a case that needs `needed`, handled by a trainee of tier `trainee` whose
 * highest escalation went to `highest` (null: never escalated): the key and points of the decision.
 */
export function tierDecision(
  needed: number,
  trainee: number,
  highest: number | null,
  resolvedWell: boolean,
): { key: TierDecisionKey; points: number } {
  const crisis = needed >= CRISIS_LEVEL ? TIER_POINTS.crisisFactor : 1;
  if (highest === null) {
    if (needed <= trainee) {
      return resolvedWell
        ? { key: 'tier.resolvedYourself', points: TIER_POINTS.resolvedYourself }
        : { key: 'tier.notResolved', points: 0 };
    }
    return { key: 'tier.neverEscalated', points: TIER_POINTS.underPerTier * (needed - trainee) * crisis };
  }
  if (highest === needed) return { key: 'tier.rightTier', points: TIER_POINTS.right };
  if (highest < needed) {
    return { key: 'tier.underEscalated', points: TIER_POINTS.underPerTier * (needed - highest) * crisis };
  }
  const floor = Math.max(needed, trainee);
  return { key: 'tier.overEscalated', points: TIER_POINTS.overPerTier * (highest - floor) };
}

/** The tier judgement's possible verdicts. */
export type TierDecisionKey =
  | 'tier.resolvedYourself'
  | 'tier.notResolved'
  | 'tier.neverEscalated'
  | 'tier.rightTier'
  | 'tier.underEscalated'
  | 'tier.overEscalated';

/** The timing points of an escalation made `delayMs` after the need was known. */
export function escalationTimingPoints(delayMs: number, channel: Channel): number {
  return delayMs <= CHANNEL_TIMES[channel].escalateMs ? TIER_POINTS.onTime : TIER_POINTS.late;
}

const STOP_WORDS = new Set(
  'the and for with from that this your you are was were has have had not but los las del por con para una uno que sus les este esta'.split(
    ' ',
  ),
);

function significantWords(text: string): string[] {
  return foldText(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => (w.length >= 3 || /\d/.test(w)) && !STOP_WORDS.has(w));
}

/**
 * Whether a handoff note carries a fact: at least half of the significant words of the fact's value, in
 * any of the scenario's languages, appear in the note (numbers always count as significant).
 */
export function noteCarries(note: string, fact: Fact): boolean {
  const words = new Set(significantWords(note));
  return Object.values(fact.value).some((value) => {
    const wanted = significantWords(value);
    if (wanted.length === 0) return false;
    const found = wanted.filter((w) => words.has(w)).length;
    return found * 2 >= wanted.length;
  });
}

/** Listening: the share of the facts the trainee could learn that they did learn, as points. */
export function listeningPoints(learnt: number, learnable: number): number {
  return learnable === 0 ? 0 : Math.round((60 * learnt) / learnable);
}

/** A score kept within 0–100 and rounded to a whole number. */
export function clampScore(value: number): number {
  return Math.max(0, Math.min(100, Math.round(value)));
}

/**
 * The weighted mean of the dimensions that apply (null scores are left out, as are weights of 0);
 * null when none applies.
 */
export function overallScore(
  scores: Readonly<Partial<Record<Dimension, number | null>>>,
  weights: ScoringRules['weights'],
): number | null {
  let sum = 0;
  let weight = 0;
  for (const [dimension, score] of Object.entries(scores) as [Dimension, number | null][]) {
    const w = weights[dimension] ?? 0;
    if (score === null || w === 0) continue;
    sum += score * w;
    weight += w;
  }
  return weight === 0 ? null : Math.round((sum / weight) * 10) / 10;
}

/** The four service levels a score maps to. */
export const GRADES = ['Unsatisfactory', 'Expected', 'Desired', 'Exceptional'] as const;
/** One of the four service levels. */
export type Grade = (typeof GRADES)[number];

/** The grade of an overall score under the pack's thresholds. */
export function gradeFor(score: number, grades: ScoringRules['grades']): Grade {
  if (score >= grades.exceptional) return 'Exceptional';
  if (score >= grades.desired) return 'Desired';
  if (score >= grades.expected) return 'Expected';
  return 'Unsatisfactory';
}
