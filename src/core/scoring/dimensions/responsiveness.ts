/**
 * Responsiveness: silences after the customer spoke (a scripted line; a reaction only answers the
 * trainee), while they were not waiting on a promise or a tier, against their channel's target; and
 * long holds.
 */
import type { Intent } from '../../engine/intents';
import { defineDimension, minutes } from '../evidence';
import type { ContactRecord, IntentAt } from '../readAttempt';
import { RESPONSIVENESS_POINTS, silencePoints } from '../scoringRules';

/** What the customer hears as an answer; looking things up or scheduling in the background is not. */
const ANSWERS: ReadonlySet<Intent['type']> = new Set([
  'reply',
  'ask',
  'offer',
  'promise',
  'fulfil',
  'escalate',
  'resolve',
  'end',
]);

/**
 * Whether the customer had been told what happens next at game time `at` (an open promise with a
 * time, or a handoff not yet answered): then they wait without expecting the trainee, as a persona
 * does, and the wait is no silence.
 */
function expectingAt(record: ContactRecord, at: number): boolean {
  const settled = (promise: string) =>
    record.promises.find((p) => p.event.promise === promise && p.event.type !== 'promise.made')?.event.at ??
    Number.POSITIVE_INFINITY;
  // A vague promise ("soon") tells the customer nothing to wait for.
  const promised = record.promises.some(
    (p) =>
      p.event.type === 'promise.made' &&
      p.event.dueAt !== null &&
      p.event.at <= at &&
      settled(p.event.promise) > at,
  );
  const handedOff = record.handoffs.some(
    (h) =>
      h.event.at <= at &&
      (record.answers.find((a) => a.event.at >= h.event.at && a.event.tier === h.event.tier)?.event.at ??
        Number.POSITIVE_INFINITY) > at,
  );
  return promised || handedOff;
}

export const responsiveness = defineDimension({
  dimension: 'responsiveness',
  keys: { 'responsiveness.silence': 'cost', 'responsiveness.longHold': 'cost' },
  judgesUnanswered: false,
  score({ record, endedAt }, card) {
    let waitingSince: { at: number; seq: number } | null = null;
    const moments = [
      // A reaction answers the trainee's last reply; only the script's lines wait on the trainee.
      ...record.said
        .filter((s) => s.event.reaction === undefined)
        .map((s) => ({ at: s.event.at, seq: s.seq, said: true })),
      ...record.intents
        .filter((i) => ANSWERS.has(i.intent.type))
        .map((i) => ({ at: i.intent.at, seq: i.seq, said: false })),
    ].sort((a, b) => a.seq - b.seq);
    const silence = (until: number, since: { at: number; seq: number }) => {
      const points = silencePoints(until - since.at, record.channel);
      if (points < 0) {
        card.add(points, 'responsiveness.silence', since.seq, {
          params: { minutes: minutes(until - since.at) },
        });
      }
    };
    for (const m of moments) {
      if (m.said) {
        if (!waitingSince && !expectingAt(record, m.at)) waitingSince = { at: m.at, seq: m.seq };
      } else {
        if (waitingSince) silence(m.at, waitingSince);
        waitingSince = null;
      }
    }
    if (waitingSince && record.ending !== 'satisfied' && record.ending !== 'neutral') {
      silence(record.ended?.event.at ?? endedAt, waitingSince);
    }
    let heldAt: IntentAt | null = null;
    for (const i of record.intents) {
      if (i.intent.type === 'hold') heldAt = i;
      if (i.intent.type === 'unhold' && heldAt) {
        const held = i.intent.at - heldAt.intent.at;
        if (held > RESPONSIVENESS_POINTS.longHoldMs)
          card.add(RESPONSIVENESS_POINTS.longHold, 'responsiveness.longHold', heldAt.seq, {
            params: { minutes: minutes(held) },
          });
        heldAt = null;
      }
    }
  },
});
