/** Attention: a greeting in the first reply, and the customer's name in any. */
import { defineDimension } from '../evidence';
import { ATTENTION_POINTS, BASE } from '../scoringRules';

export const attention = defineDimension({
  dimension: 'attention',
  keys: {
    'attention.greeting': 'credit',
    'attention.noGreeting': 'missed',
    'attention.name': 'credit',
    'attention.noName': 'missed',
    'attention.noReplies': 'cost',
  },
  judgesUnanswered: false,
  score({ record }, card) {
    const first = record.replies[0];
    if (!first) {
      card.add(-BASE.attention, 'attention.noReplies', null);
      return;
    }
    const greeting = first.analysis.effects.find((e) => e.family === 'greeting' && e.weight > 0);
    if (greeting) {
      card.add(ATTENTION_POINTS.greeting, 'attention.greeting', first.seq, {
        span: { start: greeting.start, end: greeting.end },
        params: { words: first.text.slice(greeting.start, greeting.end) },
      });
    } else card.add(0, 'attention.noGreeting', first.seq);
    for (const reply of record.replies) {
      const name = reply.analysis.effects.find((e) => e.family === 'name');
      if (!name) continue;
      card.add(ATTENTION_POINTS.name, 'attention.name', reply.seq, {
        span: { start: name.start, end: name.end },
        params: { words: reply.text.slice(name.start, name.end) },
      });
      return;
    }
    card.add(0, 'attention.noName', null);
  },
});
