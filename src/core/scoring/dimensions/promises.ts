/**
 * Keeping promises: each promise put on the tracker (made, kept or broken by its due time, and whether
 * it was made before the tier it depends on could answer), each promise typed in a reply (specific or
 * vague, and whether it was kept), and amounts promised beyond the trainee's authority.
 */
import { defineDimension } from '../evidence';
import { PROMISE_POINTS } from '../scoringRules';
import { addPhraseEvidence, PHRASE_KEYS } from './phraseEvidence';

export const promises = defineDimension({
  dimension: 'promises',
  keys: {
    ...PHRASE_KEYS,
    'promises.made': 'credit',
    'promises.specific': 'credit',
    'promises.vague': 'cost',
    'promises.kept': 'credit',
    'promises.keptTyped': 'credit',
    'promises.keptByResolution': 'credit',
    'promises.broken': 'cost',
    'promises.brokenTyped': 'cost',
    'promises.open': 'missed',
    'promises.pastDeadline': 'cost',
    'promises.beforeTierAnswers': 'cost',
  },
  judgesUnanswered: false,
  score({ record, endedAt }, card) {
    for (const reply of record.replies) addPhraseEvidence(card, reply, 'promises');
    const formal = record.intents.flatMap((i) =>
      i.intent.type === 'promise' ? [{ seq: i.seq, intent: i.intent }] : [],
    );
    const made = record.promises.filter((p) => p.event.type === 'promise.made');
    const overpromises = record.replies.some((r) =>
      r.analysis.effects.some((e) => e.family === 'overpromise'),
    );
    const typed = record.replies.flatMap((reply) =>
      reply.analysis.promises.map((promise) => ({ reply, promise })),
    );
    if (formal.length === 0 && typed.length === 0 && !overpromises) {
      card.skip();
      return;
    }
    const tooEarly = (at: number, dueAt: number) =>
      record.handoffs.some((h) => h.event.at <= at && h.event.answerAt > dueAt);

    formal.forEach((p, i) => {
      const due = { due: p.intent.dueAt, what: p.intent.what };
      card.add(PROMISE_POINTS.made, 'promises.made', p.seq, { params: due });
      if (tooEarly(p.intent.at, p.intent.dueAt)) {
        card.add(PROMISE_POINTS.beforeTierAnswers, 'promises.beforeTierAnswers', p.seq, { params: due });
      }
      const id = made[i]?.event.promise;
      const outcome = record.promises.find(
        (o) =>
          o.event.promise === id && (o.event.type === 'promise.kept' || o.event.type === 'promise.broken'),
      );
      if (outcome?.event.type === 'promise.kept') {
        card.add(PROMISE_POINTS.kept, 'promises.kept', outcome.seq, { params: due });
      } else if (outcome?.event.type === 'promise.broken') {
        card.add(PROMISE_POINTS.broken, 'promises.broken', outcome.seq, { params: due });
      } else card.add(0, 'promises.open', p.seq, { params: due });
    });

    for (const { reply, promise } of typed) {
      const at = reply.intent.at;
      const span = { start: promise.start, end: promise.end };
      const words = reply.text.slice(promise.start, promise.end);
      // A typed promise put on the tracker straight away is the same promise: the tracker scores it.
      if (formal.some((p) => Math.abs(p.intent.at - at) <= PROMISE_POINTS.sameAsTrackerMs)) continue;
      if (promise.dueAt === null) {
        card.add(PROMISE_POINTS.vague, 'promises.vague', reply.seq, { span, params: { words } });
        continue;
      }
      const dueAt = promise.dueAt;
      const params = { words, due: dueAt };
      card.add(PROMISE_POINTS.specific, 'promises.specific', reply.seq, { span, params });
      if (dueAt <= at) {
        card.add(PROMISE_POINTS.pastDeadline, 'promises.pastDeadline', reply.seq, { span, params });
        continue;
      }
      if (tooEarly(at, dueAt)) {
        card.add(PROMISE_POINTS.beforeTierAnswers, 'promises.beforeTierAnswers', reply.seq, { span, params });
      }
      const heardAgain = record.intents.find((i) => i.intent.at > at && i.intent.at <= dueAt);
      const resolved =
        record.ended !== null &&
        record.ended.event.at <= dueAt &&
        (record.ending === 'satisfied' || record.ending === 'neutral');
      if (heardAgain) card.add(PROMISE_POINTS.kept, 'promises.keptTyped', heardAgain.seq, { params });
      else if (resolved)
        card.add(PROMISE_POINTS.kept, 'promises.keptByResolution', record.ended?.seq ?? null, { params });
      else if (endedAt > dueAt)
        card.add(PROMISE_POINTS.broken, 'promises.brokenTyped', reply.seq, { span, params });
      else card.add(0, 'promises.open', reply.seq, { span, params });
    }
  },
});
