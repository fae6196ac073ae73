/**
 * Availability: how long the customer waited for a first answer, against their channel's target. Only
 * what the customer hears answers them (see `CUSTOMER_FACING`): a look-up in the background does not.
 * A call that rings is answered when the trainee picks it up: its wait runs from the first ring to the
 * answer, however soon the first words follow.
 */
import { CUSTOMER_FACING, ringingCall } from '../contactFacts';
import { defineDimension, minutes } from '../evidence';
import { availabilityPoints, BASE } from '../scoringRules';

export const availability = defineDimension({
  dimension: 'availability',
  keys: { 'availability.firstAnswer': 'cost', 'availability.neverAnswered': 'cost' },
  judgesUnanswered: true,
  score({ record }, card) {
    const call = ringingCall(record);
    const first = call
      ? (call.answered ?? undefined)
      : record.intents.find((i) => CUSTOMER_FACING.has(i.intent.type));
    if (!first) {
      card.add(-BASE.availability, 'availability.neverAnswered', call?.rang.seq ?? record.arrived.seq);
      return;
    }
    const since = call ? call.rang.event.at : record.arrived.event.at;
    const wait = Math.max(0, first.intent.at - since);
    card.add(availabilityPoints(wait, record.channel), 'availability.firstAnswer', first.seq, {
      params: { minutes: minutes(wait) },
    });
  },
});
