/**
 * Responsiveness: silences after the customer spoke (a scripted line; a reaction only answers the
 * trainee), while they were not waiting on a promise or a tier, against their channel's target; and
 * long holds, counted to the end of the contact when the caller is never taken back. What a caller
 * said while their call still rang is heard when it is answered: the ringing is availability's.
 */
import { CUSTOMER_FACING, expectingAt, heardAt, LEFT_ENDINGS, ringingCall } from '../contactFacts';
import { defineDimension, minutes } from '../evidence';
import type { IntentAt } from '../readAttempt';
import { holdPoints, silencePoints } from '../scoringRules';

export const responsiveness = defineDimension({
  dimension: 'responsiveness',
  keys: {
    'responsiveness.silence': 'cost',
    'responsiveness.longHold': 'cost',
    'responsiveness.heldUntilGone': 'cost',
  },
  judgesUnanswered: false,
  score({ record, endedAt }, card) {
    let waitingSince: { at: number; seq: number } | null = null;
    const call = ringingCall(record);
    const moments = [
      // A reaction answers the trainee's last reply; only the script's lines wait on the trainee.
      ...record.said
        .filter((s) => s.event.reaction === undefined)
        .flatMap((s) => {
          const at = heardAt(call, s.event.at);
          return at === null ? [] : [{ at, seq: s.seq, said: true }];
        }),
      ...record.intents
        .filter((i) => CUSTOMER_FACING.has(i.intent.type))
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
    // A hold lasts until the trainee takes the customer back, or until the contact ends while held
    // (the caller hung up), or until the attempt ends.
    let heldAt: IntentAt | null = null;
    const endHold = (until: number, leftWhileHeld: boolean) => {
      if (!heldAt) return;
      const held = until - heldAt.intent.at;
      const points = holdPoints(held, leftWhileHeld);
      if (points < 0) {
        card.add(
          points,
          leftWhileHeld ? 'responsiveness.heldUntilGone' : 'responsiveness.longHold',
          heldAt.seq,
          {
            params: { minutes: minutes(held) },
          },
        );
      }
      heldAt = null;
    };
    for (const i of record.intents) {
      if (i.intent.type === 'hold' && !heldAt) heldAt = i;
      if (i.intent.type === 'unhold') endHold(i.intent.at, false);
    }
    const left = record.ending !== null && LEFT_ENDINGS.has(record.ending);
    endHold(record.ended?.event.at ?? endedAt, left);
  },
});
