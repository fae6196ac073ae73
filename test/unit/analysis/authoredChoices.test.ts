/**
 * Typed and chosen replies are judged by the same analyser, so an authored choice must read the same
 * in every language it is written in: warm in English and warm in Spanish, or cold in both. A
 * disagreement means a lexicon misses (or mistakes) a phrase in one language.
 */
import { describe, expect, it } from 'vitest';
import { analyseReply } from '../../../src/core/analysis/analyseReply';
import { loadStarterPack } from '../../support/starterPack';

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

  it.each(choices)('$label reads the same in every language', ({ scenario, choice }) => {
    const bands = Object.entries(choice.text).map(([language, text]) => {
      const analysis = analyseReply(text, { language, customerName: scenario.persona.name, previous: [] });
      return `${band(analysis.tone)}`;
    });
    expect(new Set(bands).size, Object.values(choice.text).join(' | ')).toBe(1);
  });
});
