/**
 * Scoring: one pure function from the scenarios and a transcript to the scores of an attempt, a fold
 * over the log. Each contact is scored by every dimension of the rubric (see `rubric`); every point
 * carries its evidence (the transcript entry, and for words the span), and each weak dimension yields
 * a tip. A shift's score aggregates its contacts. The debrief, the manager's review and any report are
 * projections of this result; none of them scores again.
 */
import type { Transcript } from '../engine/session';
import { DIMENSIONS } from '../scenario/schema';
import type { Dimension, Scenario } from '../scenario/types';
import { CRITICAL_DIMENSION, type CriticalKey, criticalErrors } from './critical';
import { Card, type DimensionScore, type Evidence } from './evidence';
import { type ContactRecord, readAttempt } from './readAttempt';
import { type EvidenceKey, RUBRIC, roleOf } from './rubric';
import { cappedScore, type Grade, MAX_TIPS, overallScore, TIP_BELOW } from './scoringRules';

/**
 * Bumped whenever a change to the rubric (a dimension, a formula, a point value) could give a recorded
 * transcript a different score: a scorecard scored by another rubric version cannot be re-checked.
 */
export const RUBRIC_VERSION = '4.0.0';

/** A concrete next step for a weak dimension, pointing at the moment it is about. */
export interface Tip {
  readonly dimension: Dimension;
  readonly key: string;
  readonly seq: number | null;
  readonly params: Readonly<Record<string, string | number>>;
}

/** One contact's scores. */
export interface ContactScore {
  readonly contact: string;
  readonly scenario: string;
  readonly ending: string | null;
  readonly dimensions: Readonly<Record<Dimension, DimensionScore<EvidenceKey>>>;
  /** The critical errors made with this customer, each capping the grade (see `critical`). */
  readonly critical: readonly Evidence<CriticalKey>[];
  /** The weighted mean of the dimensions before any critical error capped it. */
  readonly uncapped: number | null;
  /** The score shown: `uncapped`, held below the pack's cap when there is a critical error. */
  readonly overall: number | null;
  readonly grade: Grade | null;
  readonly tips: readonly Tip[];
}

/** An attempt's scores: each contact's, and the shift's (each dimension the mean of its contacts'). */
export interface AttemptScore {
  readonly contacts: readonly ContactScore[];
  readonly dimensions: Readonly<
    Record<Dimension, { readonly score: number | null; readonly weight: number }>
  >;
  /** Every contact's critical errors, each with its contact, in the order of the log. */
  readonly critical: readonly (Evidence<CriticalKey> & { readonly contact: string })[];
  readonly uncapped: number | null;
  readonly overall: number | null;
  readonly grade: Grade | null;
  readonly tips: readonly Tip[];
}

function tipsFor(dimensions: Readonly<Record<Dimension, DimensionScore>>): Tip[] {
  const tips: Tip[] = [];
  for (const dimension of DIMENSIONS) {
    const { score, evidence } = dimensions[dimension];
    if (score === null || score >= TIP_BELOW) continue;
    let worst: Evidence | undefined;
    for (const e of evidence) {
      const tipworthy = e.points < 0 || roleOf(e.key) === 'missed';
      if (tipworthy && (!worst || e.points < worst.points)) worst = e;
    }
    tips.push(
      worst
        ? { dimension, key: worst.key, seq: worst.seq, params: worst.params }
        : { dimension, key: `${dimension}.general`, seq: null, params: {} },
    );
  }
  return tips;
}

function scoreContact(record: ContactRecord, scenario: Scenario, endedAt: number): ContactScore {
  const answered = record.intents.length > 0;
  const input = { record, scenario, endedAt };
  const dimensions = {} as Record<Dimension, DimensionScore<EvidenceKey>>;
  for (const dimension of DIMENSIONS) {
    const rubric = RUBRIC[dimension];
    const card = new Card<string>(dimension);
    // A customer never answered is judged on availability alone; nothing else happened to judge.
    if (answered || rubric.judgesUnanswered)
      (rubric.score as (i: typeof input, c: Card<string>) => void)(input, card);
    else card.skip();
    dimensions[dimension] = card.result(scenario.scoring.weights[dimension]) as DimensionScore<EvidenceKey>;
  }
  const uncapped = overallScore(
    Object.fromEntries(DIMENSIONS.map((d) => [d, dimensions[d].score])),
    scenario.scoring.weights,
  );
  const critical = criticalErrors(record, scenario, endedAt);
  const capped = uncapped === null ? null : cappedScore(uncapped, critical.length, scenario.scoring);
  return {
    contact: record.contact,
    scenario: scenario.id,
    ending: record.ending,
    dimensions,
    critical,
    uncapped,
    overall: capped?.score ?? null,
    grade: capped?.grade ?? null,
    // A critical error is the first thing to learn from this customer.
    tips: [
      ...critical
        .filter((e, i) => critical.findIndex((f) => f.key === e.key) === i)
        .map((e) => ({ dimension: CRITICAL_DIMENSION[e.key], key: e.key, seq: e.seq, params: e.params })),
      ...tipsFor(dimensions),
    ],
  };
}

function worstPoints(contact: ContactScore, tip: Tip): number {
  // Critical errors come before every other tip.
  if (contact.critical.some((e) => e.key === tip.key && e.seq === tip.seq)) return Number.NEGATIVE_INFINITY;
  return (
    contact.dimensions[tip.dimension].evidence.find((e) => e.key === tip.key && e.seq === tip.seq)?.points ??
    0
  );
}

/**
 * Scores an attempt. Pure: the same scenarios and transcript always give the same scores. The
 * scenarios must include the exact version (by content hash) of every one the transcript names,
 * compiled with the same pack; other versions among them are passed over.
 */
export function scoreAttempt(scenarios: readonly Scenario[], transcript: Transcript): AttemptScore {
  // The exact version played, by content hash: the scenarios given may hold several versions of one.
  const played = new Map(
    transcript.scenarios.flatMap((ref) => {
      const scenario = scenarios.find((s) => s.id === ref.id && s.contentHash === ref.contentHash);
      return scenario ? [[ref.id, scenario] as const] : [];
    }),
  );
  const attempt = readAttempt(transcript);
  const contacts = attempt.contacts.map((record) => {
    const scenario = played.get(record.scenario);
    if (!scenario) throw new RangeError(`Scenario ${record.scenario} is not loaded in the version played.`);
    return scoreContact(record, scenario, attempt.endedAt);
  });
  const rules = (played.get(transcript.shift.arrivals[0]?.scenario ?? '') ?? scenarios[0])?.scoring;
  if (!rules) throw new RangeError('No scenario to take the scoring rules from.');
  const dimensions = Object.fromEntries(
    DIMENSIONS.map((d) => {
      const scores = contacts.map((c) => c.dimensions[d].score).filter((s): s is number => s !== null);
      const score =
        scores.length === 0
          ? null
          : Math.round((scores.reduce((a, b) => a + b, 0) / scores.length) * 10) / 10;
      return [d, { score, weight: rules.weights[d] }];
    }),
  ) as Record<Dimension, { score: number | null; weight: number }>;
  const uncapped = overallScore(
    Object.fromEntries(DIMENSIONS.map((d) => [d, dimensions[d].score])),
    rules.weights,
  );
  // A critical error with any customer caps the whole attempt: a shift with a walk-out is not "Expected".
  const critical = contacts.flatMap((c) => c.critical.map((e) => ({ ...e, contact: c.contact })));
  const capped = uncapped === null ? null : cappedScore(uncapped, critical.length, rules);
  const seen = new Set<string>();
  const tips = contacts
    .flatMap((c) => c.tips.map((t) => ({ tip: t, points: worstPoints(c, t) })))
    .sort((a, b) => a.points - b.points)
    .map((t) => t.tip)
    .filter((t) => {
      const fresh = !seen.has(t.key);
      seen.add(t.key);
      return fresh;
    })
    .slice(0, MAX_TIPS);
  return {
    contacts,
    dimensions,
    critical,
    uncapped,
    overall: capped?.score ?? null,
    grade: capped?.grade ?? null,
    tips,
  };
}
