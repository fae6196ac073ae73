/**
 * Critical errors: the mistakes contact-centre quality forms mark "auto-fail", because no amount of
 * kind wording elsewhere makes up for them. Each is found in the log with its evidence (the entry, and
 * for words the span), and each caps the grade of the contact it happens in, and of the attempt, at
 * the pack's cap (Unsatisfactory unless `pack.yaml` says otherwise). The pack also chooses which of
 * them count. Words count only on explicit evidence: the phrase families the analyser matched, or its
 * reading of a reply as nonsense, never a tone score alone.
 */
import type { CriticalError, Dimension, PhraseFamily, Scenario } from '../scenario/types';
import { isCrisis, LEFT_ENDINGS, neededLevel, promisedAt } from './contactFacts';
import type { Evidence } from './evidence';
import type { ContactRecord } from './readAttempt';

/** The evidence key of each kind of critical error; a kept-below crisis answered with an offer has its own. */
export const CRITICAL_KEYS = {
  'critical.walked-out': 'walked-out',
  'critical.left-upset': 'left-upset',
  'critical.crisis-kept-below': 'crisis-kept-below',
  'critical.crisis-offered': 'crisis-kept-below',
  'critical.crisis-promise-broken': 'crisis-promise-broken',
  'critical.unkind-wording': 'unkind-wording',
  'critical.nonsense': 'nonsense',
} as const satisfies Record<string, CriticalError>;

/** The dimension each critical error's tip belongs to. */
export const CRITICAL_DIMENSION: Readonly<Record<CriticalKey, Dimension>> = {
  'critical.walked-out': 'responsiveness',
  'critical.left-upset': 'problem_solving',
  'critical.crisis-kept-below': 'tier',
  'critical.crisis-offered': 'tier',
  'critical.crisis-promise-broken': 'promises',
  'critical.unkind-wording': 'empathy',
  'critical.nonsense': 'professionalism',
};

/** A key that names a critical error. */
export type CriticalKey = keyof typeof CRITICAL_KEYS;

/** Families of wording that are a critical error wherever the analyser finds them costing points. */
const UNKIND: ReadonlySet<PhraseFamily> = new Set(['blame', 'dismissive', 'sarcasm']);

/** Offers that buy a customer off: anything but information. */
const COMPENSATION: ReadonlySet<string> = new Set(['refund', 'replace', 'pay', 'credit']);

/**
 * The critical errors of one contact, in the order of the log, among those the pack counts. A
 * critical error is worth no points of its own: it caps the grade (see `cappedScore`).
 */
export function criticalErrors(
  record: ContactRecord,
  scenario: Scenario,
  endedAt: number,
): Evidence<CriticalKey>[] {
  const found: Evidence<CriticalKey>[] = [];
  const add = (
    key: CriticalKey,
    seq: number | null,
    params: Evidence['params'] = {},
    span: Evidence['span'] = null,
  ) => {
    if (scenario.scoring.critical.errors.includes(CRITICAL_KEYS[key]))
      found.push({ points: 0, key, seq, span, params });
  };

  // The customer gave up waiting for the trainee: in the queue, on hold or in the conversation. One who
  // leaves before a time the trainee promised was told what to wait for; a handoff nobody told them
  // about tells them nothing.
  if (record.ending !== null && LEFT_ENDINGS.has(record.ending)) {
    const leftAt = record.ended?.event.at ?? endedAt;
    if (!promisedAt(record, leftAt)) add('critical.walked-out', record.ended?.seq ?? null);
  }
  // The customer left upset: their needs were not met, which is no service a company can expect.
  if (record.ending === 'upset') add('critical.left-upset', record.ended?.seq ?? null);

  if (isCrisis(record, scenario) && record.intents.length > 0) {
    const { level } = neededLevel(record, scenario);
    const highest = record.intents.reduce(
      (top, i) => (i.intent.type === 'escalate' ? Math.max(top, i.intent.tier) : top),
      scenario.traineeTier,
    );
    if (highest < level) {
      const offer = record.intents.find((i) => i.intent.type === 'offer' && COMPENSATION.has(i.intent.kind));
      if (offer?.intent.type === 'offer') {
        add('critical.crisis-offered', offer.seq, {
          needed: level,
          chosen: highest,
          kind: offer.intent.kind,
          amount: offer.intent.amount ?? 0,
        });
      } else {
        const last = [...record.intents].reverse().find((i) => i.intent.type === 'escalate');
        add('critical.crisis-kept-below', last?.seq ?? record.ended?.seq ?? null, {
          needed: level,
          chosen: highest,
        });
      }
    }
    for (const broken of record.promises) {
      if (broken.event.type === 'promise.broken')
        add('critical.crisis-promise-broken', broken.seq, { promise: broken.event.promise });
    }
  }

  for (const reply of record.replies) {
    for (const effect of reply.analysis.effects) {
      if (!UNKIND.has(effect.family) || effect.weight >= 0) continue;
      add(
        'critical.unkind-wording',
        reply.seq,
        { family: effect.family, words: reply.text.slice(effect.start, effect.end) },
        { start: effect.start, end: effect.end },
      );
    }
    const nonsense = reply.analysis.nonsense;
    if (nonsense) {
      add(
        'critical.nonsense',
        reply.seq,
        { kind: nonsense.kind },
        { start: nonsense.start, end: nonsense.end },
      );
    }
  }
  return found.sort((a, b) => (a.seq ?? -1) - (b.seq ?? -1));
}
