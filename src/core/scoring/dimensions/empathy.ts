/**
 * Empathy phrasing: the kind words of every reply (acknowledging, validating, apologising, thanking,
 * owning the problem) and the unkind ones (blame, dismissal, sarcasm), each with its span; how warm or
 * curt each reply read as a whole (the learned tone); and an upset customer's feelings acknowledged
 * within the first replies.
 */
import { defineDimension } from '../evidence';
import { BASE, EMPATHY_POINTS, tonePoints } from '../scoringRules';
import { addPhraseEvidence, PHRASE_KEYS } from './phraseEvidence';

const ACKNOWLEDGING = new Set(['acknowledge', 'validate', 'apologise']);

export const empathy = defineDimension({
  dimension: 'empathy',
  keys: {
    ...PHRASE_KEYS,
    'empathy.noReplies': 'cost',
    'empathy.noAcknowledgement': 'cost',
    'empathy.tone': 'cost',
  },
  judgesUnanswered: false,
  score({ record, scenario }, card) {
    for (const reply of record.replies) {
      addPhraseEvidence(card, reply, 'empathy');
      const points = tonePoints(reply.analysis.tone);
      if (points !== 0)
        card.add(points, 'empathy.tone', reply.seq, { params: { tone: reply.analysis.tone } });
    }
    const first = record.replies[0];
    if (!first) {
      card.add(-BASE.empathy, 'empathy.noReplies', null);
      return;
    }
    const acknowledged = record.replies
      .slice(0, EMPATHY_POINTS.acknowledgeWithin)
      .some((r) => r.analysis.effects.some((e) => e.weight > 0 && ACKNOWLEDGING.has(e.family)));
    if (scenario.persona.mood < EMPATHY_POINTS.upsetBelow && !acknowledged) {
      card.add(EMPATHY_POINTS.noAcknowledgement, 'empathy.noAcknowledgement', first.seq);
    }
  },
});
