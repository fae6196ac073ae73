/**
 * Learns the letter-pair table the nonsense reading ships with (`src/core/analysis/lexicons/
 * letter-pairs.json`) from the corpus in `letterPairCorpus`: counts of each letter after each letter
 * inside the words a reply reading sees, add-half smoothed, as costs in half-bits.
 */
import { blankMarkup } from '../../src/core/analysis/blankMarkup';
import {
  LETTER_PAIR_ALPHABET,
  LETTER_PAIR_MAX_STEPS,
  LETTER_PAIR_STEP,
  type LetterPairTable,
  letterWords,
} from '../../src/core/analysis/letterPairs';
import { LEXICONS, lexiconWords } from '../../src/core/analysis/lexicon';
import {
  englishTraining,
  POLITENESS_DATA,
  scenarioTexts,
  spanishStrategies,
  type WeightedText,
} from './letterPairCorpus';

/** Added to every count, so that a pair never seen still has a (high) finite cost. */
const SMOOTHING = 0.5;
const SIZE = LETTER_PAIR_ALPHABET.length;
/**
 * Words with a capital are left out: mostly names, acronyms and titles ("Grandmesnil", "DMCA"), whose
 * letter pairs would teach the model that any pair goes. Lower-case words are plenty.
 */
const CAPITAL = /\p{Lu}/u;

/** One language's rows: per letter, the cost of each symbol after it, one base-36 digit each. */
export function learnLetterPairs(texts: readonly WeightedText[]): Record<string, string> {
  const index = new Map([...LETTER_PAIR_ALPHABET].map((c, i) => [c, i]));
  const counts = Array.from({ length: SIZE }, () => new Float64Array(SIZE));
  const count = (before: number, after: number, weight: number) => {
    const row = counts[before];
    if (row) row[after] = (row[after] ?? 0) + weight;
  };
  for (const { text, weight } of texts) {
    for (const word of letterWords(blankMarkup(text).text)) {
      if (word.letters === null || CAPITAL.test(text.slice(word.start, word.end))) continue;
      let before = 0;
      for (const letter of word.letters) {
        const after = index.get(letter) ?? 0;
        count(before, after, weight);
        before = after;
      }
      count(before, 0, weight);
    }
  }
  const rows: Record<string, string> = {};
  counts.forEach((row, b) => {
    const total = row.reduce((sum, n) => sum + n, 0) + SMOOTHING * SIZE;
    const digits = [...row].map((n) => {
      const bits = -Math.log2((n + SMOOTHING) / total);
      return Math.min(LETTER_PAIR_MAX_STEPS, Math.round(bits / LETTER_PAIR_STEP)).toString(36);
    });
    rows[LETTER_PAIR_ALPHABET.charAt(b)] = digits.join('');
  });
  return rows;
}

/** The Spanish texts: TyDiP's renderings, the scenarios' `es:` texts and the lexicon's words. */
export function spanishTraining(dir = POLITENESS_DATA): WeightedText[] {
  const es = LEXICONS.es;
  return [
    ...spanishStrategies(dir),
    ...scenarioTexts('es').map((text) => ({ text, weight: 1 })),
    ...(es ? lexiconWords(es) : []).map((text) => ({ text, weight: 1 })),
  ];
}

/** The whole table, as the generator writes it. */
export function letterPairTable(dir = POLITENESS_DATA): LetterPairTable {
  return {
    about:
      'Letter-pair costs for the nonsense reading, written by test/support/trainLetterPairs.ts: do not edit. ' +
      'Derived from TyDiP (Srinivasan and Choi, 2022; CC BY 4.0): English from en_train.csv (every fifth row ' +
      'held out), Spanish from es_strategies.csv plus the shipped scenarios and lexicon. See README.md, Credits.',
    alphabet: LETTER_PAIR_ALPHABET,
    step: LETTER_PAIR_STEP,
    languages: { en: learnLetterPairs(englishTraining(dir)), es: learnLetterPairs(spanishTraining(dir)) },
  };
}

/** The table as its JSON file holds it. */
export function formatLetterPairTable(table: LetterPairTable): string {
  return `${JSON.stringify(table, null, 2)}\n`;
}
