/**
 * The tips of the debrief, chosen from the tips the rubric gave each contact (the scorecard's, so the
 * scores and the manager's view stay as they are): worded for the case's level (a crisis gets crisis
 * advice, a case above the trainee's tier escalation advice), dropped where the scenario says the
 * advice does not apply (no follow-up tip for a case that expects none), and ranked by the overall
 * points they cost across every customer, with no more than two about one customer while others are
 * waiting. Dimensions between the tip line and Exceptional get a lighter "to polish" note; a dimension
 * held down only because the case cannot end better is said to be so, not turned into advice.
 */
import { DIMENSIONS, type Dimension, type Evidence, MAX_TIPS, roleOf, TIP_BELOW } from '../../core/runtime';
import { type DebriefContext, type PlayedContact, tierName, wordsFor } from './debriefContext';
import { resolutionsText } from './debriefOutcomes';

/** One tip: the advice, the customers it is about, and what it cost. */
export interface TipLine {
  readonly text: string;
  readonly dimension: Dimension;
  readonly contacts: readonly string[];
  readonly names: readonly string[];
  /** About a critical error: it capped the grade, whatever its points. */
  readonly critical: boolean;
  /** Overall points the weak dimension cost, summed over the customers named; null for a critical error. */
  readonly cost: number | null;
}

/** A lighter note for a dimension that scored well but short of Exceptional, for one or more customers. */
export interface PolishLine {
  readonly names: readonly string[];
  readonly dimension: Dimension;
  /** The dimension's score for each customer named. */
  readonly scores: readonly number[];
  readonly text: string;
}

/** The tips, the notes to polish, the scores the case itself held down, and whether all is well. */
export interface DebriefTips {
  readonly tips: readonly TipLine[];
  readonly polish: readonly PolishLine[];
  /** Scores below Exceptional that nothing the trainee did lowered (the case could end no better). */
  readonly limits: readonly PolishLine[];
  /** True only when every dimension of every contact scored Exceptional and nothing went wrong. */
  readonly nothingToImprove: boolean;
}

/** Most tips about one customer while other customers also have some. */
const PER_CUSTOMER = 2;

/** How an ending ranks, best first; a script's best ending is the most a trainee can reach. */
const ENDING_RANK: Readonly<Record<string, number>> = {
  satisfied: 4,
  neutral: 3,
  'ended-by-agent': 2,
  upset: 1,
  abandoned: 0,
  'walked-out': 0,
};

/** What kind of case it was, for the wording of advice: a crisis, above the trainee's tier, or theirs. */
function situationOf(p: PlayedContact): 'crisis' | 'escalate' | 'own' {
  if (p.crisis) return 'crisis';
  return p.needed > p.scenario.traineeTier ? 'escalate' : 'own';
}

/** Each dimension's weight and score over the whole attempt (a shift's are its contacts' means). */
export type AttemptDimensions = Readonly<
  Record<Dimension, { readonly score: number | null; readonly weight: number }>
>;

/**
 * The points of the attempt's overall score that one contact's shortfall in a dimension cost: the
 * overall is the weighted mean of the dimensions, each the mean of the contacts it scored, so a
 * contact's shortfall from 100 counts by the dimension's share of the weights and its share of those
 * contacts.
 */
function pointsLost(
  p: PlayedContact,
  dimension: Dimension,
  played: readonly PlayedContact[],
  attempt: AttemptDimensions,
): number {
  const total = DIMENSIONS.reduce((sum, d) => sum + (attempt[d].score === null ? 0 : attempt[d].weight), 0);
  const scored = played.filter((q) => q.scores.dimensions[dimension].score !== null).length;
  const { score } = p.scores.dimensions[dimension];
  if (score === null || total === 0 || scored === 0) return 0;
  return ((100 - score) * attempt[dimension].weight) / total / scored;
}

/** Whether the contact ended as well as its script lets any contact end. */
function endedAtBest(p: PlayedContact): boolean {
  const scripted = p.scenario.beats.flatMap((b) => (b.ending ? [ENDING_RANK[b.ending] ?? 0] : []));
  const reached = p.record.ending === null ? -1 : (ENDING_RANK[p.record.ending] ?? 0);
  return scripted.length > 0 && reached >= Math.max(...scripted);
}

/** Whether advice under `key` does not fit this case at all. */
function doesNotApply(p: PlayedContact, key: string): boolean {
  return key.startsWith('follow_up.') && !p.scenario.expected.followUp;
}

/** Whether the trainee's own tier could have offered one of the case's fitting resolutions. */
function fittingOfferWithin(p: PlayedContact): boolean {
  const limits = p.scenario.tiers[p.scenario.traineeTier - 1]?.limits;
  return p.scenario.expected.resolutions.some(
    (r) =>
      r.kind === 'information' ||
      (limits !== undefined && limits[r.kind] > 0 && limits[r.kind] >= (r.min ?? 0)),
  );
}

function earned(p: PlayedContact, key: string): boolean {
  return p.scores.dimensions.problem_solving.evidence.some((e) => e.key === key);
}

/**
 * How a problem-solving score with no cost behind it reads: the fitting offer was never made as an
 * offer though the trainee could have made it, or the case could simply end no better (`held`).
 */
function problemSolvingShortfall(p: PlayedContact): 'offer' | 'held' | null {
  if (!endedAtBest(p)) return null;
  if (fittingOfferWithin(p) && !earned(p, 'problem_solving.rightResolution')) return 'offer';
  return 'held';
}

/** Whether a weak score in this dimension has no cause the trainee could change. */
function heldByTheCase(p: PlayedContact, dimension: Dimension, key: string): boolean {
  return (
    dimension === 'problem_solving' &&
    key === 'problem_solving.general' &&
    problemSolvingShortfall(p) === 'held'
  );
}

/** The key advice is worded under: a general problem-solving tip names the offer that was missing. */
function adviceKey(p: PlayedContact, key: string): string {
  return key === 'problem_solving.general' && problemSolvingShortfall(p) === 'offer'
    ? 'problem_solving.offerFitting'
    : key;
}

/** The worst evidence of a dimension worth a tip (it cost points, or names something missed). */
function worstOf(evidence: readonly Evidence[]): Evidence | undefined {
  let worst: Evidence | undefined;
  for (const e of evidence) {
    const tipworthy = e.points < 0 || roleOf(e.key) === 'missed';
    if (tipworthy && (!worst || e.points < worst.points)) worst = e;
  }
  return worst;
}

function adviceText(
  p: PlayedContact,
  key: string,
  params: Readonly<Record<string, string | number>>,
  ctx: DebriefContext,
): string {
  const resolutions = resolutionsText(p.scenario, ctx, true);
  const tier = tierName(p.scenario, p.needed, ctx.language);
  const worded = adviceKey(p, key);
  return ctx.t(
    [
      `debrief.tipVariants.${situationOf(p)}.${worded}`,
      `debrief.tipVariants.any.${worded}`,
      `scorecard.tips.${key}`,
    ],
    {
      ...wordsFor(ctx, params, p),
      tier,
      expected:
        resolutions.length > 0
          ? resolutions.join(ctx.t('debrief.listSeparator'))
          : ctx.t('debrief.expected.noOffer', { tier }),
    },
  );
}

/** Chooses, words and ranks the debrief's tips, and its notes to polish. */
export function debriefTips(
  played: readonly PlayedContact[],
  attempt: AttemptDimensions,
  ctx: DebriefContext,
): DebriefTips {
  const lost = (p: PlayedContact, dimension: Dimension) => pointsLost(p, dimension, played, attempt);
  const candidates: (TipLine & { readonly order: number })[] = [];
  const polish: (PolishLine & { readonly cost: number })[] = [];
  const limits: PolishLine[] = [];
  let order = 0;
  for (const p of played) {
    const tipped = new Set<Dimension>();
    // A critical error's tip says what the dimension's own tip would, louder: one is enough.
    const critical = new Set(
      p.scores.tips.filter((x) => x.key.startsWith('critical.')).map((x) => x.dimension),
    );
    for (const tip of p.scores.tips) {
      const dimension = tip.dimension as Dimension;
      tipped.add(dimension);
      if (doesNotApply(p, tip.key)) continue;
      if (!tip.key.startsWith('critical.') && critical.has(dimension)) continue;
      const score = p.scores.dimensions[dimension].score;
      if (heldByTheCase(p, dimension, tip.key)) {
        if (score !== null) limits.push(limitLine(p, dimension, score, ctx));
        continue;
      }
      const isCritical = tip.key.startsWith('critical.');
      candidates.push({
        text: adviceText(p, tip.key, tip.params, ctx),
        dimension,
        contacts: [p.contact],
        names: [p.name],
        critical: isCritical,
        cost: isCritical ? null : lost(p, dimension),
        order: order++,
      });
    }
    const exceptional = p.scenario.scoring.grades.exceptional;
    for (const dimension of DIMENSIONS) {
      const { score, evidence } = p.scores.dimensions[dimension];
      if (score === null || score < TIP_BELOW || score >= exceptional || tipped.has(dimension)) continue;
      const worst = worstOf(evidence);
      const key = worst?.key ?? `${dimension}.general`;
      if (doesNotApply(p, key)) continue;
      if (heldByTheCase(p, dimension, key)) {
        limits.push(limitLine(p, dimension, score, ctx));
        continue;
      }
      polish.push({
        names: [p.name],
        dimension,
        scores: [score],
        text: adviceText(p, key, worst?.params ?? {}, ctx),
        cost: lost(p, dimension),
      });
    }
  }

  // The same advice for several customers is one tip naming them all, costing what it cost them all.
  const merged = new Map<string, TipLine & { readonly order: number }>();
  for (const c of candidates) {
    const same = merged.get(c.text);
    merged.set(
      c.text,
      same
        ? {
            ...same,
            contacts: [...new Set([...same.contacts, ...c.contacts])],
            names: [...new Set([...same.names, ...c.names])],
            cost: same.cost === null || c.cost === null ? null : same.cost + c.cost,
          }
        : c,
    );
  }
  const ranked = [...merged.values()].sort(
    (a, b) =>
      Number(b.critical) - Number(a.critical) ||
      (a.critical ? b.contacts.length - a.contacts.length : (b.cost ?? 0) - (a.cost ?? 0)) ||
      a.order - b.order,
  );

  // Spread the tips over the customers: a customer already named twice waits until the others have had
  // theirs, unless nobody else has any left.
  const chosen: typeof ranked = [];
  const named = new Map<string, number>();
  const held: typeof ranked = [];
  for (const tip of ranked) {
    if (chosen.length >= MAX_TIPS) break;
    const crowded = tip.contacts.length === 1 && (named.get(tip.contacts[0] ?? '') ?? 0) >= PER_CUSTOMER;
    if (crowded && played.length > 1) {
      held.push(tip);
      continue;
    }
    chosen.push(tip);
    for (const c of tip.contacts) named.set(c, (named.get(c) ?? 0) + 1);
  }
  for (const tip of held) if (chosen.length < MAX_TIPS) chosen.push(tip);
  chosen.sort((a, b) => ranked.indexOf(a) - ranked.indexOf(b));

  const tips = chosen.map(({ order: _order, cost, ...tip }) => ({
    ...tip,
    cost: cost === null ? null : Math.round(cost * 10) / 10,
  }));
  const polishRanked = mergeNotes(polish)
    .sort((a, b) => b.cost - a.cost)
    .slice(0, MAX_TIPS)
    .map(({ cost: _cost, ...line }) => line);
  const allExceptional = played.every(
    (p) =>
      p.scores.critical.length === 0 &&
      DIMENSIONS.every((d) => {
        const { score } = p.scores.dimensions[d];
        return score === null || score >= p.scenario.scoring.grades.exceptional;
      }),
  );
  return {
    tips,
    polish: polishRanked,
    limits: mergeNotes(limits.map((l) => ({ ...l, cost: 0 }))).map(({ cost: _cost, ...line }) => line),
    nothingToImprove: allExceptional && tips.length === 0,
  };
}

/** Notes with the same words and dimension, as one note naming every customer. */
function mergeNotes<N extends PolishLine & { readonly cost: number }>(notes: readonly N[]): N[] {
  const merged = new Map<string, N>();
  for (const n of notes) {
    const key = `${n.dimension}\u0000${n.text}`;
    const same = merged.get(key);
    merged.set(
      key,
      same
        ? {
            ...same,
            names: [...same.names, ...n.names],
            scores: [...same.scores, ...n.scores],
            cost: same.cost + n.cost,
          }
        : n,
    );
  }
  return [...merged.values()];
}

function limitLine(p: PlayedContact, dimension: Dimension, score: number, ctx: DebriefContext): PolishLine {
  return {
    names: [p.name],
    dimension,
    scores: [score],
    text: ctx.t('debrief.limit', {
      dimension: ctx.t(`scorecard.dimensions.${dimension}`),
      score,
      ending: ctx.t(`scorecard.endings.${p.record.ending ?? 'neutral'}`),
    }),
  };
}
