/**
 * Keeping promises: every promise the trainee made, typed in a reply or put on the tracker, judged by
 * what became of it. A promise earns its points when it is kept on time (more when it named a time),
 * costs when it is broken or taken back after the customer heard it, and counts for nothing while it
 * is still open. A vague one ("soon") costs at once; one whose time had already passed when it was
 * typed cannot be kept. Amounts promised beyond the trainee's authority cost too.
 */
import { defineDimension } from '../evidence';
import type { EventAt } from '../readAttempt';
import { PROMISE_POINTS as POINTS } from '../scoringRules';
import { addPhraseEvidence, PHRASE_KEYS } from './phraseEvidence';

type PromiseEvent = Extract<
  EventAt['event'],
  { type: 'promise.made' | 'promise.kept' | 'promise.broken' | 'promise.withdrawn' }
>;

export const promises = defineDimension({
  dimension: 'promises',
  keys: {
    ...PHRASE_KEYS,
    'promises.specific': 'credit',
    'promises.vague': 'cost',
    'promises.kept': 'credit',
    'promises.keptByTier': 'credit',
    'promises.broken': 'cost',
    'promises.open': 'missed',
    'promises.pastDeadline': 'cost',
    'promises.beforeTierAnswers': 'cost',
    'promises.withdrawn': 'cost',
    'promises.notAPromise': 'credit',
  },
  judgesUnanswered: false,
  score({ record }, card) {
    for (const reply of record.replies) addPhraseEvidence(card, reply, 'promises');
    const events = record.promises as readonly EventAt<PromiseEvent>[];
    const ids = [...new Set(events.map((e) => e.event.promise))];
    const past = record.replies.flatMap((reply) =>
      reply.analysis.promises
        .filter((p) => p.dueAt !== null && p.dueAt <= reply.intent.at)
        .map((p) => ({ reply, p })),
    );
    const overpromises = record.replies.some((r) =>
      r.analysis.effects.some((e) => e.family === 'overpromise'),
    );
    if (ids.length === 0 && past.length === 0 && !overpromises) {
      card.skip();
      return;
    }
    const tooEarly = (at: number, dueAt: number) =>
      record.handoffs.some((h) => h.event.at <= at && h.event.answerAt > dueAt);

    for (const id of ids) {
      const mine = events.filter((e) => e.event.promise === id);
      const made = mine.filter((e) => e.event.type === 'promise.made');
      const first = made[0];
      const terms = made[made.length - 1]?.event;
      if (!first || terms?.type !== 'promise.made' || first.event.type !== 'promise.made') continue;
      const outcome = mine.find((e) => e.event.type !== 'promise.made');
      // A promise in words points at its reply, where the debrief marks the words.
      const reply =
        first.event.from === 'words'
          ? [...record.replies].reverse().find((r) => r.seq < first.seq)
          : undefined;
      const seq = reply?.seq ?? first.seq;
      const span = reply ? first.event.span : null;
      const params = {
        what: terms.what,
        ...(terms.dueAt === null ? {} : { due: terms.dueAt }),
        ...(reply && span ? { words: reply.text.slice(span.start, span.end) } : {}),
      };
      if (outcome?.event.type === 'promise.withdrawn' && outcome.event.free) {
        card.add(0, 'promises.notAPromise', outcome.seq, { params });
        continue;
      }
      if (terms.dueAt === null) card.add(POINTS.vague, 'promises.vague', seq, { span, params });
      else if (tooEarly(first.event.at, terms.dueAt)) {
        card.add(POINTS.beforeTierAnswers, 'promises.beforeTierAnswers', seq, { span, params });
      }
      switch (outcome?.event.type) {
        case 'promise.kept':
          card.add(
            POINTS.kept,
            outcome.event.by === 'tier-resolved' ? 'promises.keptByTier' : 'promises.kept',
            outcome.seq,
            { params },
          );
          // Naming a time earns its points once the time is kept.
          if (terms.dueAt !== null) card.add(POINTS.specific, 'promises.specific', seq, { span, params });
          break;
        case 'promise.broken':
          card.add(POINTS.broken, 'promises.broken', outcome.seq, { params });
          break;
        case 'promise.withdrawn':
          card.add(POINTS.withdrawn, 'promises.withdrawn', outcome.seq, { params });
          break;
        default:
          card.add(0, 'promises.open', seq, { span, params });
      }
    }
    for (const { reply, p } of past) {
      const span = { start: p.start, end: p.end };
      card.add(POINTS.pastDeadline, 'promises.pastDeadline', reply.seq, {
        span,
        params: { what: p.kind, words: reply.text.slice(p.start, p.end), due: p.dueAt ?? 0 },
      });
    }
  },
});
