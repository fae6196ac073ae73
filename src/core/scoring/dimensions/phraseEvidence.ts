/**
 * Evidence from the words of a reply, shared by the dimensions its phrase families count in (empathy,
 * professionalism, promises): each effect the analyser recorded becomes points in the family's
 * dimension, pointing at the words that earned or cost them.
 */
import type { EffectReason } from '../../engine/analyser';
import type { Dimension } from '../../scenario/types';
import type { Evidence, KeyRole } from '../evidence';
import type { ReplyAt } from '../readAttempt';
import { FAMILY_DIMENSION, phrasePoints } from '../scoringRules';

/** The evidence keys of words, one per reason an effect has its weight. */
export const PHRASE_KEYS = {
  'phrase.matched': 'cost',
  'phrase.negated': 'cost',
  'phrase.softened': 'cost',
  'phrase.repeated': 'cost',
  'phrase.beyond-authority': 'cost',
  'phrase.capitals': 'cost',
} as const satisfies Partial<Record<`phrase.${EffectReason}`, KeyRole>>;

/** A key that explains points earned or lost by words. */
export type PhraseKey = keyof typeof PHRASE_KEYS;

/** Anything evidence with phrase keys can be added to (a dimension's card). */
interface PhraseSink {
  add(
    points: number,
    key: PhraseKey,
    seq: number | null,
    extra: { readonly span?: Evidence['span']; readonly params?: Evidence['params'] },
  ): void;
}

/** Adds the points a reply's words earn or cost in `dimension`, each with its span; `factor` scales them. */
export function addPhraseEvidence(card: PhraseSink, reply: ReplyAt, dimension: Dimension, factor = 1): void {
  for (const effect of reply.analysis.effects) {
    if (FAMILY_DIMENSION[effect.family] !== dimension || effect.weight === 0) continue;
    const [family, reason] = effect.key.split('.');
    card.add(phrasePoints(effect.weight) * factor, `phrase.${reason}` as PhraseKey, reply.seq, {
      span: { start: effect.start, end: effect.end },
      params: { family: family ?? effect.family, words: reply.text.slice(effect.start, effect.end) },
    });
  }
}
