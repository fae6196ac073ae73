/**
 * The scoring formulas: every point value the rubric gives, and each formula a small pure function of
 * plain numbers so that it can be read, tabled and tested on its own. A dimension's score is its base
 * plus the points of its evidence, kept within 0–100; the dimension modules decide which evidence a
 * contact earns, and this module alone says how many points each kind is worth.
 */
import type { Channel, Dimension, PhraseFamily, ScoringRules } from '../scenario/types';

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
/** The most tips an attempt's debrief gives. */
export const MAX_TIPS = 5;

/**
 * The clock each channel runs on (game time): how soon a customer expects an answer (a call or a
 * chat within a couple of minutes, social media within the half hour, email within the morning), and
 * how long after a case is clearly beyond the trainee an escalation still counts as on time. A call
 * and a chat run in real time while the customer waits, and the trainee types: at 30 words a minute a
 * 60-word answer takes two minutes, so that is a call's target and a chat's is three (a chat customer
 * expects a little less than a caller). A person reading at 200 words a minute and typing at 30 who
 * answers in turn meets them (the human-timing test plays every good run so).
 */
export const CHANNEL_TIMES: Readonly<
  Record<Channel, { readonly answerMs: number; readonly escalateMs: number }>
> = {
  phone: { answerMs: 2 * MINUTE, escalateMs: 5 * MINUTE },
  chat: { answerMs: 3 * MINUTE, escalateMs: 10 * MINUTE },
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

/** Empathy beyond its phrases: an upset customer's feelings must be acknowledged early. */
export const EMPATHY_POINTS = {
  /** Neither of the first replies to an upset customer acknowledged, validated or apologised. */
  noAcknowledgement: -15,
  /** A customer who starts with a mood below this is upset. */
  upsetBelow: -0.2,
  /** How many of the first replies may pass before the acknowledgement counts as missing. */
  acknowledgeWithin: 2,
  /** Each reply's learned tone (−1…+1) times this: how warm or curt it read beyond its phrases. */
  toneScale: 6,
} as const;

/** The empathy points a reply's learned tone brings: its tone times the scale, to one decimal. */
export function tonePoints(tone: number): number {
  return Math.round(tone * EMPATHY_POINTS.toneScale * 10) / 10;
}

/** Attention: greeting the customer in the first reply, and using their name in any. */
export const ATTENTION_POINTS = { greeting: 30, name: 30 } as const;

/** Professionalism: its phrases count double, and a rude reply or one of nonsense costs on its own. */
export const PROFESSIONALISM_POINTS = {
  phraseFactor: 2,
  rudeTone: -10,
  /** A reply with no words a person would write (markup, one character repeated, letters that form no words). */
  nonsense: -10,
  /** A reply whose tone is at or below this is rude. */
  rudeAt: -0.6,
} as const;

/** Listening beyond the facts learnt: asking again for what is already known. */
export const LISTENING_POINTS = { askedAgain: -5 } as const;

/** Problem solving beyond how the contact ended. */
export const PROBLEM_SOLVING_POINTS = {
  unfinished: -40,
  rightResolution: 20,
  otherResolution: -5,
  beyondAuthority: -15,
  reproduced: 10,
  notReproduced: -10,
} as const;

/**
 * Responsiveness beyond silences: a customer held for longer than `longHoldMs` costs `longHold`, past
 * three times as long `veryLongHold`, and a caller who hangs up while held costs `heldUntilGone`.
 */
export const RESPONSIVENESS_POINTS = {
  longHold: -10,
  veryLongHold: -20,
  heldUntilGone: -30,
  longHoldMs: 3 * MINUTE,
} as const;

/** Responsiveness lost for one hold of `heldMs`, and whether the customer left while on it. */
export function holdPoints(heldMs: number, leftWhileHeld: boolean): number {
  if (leftWhileHeld) return RESPONSIVENESS_POINTS.heldUntilGone;
  if (heldMs <= RESPONSIVENESS_POINTS.longHoldMs) return 0;
  return heldMs > 3 * RESPONSIVENESS_POINTS.longHoldMs
    ? RESPONSIVENESS_POINTS.veryLongHold
    : RESPONSIVENESS_POINTS.longHold;
}

/** Follow-up: scheduling one when the case expects it. */
export const FOLLOW_UP_POINTS = { scheduled: 70, missing: -30 } as const;

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

/**
 * Points for each promise outcome and quality. A promise earns when it is kept, naming a time earns
 * once that time is kept, and nothing is earned or lost while a promise is still open.
 */
export const PROMISE_POINTS = {
  specific: 10,
  vague: -10,
  kept: 15,
  broken: -40,
  /** Taken back after the customer heard it: half of breaking it. */
  withdrawn: -15,
  pastDeadline: -10,
  beforeTierAnswers: -10,
} as const;

/** Points for the ways a contact can end, in problem solving. */
export const ENDING_POINTS: Readonly<Record<string, number>> = {
  satisfied: 30,
  neutral: 10,
  upset: -40,
  abandoned: -50,
  'walked-out': -50,
  'ended-by-agent': -10,
};

/**
 * The tier judgement. Resolving a case the trainee's tier can handle earns the whole dimension; an
 * escalation earns `right` for the right tier, `onTime` for reaching it in time and `note` for a
 * handoff note that carries every fact the next tier needs, so that only all three make 100. Each
 * tier missed costs, under-escalating more, and a crisis (a case needing a tier the pack marks
 * `crisis: true`) twice as much.
 */
export const TIER_POINTS = {
  right: 30,
  resolvedYourself: 50,
  overPerTier: -10,
  underPerTier: -30,
  crisisFactor: 2,
  onTime: 10,
  late: -10,
  /** Shared among the facts the handoff note must carry: each carried earns its share, each missing costs it. */
  note: 10,
  /** A note written when the case names no facts for it. */
  noteWritten: 10,
  /** A handoff note left empty. */
  emptyNote: -20,
} as const;

/**
 * The tier judgement for a case that needs `needed` (`crisis`: a crisis tier), handled by a trainee of
 * tier `trainee` whose highest escalation went to `highest` (null: never escalated): the key and points
 * of the decision.
 */
export function tierDecision(
  needed: number,
  trainee: number,
  highest: number | null,
  resolvedWell: boolean,
  crisis: boolean,
): { key: TierDecisionKey; points: number } {
  const factor = crisis ? TIER_POINTS.crisisFactor : 1;
  if (highest === null) {
    if (needed <= trainee) {
      return resolvedWell
        ? { key: 'tier.resolvedYourself', points: TIER_POINTS.resolvedYourself }
        : { key: 'tier.notResolved', points: 0 };
    }
    return { key: 'tier.neverEscalated', points: TIER_POINTS.underPerTier * (needed - trainee) * factor };
  }
  if (highest === needed) return { key: 'tier.rightTier', points: TIER_POINTS.right };
  if (highest < needed) {
    return { key: 'tier.underEscalated', points: TIER_POINTS.underPerTier * (needed - highest) * factor };
  }
  const floor = Math.max(needed, trainee);
  return { key: 'tier.overEscalated', points: TIER_POINTS.overPerTier * (highest - floor) };
}

/**
 * The points one fact of a handoff note brings when the case requires `required` facts: its share of
 * `note`, earned when the note carries it and lost when it does not. So a note carrying every fact
 * earns `note`, one carrying none costs as much, and an empty one costs `emptyNote`.
 */
export function noteFactPoints(carried: boolean, required: number): number {
  const share = Math.round((TIER_POINTS.note / required) * 10) / 10;
  return carried ? share : -share;
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

/** Listening: the share of the facts the trainee could learn that they did learn, as points. */
export function listeningPoints(learnt: number, learnable: number): number {
  return learnable === 0 ? 0 : Math.round((60 * learnt) / learnable);
}

/** A score kept within 0–100 and rounded to a whole number. */
export function clampScore(value: number): number {
  return Math.max(0, Math.min(100, Math.round(value)));
}

/**
 * The weighted mean of the dimensions that apply (null scores are left out, as are weights of 0),
 * rounded to a whole number; null when none applies.
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
  // Whole numbers: the grade is decided on the score exactly as it is shown.
  return weight === 0 ? null : Math.round(sum / weight);
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

const CAP_GRADE: Readonly<Record<ScoringRules['critical']['cap'], Grade>> = {
  unsatisfactory: 'Unsatisfactory',
  expected: 'Expected',
  desired: 'Desired',
};

/**
 * An overall score and its grade once critical errors are counted: with none, as they are; with any,
 * the score is held below the next grade up from the pack's cap (49 under the default thresholds), so
 * the score shown and the grade never disagree.
 */
export function cappedScore(
  score: number,
  criticalErrors: number,
  rules: Pick<ScoringRules, 'grades' | 'critical'>,
): { score: number; grade: Grade } {
  if (criticalErrors === 0) return { score, grade: gradeFor(score, rules.grades) };
  const cap = CAP_GRADE[rules.critical.cap];
  const next = {
    Unsatisfactory: rules.grades.expected,
    Expected: rules.grades.desired,
    Desired: rules.grades.exceptional,
    Exceptional: 101,
  }[cap];
  const capped = Math.max(0, Math.min(score, Math.ceil(next) - 1));
  const grade = gradeFor(capped, rules.grades);
  return { score: capped, grade: GRADES.indexOf(grade) > GRADES.indexOf(cap) ? cap : grade };
}
