/** Follow-up: a follow-up scheduled when the case expects one (or when the trainee chose to). */
import { defineDimension } from '../evidence';
import { FOLLOW_UP_POINTS } from '../scoringRules';

export const followUp = defineDimension({
  dimension: 'follow_up',
  keys: { 'follow_up.scheduled': 'credit', 'follow_up.missing': 'cost' },
  judgesUnanswered: false,
  score({ record, scenario }, card) {
    const first = record.intents.find((i) => i.intent.type === 'follow_up');
    if (!scenario.expected.followUp && !first) {
      card.skip();
      return;
    }
    if (first?.intent.type === 'follow_up') {
      card.add(FOLLOW_UP_POINTS.scheduled, 'follow_up.scheduled', first.seq, {
        params: { due: first.intent.dueAt },
      });
    } else card.add(FOLLOW_UP_POINTS.missing, 'follow_up.missing', null);
  },
});
