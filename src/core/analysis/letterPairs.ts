/**
 * Letter pairs: how often, in a language, one letter follows another inside a word, learned from real
 * text and shipped as a small table (`lexicons/letter-pairs.json`, written by
 * `test/support/trainLetterPairs.ts`). A word whose letter pairs are on average ones the language
 * hardly uses ("qwpoe", "zxcmn") is not a word a person writes in that language; a misspelt word
 * ("sory", "abot") still is, because its pairs are ordinary. The model is deliberately tiny and
 * explainable: one cost per pair of letters, nothing else.
 */
import { z } from 'zod';

/**
 * The symbols of a letter-pair model: `_`, the edge of a word (so that how words begin and end counts
 * too), then the letters a word is folded to.
 */
export const LETTER_PAIR_ALPHABET = '_abcdefghijklmnopqrstuvwxyzñ';
/** Bits in one step of a stored cost. */
export const LETTER_PAIR_STEP = 0.5;
/** The largest stored cost, in steps: one base-36 digit. */
export const LETTER_PAIR_MAX_STEPS = 35;

const SIZE = LETTER_PAIR_ALPHABET.length;
const COST_DIGITS = new RegExp(`^[0-9a-z]{${SIZE}}$`);

const LetterPairTableSchema = z.strictObject({
  about: z.string(),
  alphabet: z.literal(LETTER_PAIR_ALPHABET),
  step: z.literal(LETTER_PAIR_STEP),
  /**
   * Per language, per letter: the cost of each symbol of the alphabet coming next, in steps of
   * `step` bits (-log2 of its probability), one base-36 digit per symbol.
   */
  languages: z.record(
    z.string().regex(/^[a-z]{2}$/),
    z
      .record(z.string(), z.string().regex(COST_DIGITS))
      .refine(
        (rows) => [...LETTER_PAIR_ALPHABET].every((letter) => typeof rows[letter] === 'string'),
        'one row for every symbol of the alphabet',
      ),
  ),
});

/** The letter-pair table as written in its JSON file. */
export type LetterPairTable = z.infer<typeof LetterPairTableSchema>;

/** Validates a letter-pair table. */
export function parseLetterPairTable(raw: unknown): LetterPairTable {
  return LetterPairTableSchema.parse(raw);
}

/** One language's letter pairs, ready to score words. */
export interface LetterPairModel {
  /** The cost in bits of each symbol after each symbol: `costs[before * size + after]`. */
  readonly costs: Float64Array;
}

/** Builds the models of a validated table, by language. */
export function letterPairModels(source: LetterPairTable): Readonly<Record<string, LetterPairModel>> {
  const models: Record<string, LetterPairModel> = {};
  for (const [language, rows] of Object.entries(source.languages)) {
    const costs = new Float64Array(SIZE * SIZE);
    [...LETTER_PAIR_ALPHABET].forEach((before, b) => {
      const row = rows[before] ?? '';
      for (let a = 0; a < SIZE; a += 1)
        costs[b * SIZE + a] = Number.parseInt(row.charAt(a), 36) * source.step;
    });
    models[language] = { costs };
  }
  return models;
}

const INDEX: ReadonlyMap<string, number> = new Map([...LETTER_PAIR_ALPHABET].map((c, i) => [c, i]));
const folded = new Map<string, string | null>();

/**
 * The symbol a letter folds to: lower case, accents and diaeresis removed, except ñ, which Spanish
 * spells apart. Null for a letter outside the alphabet (ø, ß, Cyrillic, Han…): such a word is not
 * judged at all.
 */
export function foldLetter(letter: string): string | null {
  const known = folded.get(letter);
  if (known !== undefined) return known;
  const lower = letter.toLowerCase();
  let symbol: string | null = null;
  if (lower === 'ñ') symbol = 'ñ';
  else {
    const base = lower.normalize('NFD');
    const first = base.charAt(0);
    if (first >= 'a' && first <= 'z' && /^\p{M}*$/u.test(base.slice(1))) symbol = first;
  }
  if (folded.size > 2000) folded.clear();
  folded.set(letter, symbol);
  return symbol;
}

/**
 * The mean cost in bits of a word's letter pairs, its edges included ("_ab", "ab", "b_" for "ab"):
 * low for words of the language, high for letters mashed at random. `letters` are symbols of the
 * alphabet other than the edge.
 */
export function meanPairCost(model: LetterPairModel, letters: string): number {
  let before = 0;
  let total = 0;
  for (const letter of letters) {
    const after = INDEX.get(letter) ?? 0;
    total += model.costs[before * SIZE + after] ?? 0;
    before = after;
  }
  total += model.costs[before * SIZE] ?? 0;
  return total / (letters.length + 1);
}

/** A word of a reply: where it is, and its letters folded to the alphabet. */
export interface LetterWord {
  /** Offsets in the text (`end` exclusive). */
  readonly start: number;
  readonly end: number;
  /**
   * The word's letters folded to the alphabet, runs of three or more of one letter cut to two
   * ("sooooo" reads as "soo": people stretch words), or null when it has a letter outside the alphabet.
   */
  readonly letters: string | null;
}

const LETTER = /^\p{L}$/u;
const MARK = /^\p{M}$/u;
/** Letters (1) and combining marks (2) by character; 0 for anything else. */
const characterKinds = new Map<string, 0 | 1 | 2>();

function characterKind(character: string): 0 | 1 | 2 {
  let kind = characterKinds.get(character);
  if (kind === undefined) {
    kind = LETTER.test(character) ? 1 : MARK.test(character) ? 2 : 0;
    if (characterKinds.size > 2000) characterKinds.clear();
    characterKinds.set(character, kind);
  }
  return kind;
}

/**
 * A run of text between spaces that is an address or a code, not words: it holds a digit
 * ("ERR-4421", "48h", "TRK8WQ2"), an `@` (an e-mail) or `://`, or starts with `www.`.
 */
function isCodeOrAddress(token: string): boolean {
  return /[0-9@]|:\/\/|^www\./i.test(token);
}

/**
 * The words of a text: runs of letters (with their combining marks), leaving out whatever sits in a
 * code or an address. Linear in the text's length.
 */
export function letterWords(text: string): LetterWord[] {
  const words: LetterWord[] = [];
  const spaces = /\s+/gu;
  let tokenStart = 0;
  const readToken = (from: number, to: number) => {
    if (to <= from || isCodeOrAddress(text.slice(from, to))) return;
    let start = -1;
    let letters: string | null = '';
    const close = (at: number) => {
      if (start >= 0) words.push({ start, end: at, letters });
      start = -1;
      letters = '';
    };
    for (let i = from; i < to; ) {
      const character = String.fromCodePoint(text.codePointAt(i) ?? 0);
      const kind = characterKind(character);
      if (kind !== 0) {
        if (start < 0) start = i;
        const symbol = kind === 2 ? '' : foldLetter(character);
        if (symbol === null) letters = null;
        else if (letters !== null && symbol !== '') {
          const n = letters.length;
          if (!(n >= 2 && letters.charAt(n - 1) === symbol && letters.charAt(n - 2) === symbol)) {
            letters += symbol;
          }
        }
      } else close(i);
      i += character.length;
    }
    close(to);
  };
  for (let m = spaces.exec(text); m; m = spaces.exec(text)) {
    readToken(tokenStart, m.index);
    tokenStart = m.index + m[0].length;
  }
  readToken(tokenStart, text.length);
  return words;
}
