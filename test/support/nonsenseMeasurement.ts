/**
 * Measures the nonsense reading: real text it must leave alone (nothing in it was learnt from; see
 * `letterPairCorpus`) and keyboard mashing it should catch, made by a seeded generator so that every
 * run measures the same strings.
 */
import { LEXICONS, lexiconWords } from '../../src/core/analysis/lexicon';
import { readNonsense } from '../../src/core/analysis/readNonsense';
import type { NonsenseReading } from '../../src/core/engine/analyser';
import { nextRandom, seedState } from '../../src/core/engine/random';
import { labelledReplies } from './evaluateAnalyser';
import { englishHeldOut, hasPolitenessData, playthroughReplies, scenarioTexts } from './letterPairCorpus';

/** A text to read, with the customer's name the reply is written to. */
export interface Sample {
  readonly text: string;
  readonly customerName: string;
}

/** The name of the TyDiP held-out rows among the held-out samples. */
export const TYDIP_HELD_OUT = 'en_train.csv held-out rows';

/**
 * Real text in one language that no model learnt from, by where it comes from. The TyDiP held-out rows
 * are there only when the TyDiP files are (see `hasPolitenessData`).
 */
export function heldOutSamples(language: string): Record<string, Sample[]> {
  const plain = (text: string) => ({ text, customerName: '' });
  const sets: Record<string, Sample[]> = {
    'labelled replies': labelledReplies(language).map((r) => ({ text: r.text, customerName: r.customer })),
    'playthrough replies': playthroughReplies(language).map(plain),
  };
  if (language === 'en') {
    sets['scenario texts (en)'] = scenarioTexts('en').map(plain);
    if (hasPolitenessData()) sets[TYDIP_HELD_OUT] = englishHeldOut().map(plain);
  }
  return sets;
}

const ROWS: Readonly<Record<string, readonly string[]>> = {
  en: ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'],
  es: ['qwertyuiop', 'asdfghjklñ', 'zxcvbnm'],
};
const LETTERS: Readonly<Record<string, string>> = {
  en: 'abcdefghijklmnopqrstuvwxyz',
  es: 'abcdefghijklmnñopqrstuvwxyz',
};

/** A seeded source of random numbers in [0, 1). */
function random(seed: string): () => number {
  let state = seedState(seed);
  return () => {
    const [value, next] = nextRandom(state);
    state = next;
    return value;
  };
}

/**
 * Keyboard mashing in one language, `count` of each kind, the same every run:
 * - `random letters`: one to three words of four to nine letters drawn evenly from the alphabet;
 * - `keyboard rows`: one to three runs of four to ten keys along a row, either way (`qwertyuiop`, `lkjhg`);
 * - `home-row mashing`: one to three words of five to ten letters, mostly from the home row (`fjdksla`).
 *
 * A third of them begin with a capital, as a phone's keyboard would make them.
 */
export function keyboardMash(language: string, count: number): Record<string, string[]> {
  const next = random(`keyboard-mash-${language}`);
  const pick = <T>(items: readonly T[] | string): T | string => items[Math.floor(next() * items.length)] as T;
  const between = (low: number, high: number) => low + Math.floor(next() * (high - low + 1));
  const letters = LETTERS[language] ?? LETTERS.en ?? '';
  const rows = ROWS[language] ?? ROWS.en ?? [];
  const home = rows[1] ?? '';
  const words = (make: () => string) =>
    Array.from({ length: count }, () => {
      const text = Array.from({ length: between(1, 3) }, make).join(' ');
      return next() < 1 / 3 ? text.charAt(0).toUpperCase() + text.slice(1) : text;
    });
  return {
    'random letters': words(() => Array.from({ length: between(4, 9) }, () => pick(letters)).join('')),
    'keyboard rows': words(() => {
      const row = String(pick(rows));
      const length = Math.min(row.length, between(4, 10));
      const start = between(0, row.length - length);
      const run = row.slice(start, start + length);
      return next() < 0.5 ? run : [...run].reverse().join('');
    }),
    'home-row mashing': words(() =>
      Array.from({ length: between(5, 10) }, () => pick(next() < 0.8 ? home : letters)).join(''),
    ),
  };
}

/** The lexicon's words, as the analyser gives them to the nonsense reading. */
export function lexiconWordSet(language: string): ReadonlySet<string> {
  const lexicon = LEXICONS[language];
  return new Set(lexicon ? lexiconWords(lexicon) : []);
}

/** The samples a reading calls nonsense, with its reading. */
export function flagged(
  language: string,
  samples: readonly Sample[],
  maxCost?: number,
): { sample: Sample; reading: NonsenseReading }[] {
  const known = lexiconWordSet(language);
  return samples.flatMap((sample) => {
    const reading = readNonsense(sample.text.normalize('NFC'), {
      language,
      known,
      customerName: sample.customerName,
      ...(maxCost === undefined ? {} : { maxCost }),
    });
    return reading ? [{ sample, reading }] : [];
  });
}
