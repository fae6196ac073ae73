/** Professionalism: shouting and jargon in the words of each reply, and replies whose tone is rude. */
import { defineDimension } from '../evidence';
import { PROFESSIONALISM_POINTS } from '../scoringRules';
import { addPhraseEvidence, PHRASE_KEYS } from './phraseEvidence';

export const professionalism = defineDimension({
  dimension: 'professionalism',
  keys: { ...PHRASE_KEYS, 'professionalism.rudeTone': 'cost' },
  judgesUnanswered: false,
  score({ record }, card) {
    for (const reply of record.replies) {
      addPhraseEvidence(card, reply, 'professionalism', PROFESSIONALISM_POINTS.phraseFactor);
      if (reply.analysis.tone <= PROFESSIONALISM_POINTS.rudeAt) {
        card.add(PROFESSIONALISM_POINTS.rudeTone, 'professionalism.rudeTone', reply.seq, {
          params: { tone: reply.analysis.tone },
        });
      }
    }
  },
});
