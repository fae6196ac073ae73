/**
 * Availability: how long the customer waited for a first answer, against their channel's target. Only
 * what the customer hears answers them (see `CUSTOMER_FACING`): a look-up in the background does not.
 */
import { CUSTOMER_FACING } from '../contactFacts';
import { defineDimension, minutes } from '../evidence';
import { availabilityPoints, BASE } from '../scoringRules';

export const availability = defineDimension({
  dimension: 'availability',
  keys: { 'availability.firstAnswer': 'cost', 'availability.neverAnswered': 'cost' },
  judgesUnanswered: true,
  score({ record }, card) {
    const first = record.intents.find((i) => CUSTOMER_FACING.has(i.intent.type));
    if (!first) {
      card.add(-BASE.availability, 'availability.neverAnswered', record.arrived.seq);
      return;
    }
    const wait = Math.max(0, first.intent.at - record.arrived.event.at);
    card.add(availabilityPoints(wait, record.channel), 'availability.firstAnswer', first.seq, {
      params: { minutes: minutes(wait) },
    });
  },
});
