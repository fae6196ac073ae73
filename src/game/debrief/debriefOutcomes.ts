/**
 * The top of the debrief in plain words: how each contact ended (who left, how, after how long, whose
 * case is still with which tier and until when, which promises were kept or broken, and every critical
 * error), what good handling of each case looked like (the scenario's own reasons and resolutions),
 * and what the four grades mean.
 */
import { GRADES, type Grade, type Scenario } from '../../core/runtime';
import { inLanguage } from '../text';
import { type DebriefContext, money, type PlayedContact, tierName, wordsFor } from './debriefContext';

/** A critical error as the trainee reads it: what happened, with which customer, and where. */
export interface CriticalLine {
  readonly text: string;
  readonly contact: string;
  readonly seq: number | null;
}

/** How one contact ended, in a sentence, with what followed from it. */
export interface OutcomeLine {
  readonly contact: string;
  readonly name: string;
  /** The ending in one sentence: "Dana Whitfield left satisfied after 6 min." */
  readonly text: string;
  /** Handoffs answered or pending, promises kept, broken or still open. */
  readonly details: readonly string[];
  readonly critical: readonly CriticalLine[];
  /** How the contact ended, for its colour: a good ending, a bad one, or not ended yet. */
  readonly tone: 'good' | 'bad' | 'open';
}

/** What good handling of one case looked like, from the scenario's `expected` block. */
export interface ExpectedCase {
  /** The customers who brought this case (one, unless a shift repeats it). */
  readonly names: readonly string[];
  readonly title: string;
  /** The tier the case needed, as a sentence. */
  readonly level: string;
  /** The scenario's own reasons, in the trainee's language. */
  readonly why: string;
  /** Each acceptable resolution, or the one sentence saying none settles it. */
  readonly resolutions: readonly string[];
  /** The facts a handoff note had to carry, by their labels. */
  readonly handoff: readonly string[];
  readonly followUp: string;
}

/** One grade of the legend. */
export interface LegendGrade {
  readonly grade: Grade;
  readonly name: string;
  /** The scores it covers ("70–84"). */
  readonly range: string;
  readonly meaning: string;
  /** Whether this attempt earned it. */
  readonly current: boolean;
}

/** The four grades in plain words, and what a critical error does to them. */
export interface Legend {
  readonly grades: readonly LegendGrade[];
  readonly cap: string;
}

const GOOD_ENDINGS = new Set(['satisfied', 'neutral']);

/** The critical errors of every contact, in words. */
export function criticalLines(played: readonly PlayedContact[], ctx: DebriefContext): CriticalLine[] {
  return played.flatMap((p) =>
    p.scores.critical.map((e) => ({
      text: ctx.t(`scorecard.critical.${e.key}`, wordsFor(ctx, e.params, p)),
      contact: p.contact,
      seq: e.seq,
    })),
  );
}

/** How each contact ended, in the order they arrived. */
export function outcomeLines(
  played: readonly PlayedContact[],
  critical: readonly CriticalLine[],
  ctx: DebriefContext,
): OutcomeLine[] {
  const { t } = ctx;
  return played.map((p) => {
    const { record, scenario, name } = p;
    const start = record.arrived.event.at;
    const answered = record.intents.length > 0;
    const pending = [...record.handoffs]
      .reverse()
      .find((h) => !record.answers.some((a) => a.seq > h.seq && a.event.tier === h.event.tier));
    const open = openPromises(p);
    const words = {
      name,
      duration: ctx.duration((record.ended?.event.at ?? start) - start),
      tier: pending ? tierName(scenario, pending.event.tier, ctx.language) : '',
      due: pending ? ctx.clock(pending.event.answerAt) : '',
    };
    let key: string;
    if (record.ending === null) {
      if (pending) key = 'pendingHandoff';
      else if (open.length > 0) key = open[0]?.dueAt === null ? 'openPromiseVague' : 'openPromise';
      else key = answered ? 'open' : 'neverAnswered';
    } else if (!answered && (record.ending === 'abandoned' || record.ending === 'walked-out')) {
      key = 'leftUnanswered';
    } else key = record.ending;
    const text = t([`debrief.outcome.${key}`, 'debrief.outcome.ended'], {
      ...words,
      ending: t(`scorecard.endings.${record.ending ?? 'neutral'}`),
      what: open[0] ? t(`scorecard.promiseKinds.${open[0].what}`) : '',
      promiseDue: open[0]?.dueAt === null || !open[0] ? '' : ctx.clock(open[0].dueAt),
    });

    const details: string[] = [];
    for (const answer of record.answers) {
      details.push(
        t(answer.event.does === 'resolves' ? 'debrief.outcome.tierTook' : 'debrief.outcome.tierReturned', {
          tier: tierName(scenario, answer.event.tier, ctx.language),
          time: ctx.clock(answer.event.at),
        }),
      );
    }
    if (pending && record.ending !== null) details.push(t('debrief.outcome.stillWithTier', words));
    for (const promise of promiseOutcomes(p)) {
      // An open promise the first sentence already names is not said twice.
      if (
        promise.status === 'withdrawn' ||
        (promise.promise === open[0]?.promise && key.startsWith('openPromise'))
      )
        continue;
      details.push(
        t(`debrief.outcome.promise_${promise.status}`, {
          what: t(`scorecard.promiseKinds.${promise.what}`),
          due: promise.dueAt === null ? t('debrief.noTime') : ctx.clock(promise.dueAt),
        }),
      );
    }
    const tone =
      record.ending === null
        ? pending || open.length > 0
          ? 'open'
          : 'bad'
        : GOOD_ENDINGS.has(record.ending)
          ? 'good'
          : 'bad';
    return {
      contact: p.contact,
      name,
      text,
      details,
      critical: critical.filter((c) => c.contact === p.contact),
      tone: p.scores.critical.length > 0 ? 'bad' : tone,
    };
  });
}

/** One promise made to a contact and what became of it. */
export interface PromiseOutcome {
  readonly promise: string;
  readonly what: string;
  readonly dueAt: number | null;
  readonly status: 'kept' | 'broken' | 'withdrawn' | 'open';
  /** The transcript entry that made it, and the one that settled it (null while open). */
  readonly madeSeq: number;
  readonly settledSeq: number | null;
  readonly inWords: boolean;
}

/** Every promise made to a contact, in the order made, with its fate. */
export function promiseOutcomes(p: PlayedContact): PromiseOutcome[] {
  return p.record.promises.flatMap((made) => {
    if (made.event.type !== 'promise.made') return [];
    const { promise, what, dueAt, from } = made.event;
    const settled = p.record.promises.find(
      (e) => e.event.promise === promise && e.event.type !== 'promise.made',
    );
    const status =
      settled?.event.type === 'promise.kept'
        ? 'kept'
        : settled?.event.type === 'promise.broken'
          ? 'broken'
          : settled?.event.type === 'promise.withdrawn'
            ? 'withdrawn'
            : 'open';
    return [
      {
        promise,
        what,
        dueAt,
        status,
        madeSeq: made.seq,
        settledSeq: settled?.seq ?? null,
        inWords: from === 'words',
      },
    ];
  });
}

function openPromises(p: PlayedContact): PromiseOutcome[] {
  return promiseOutcomes(p).filter((o) => o.status === 'open');
}

/**
 * A scenario's acceptable resolutions, each in words with the amounts accepted: as list items, or
 * `inline` to go inside a sentence.
 */
export function resolutionsText(scenario: Scenario, ctx: DebriefContext, inline = false): string[] {
  return scenario.expected.resolutions.map((r) => {
    const kind = ctx.t(`${inline ? 'debrief' : 'desk'}.offerKinds.${r.kind}`);
    const amount = (n: number) => money(n, scenario, ctx.language);
    if (r.min !== null && r.max !== null) {
      return r.min === r.max
        ? ctx.t('debrief.expected.exactly', { kind, amount: amount(r.min) })
        : ctx.t('debrief.expected.between', { kind, min: amount(r.min), max: amount(r.max) });
    }
    if (r.min !== null) return ctx.t('debrief.expected.atLeast', { kind, amount: amount(r.min) });
    if (r.max !== null) return ctx.t('debrief.expected.upTo', { kind, amount: amount(r.max) });
    return kind;
  });
}

/** What good handling looked like for each case played, once per scenario. */
export function expectedCases(played: readonly PlayedContact[], ctx: DebriefContext): ExpectedCase[] {
  const { t, language } = ctx;
  const cases: ExpectedCase[] = [];
  for (const p of played) {
    const { scenario } = p;
    if (played.find((q) => q.scenario.id === scenario.id) !== p) continue;
    const names = played.filter((q) => q.scenario.id === scenario.id).map((q) => q.name);
    const needed = Math.max(...played.filter((q) => q.scenario.id === scenario.id).map((q) => q.needed));
    const tier = tierName(scenario, needed, language);
    const level =
      needed <= scenario.traineeTier
        ? t('debrief.expected.yourTier', { tier })
        : needed > scenario.level
          ? t('debrief.expected.raised', { from: tierName(scenario, scenario.level, language), tier })
          : t(p.crisis ? 'debrief.expected.crisisTier' : 'debrief.expected.higherTier', { tier });
    const resolutions = resolutionsText(scenario, ctx);
    cases.push({
      names,
      title: inLanguage(scenario.title, language),
      level,
      why: inLanguage(scenario.expected.why, language),
      resolutions: resolutions.length > 0 ? resolutions : [t('debrief.expected.noOfferItem', { tier })],
      handoff: scenario.expected.handoff.flatMap((id) => {
        const fact = scenario.facts.find((f) => f.id === id);
        return fact ? [inLanguage(fact.label, language)] : [];
      }),
      followUp: t(scenario.expected.followUp ? 'debrief.expected.followUp' : 'debrief.expected.noFollowUp'),
    });
  }
  return cases;
}

/** The four grades under the pack's thresholds, with the attempt's own marked. */
export function legendOf(scenario: Scenario | undefined, grade: Grade | null, ctx: DebriefContext): Legend {
  const { t } = ctx;
  const g = scenario?.scoring.grades ?? { expected: 50, desired: 70, exceptional: 85 };
  const lowest = { Unsatisfactory: 0, Expected: g.expected, Desired: g.desired, Exceptional: g.exceptional };
  const highest = {
    Unsatisfactory: Math.ceil(g.expected) - 1,
    Expected: Math.ceil(g.desired) - 1,
    Desired: Math.ceil(g.exceptional) - 1,
    Exceptional: 100,
  };
  const cap = scenario?.scoring.critical.cap ?? 'unsatisfactory';
  const capGrade = GRADES.find((x) => x.toLowerCase() === cap) ?? 'Unsatisfactory';
  return {
    grades: GRADES.map((x) => ({
      grade: x,
      name: t(`scorecard.grades.${x}`),
      range: t('debrief.legend.range', { from: Math.ceil(lowest[x]), to: highest[x] }),
      meaning: t(`debrief.legend.${x}`),
      current: x === grade,
    })),
    cap: t('debrief.legend.cap', { grade: t(`scorecard.grades.${capGrade}`) }),
  };
}
