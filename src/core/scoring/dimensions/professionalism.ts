/**
 * Professionalism: shouting and jargon in the words of each reply, replies whose tone is rude, and
 * replies of nonsense (markup, one character repeated, letters that form no words).
 */
import { defineDimension } from '../evidence';
import { PROFESSIONALISM_POINTS } from '../scoringRules';
import { addPhraseEvidence, PHRASE_KEYS } from './phraseEvidence';

export const professionalism = defineDimension({
  dimension: 'professionalism',
  keys: { ...PHRASE_KEYS, 'professionalism.rudeTone': 'cost', 'professionalism.nonsense': 'cost' },
  judgesUnanswered: false,
  score({ record }, card) {
    for (const reply of record.replies) {
      addPhraseEvidence(card, reply, 'professionalism', PROFESSIONALISM_POINTS.phraseFactor);
      const nonsense = reply.analysis.nonsense;
      if (nonsense) {
        card.add(PROFESSIONALISM_POINTS.nonsense, 'professionalism.nonsense', reply.seq, {
          span: { start: nonsense.start, end: nonsense.end },
          params: { kind: nonsense.kind },
        });
      }
      if (reply.analysis.tone <= PROFESSIONALISM_POINTS.rudeAt) {
        card.add(PROFESSIONALISM_POINTS.rudeTone, 'professionalism.rudeTone', reply.seq, {
          params: { tone: reply.analysis.tone },
        });
      }
    }
  },
});
