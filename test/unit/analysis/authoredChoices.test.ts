/**
 * Typed and chosen replies are judged by the same analyser, so an authored choice must read alike in
 * every language it is written in: never warm in one and cold in another, and its tones close. Each
 * language's learned tone is its own model, so a reply near the edge of a band may fall on either side
 * of it; a wider gap means a lexicon or a model misses (or mistakes) a phrase in one language.
 */
import { describe, expect, it } from 'vitest';
import { analyseReply } from '../../../src/core/analysis/analyseReply';
import { loadStarterPack } from '../../support/starterPack';

/** The furthest apart the tones of one authored reply may lie in two languages. */
const MOST_APART = 0.45;

const band = (tone: number) => (tone > 0.15 ? 'warm' : tone < -0.15 ? 'cold' : 'neutral');

const choices = loadStarterPack().scenarios.flatMap((scenario) =>
  scenario.beats.flatMap((beat) =>
    beat.choices.map((choice) => ({ label: `${scenario.id} › ${choice.id}`, scenario, choice })),
  ),
);

describe('authored choices', () => {
  it('there are choices to check', () => {
    expect(choices.length).toBeGreaterThan(50);
  });

  it.each(choices)('$label reads alike in every language', ({ scenario, choice }) => {
    const tones = Object.entries(choice.text).map(
      ([language, text]) =>
        analyseReply(text, { language, customerName: scenario.persona.name, previous: [] }).tone,
    );
    const bands = new Set(tones.map(band));
    const why = `${Object.values(choice.text).join(' | ')} → ${tones.join(', ')}`;
    expect(bands.has('warm') && bands.has('cold'), why).toBe(false);
    expect(Math.max(...tones) - Math.min(...tones), why).toBeLessThanOrEqual(MOST_APART);
  });
});
