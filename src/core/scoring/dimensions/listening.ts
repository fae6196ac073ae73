/** Listening: the facts of the case the trainee learnt by looking up, asking and reproducing, and asking twice. */
import { defineDimension } from '../evidence';
import { LISTENING_POINTS, listeningPoints } from '../scoringRules';

export const listening = defineDimension({
  dimension: 'listening',
  keys: { 'listening.learnt': 'credit', 'listening.missed': 'missed', 'listening.askedAgain': 'cost' },
  judgesUnanswered: false,
  score({ record, scenario }, card) {
    const learnable = scenario.facts.filter(
      (f) => f.reveal === 'ask' || f.reveal === 'lookup' || f.reveal === 'reproduce',
    );
    if (learnable.length === 0) {
      card.skip();
      return;
    }
    const revealed = new Map(record.revealed.map((r) => [r.event.fact, r]));
    const learnt = learnable.filter((f) => revealed.has(f.id));
    learnt.forEach((fact, i) => {
      // Share the points out so the evidence sums to the total exactly.
      const points = listeningPoints(i + 1, learnable.length) - listeningPoints(i, learnable.length);
      card.add(points, 'listening.learnt', revealed.get(fact.id)?.seq ?? null, { params: { fact: fact.id } });
    });
    for (const fact of learnable) {
      if (!revealed.has(fact.id)) card.add(0, 'listening.missed', null, { params: { fact: fact.id } });
    }
    for (const ask of record.intents) {
      if (ask.intent.type !== 'ask') continue;
      const known = revealed.get(ask.intent.fact);
      if (known && known.seq < ask.seq) {
        card.add(LISTENING_POINTS.askedAgain, 'listening.askedAgain', ask.seq, {
          params: { fact: ask.intent.fact },
        });
      }
    }
  },
});
