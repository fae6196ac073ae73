/**
 * Nonsense: a reply with no words a person would write. Three kinds, looked for in this order:
 *
 * - `repeated`: one character, or a unit of up to four, over and over (3,000 x's, "!!!!!!!!!"). A short
 *   laugh ("hahaha") is something people write and is left alone; one that runs on is not.
 * - `markup`: tags, entities or template placeholders with nothing a customer could read once they
 *   are taken out (`<script>alert(1)</script>`, `<b></b>`, `{{x}}`).
 * - `no-words`: letters that make no words of the reply's language (`asdkjh qwpoe zxcmn`). Each word of
 *   three letters or more is wordlike when the lexicon or the customer's name has it, or when its
 *   letter pairs cost on average no more than the language's threshold (see `letterPairs`) in the
 *   reply's language or one it borrows from (Spanish replies borrow English: "WhatsApp", "checkout"),
 *   unless it walks five keys along a row of the keyboard ("qwerty", "lkjhg": its pairs are common,
 *   the walk is not). Words with a capital inside ("FAQs", "WhatsApp") or a capital that does not
 *   begin a sentence ("Hi Krzysztof") are acronyms, brands or names, and not judged, unless the whole
 *   reply is in capitals. A reply is nonsense when under half its letters are in wordlike words and a word
 *   of four letters or more fails. Codes, addresses and markup are not words and are left out; so are
 *   words with letters the models do not know.
 *
 * Deterministic, and linear in the reply's length.
 */
import type { NonsenseReading } from '../engine/analyser';
import { blankMarkup } from './blankMarkup';
import {
  type LetterPairModel,
  type LetterWord,
  letterPairModels,
  letterWords,
  meanPairCost,
  parseLetterPairTable,
} from './letterPairs';
import table from './lexicons/letter-pairs.json';

/** The shipped letter-pair models, by language. */
export const LETTER_PAIR_MODELS: Readonly<Record<string, LetterPairModel>> = letterPairModels(
  parseLetterPairTable(table),
);

/**
 * Per language, the mean letter-pair cost (bits) above which a word is not wordlike. Chosen with
 * `npx tsx test/support/measureNonsense.ts --sweep` on text the models never learnt from (TyDiP's
 * held-out rows, the labelled replies, the playthroughs' replies, the scenarios' English): in English
 * none of it is called nonsense from 6 bits up, and 6.5 keeps half a bit of margin for replies
 * unlike any of it, at some cost in detection of random letters. Spanish has less held-out text (none
 * of it called nonsense from 5 bits up) and takes the same threshold.
 */
export const WORDLIKE_MAX_COST: Readonly<Record<string, number>> = { en: 6.5, es: 6.5 };

/**
 * The language whose words a reply in a language borrows, and the stricter threshold (bits) a word must
 * meet there: Spanish replies use English words ("WhatsApp", "checkout", "email") that Spanish letter
 * pairs find odd. Strict, so that mashing which merely passes for English is still caught; 5.5 lets
 * every common loanword and brand tried through and keeps most of the Spanish detection (see
 * `measureNonsense`).
 */
const BORROWS: Readonly<Record<string, { readonly from: string; readonly maxCost: number }>> = {
  es: { from: 'en', maxCost: 5.5 },
};

/** The letter rows of a keyboard (QWERTY; Spanish adds ñ after l). */
const KEYBOARD_ROWS = ['qwertyuiop', 'asdfghjklñ', 'zxcvbnm'];
/** Keys in a row, one after the other either way, that make a word mashing. */
const KEYBOARD_WALK = 5;
const KEY_PLACES: ReadonlyMap<string, { row: number; column: number }> = new Map(
  KEYBOARD_ROWS.flatMap((keys, row) => [...keys].map((key, column) => [key, { row, column }] as const)),
);

/** A single character repeated this many times, and nothing else, is nonsense: "!!!!!!", "xxxxxx". */
const REPEATED_CHARACTER = 6;
/** A unit of two to four characters repeated to this length is nonsense: a laugh that runs on. */
const REPEATED_LENGTH = 24;
const LONGEST_UNIT = 4;
/** Words shorter than this are not judged: "ok", "hi", "sí" and initials say too little. */
const SHORTEST_JUDGED = 3;
/** A reply is only nonsense when at least one word this long fails. */
const SHORTEST_FAILING = 4;

/** What the nonsense reading needs besides the reply. */
export interface NonsenseOptions {
  /** The reply's language: its letter-pair model judges the words. */
  readonly language: string;
  /** Words to take as real whatever their letters, folded as `foldText` does: the lexicon's. */
  readonly known?: ReadonlySet<string>;
  /** The customer's name, whose words are real whatever their letters ("Krzysztof", "Goikoetxea"). */
  readonly customerName?: string;
  /** The letter-pair models; the shipped ones when absent. */
  readonly models?: Readonly<Record<string, LetterPairModel>>;
  /** The threshold to judge words by (bits); the language's {@link WORDLIKE_MAX_COST} when absent. */
  readonly maxCost?: number;
}

const WHITE_SPACE = /^\s$/u;
const LOWER_CASE = /\p{Ll}/u;
/** A capital after a word's first letter: an acronym or a brand ("FAQs", "IKEA", "WhatsApp"). */
const INNER_CAPITAL = /^.+\p{Lu}/u;
const FIRST_CAPITAL = /^\p{Lu}/u;
/** What may stand between the end of a sentence and its first word. */
const BEFORE_SENTENCE = /[\s"'«“‘(¿¡-]/u;
const SENTENCE_END = /[.!?:;\n]/u;

/** True when a word begins the text or a sentence in it. */
function beginsSentence(text: string, at: number): boolean {
  let i = at - 1;
  while (i >= 0 && BEFORE_SENTENCE.test(text.charAt(i))) i -= 1;
  return i < 0 || SENTENCE_END.test(text.charAt(i));
}

/** Where the non-space part of a text starts and ends, or null when it is blank. */
function trimmed(text: string): { start: number; end: number } | null {
  const start = text.length - text.trimStart().length;
  const end = text.trimEnd().length;
  return end > start ? { start, end } : null;
}

/** True when the text, spaces and case aside, is one short unit repeated long enough to be nonsense. */
function isRepeated(text: string): boolean {
  const units: string[] = [];
  for (const character of text.toLowerCase()) if (!WHITE_SPACE.test(character)) units.push(character);
  for (let size = 1; size <= LONGEST_UNIT; size += 1) {
    if (units.length < size * 2 || units.length % size !== 0) continue;
    let same = true;
    for (let i = size; i < units.length && same; i += 1) same = units[i] === units[i - size];
    if (same) return size === 1 ? units.length >= REPEATED_CHARACTER : units.length >= REPEATED_LENGTH;
  }
  return false;
}

/** True when the letters walk at least {@link KEYBOARD_WALK} neighbouring keys along one row. */
function walksKeyboard(letters: string): boolean {
  let run = 1;
  let step = 0;
  let before = KEY_PLACES.get(letters.charAt(0));
  for (let i = 1; i < letters.length; i += 1) {
    const here = KEY_PLACES.get(letters.charAt(i));
    const move = before && here && before.row === here.row ? here.column - before.column : 0;
    if (move === 1 || move === -1) {
      run = move === step ? run + 1 : 2;
      step = move;
      if (run >= KEYBOARD_WALK) return true;
    } else {
      run = 1;
      step = 0;
    }
    before = here;
  }
  return false;
}

/** How the words of a text fare against a language's letter pairs. */
interface WordJudgement {
  /** Letters in judged words, and in those of them that are wordlike. */
  readonly letters: number;
  readonly wordlike: number;
  /** The judged words of four letters or more that are not wordlike. */
  readonly failing: readonly LetterWord[];
}

/** A language's model and threshold, and those of the languages it borrows from. */
type Judges = readonly { readonly model: LetterPairModel; readonly maxCost: number }[];

function judgeWords(
  text: string,
  words: readonly LetterWord[],
  judges: Judges,
  known: ReadonlySet<string>,
  names: ReadonlySet<string>,
): WordJudgement {
  let letters = 0;
  let wordlike = 0;
  const failing: LetterWord[] = [];
  // Acronyms, brands and names are not spelt by a language's letter pairs ("IKEA", "WhatsApp", "Hi
  // Krzysztof"); but a reply all in capitals is judged whole, and a capital that begins a sentence
  // says nothing.
  const cased = LOWER_CASE.test(text);
  for (const word of words) {
    if (word.letters === null || word.letters.length < SHORTEST_JUDGED) continue;
    const spelt = text.slice(word.start, word.end);
    if (
      cased &&
      (INNER_CAPITAL.test(spelt) || (FIRST_CAPITAL.test(spelt) && !beginsSentence(text, word.start)))
    ) {
      continue;
    }
    letters += word.letters.length;
    const folded = word.letters;
    const ok =
      names.has(folded) ||
      known.has(folded.replaceAll('ñ', 'n')) ||
      (!walksKeyboard(folded) && judges.some((j) => meanPairCost(j.model, folded) <= j.maxCost));
    if (ok) wordlike += word.letters.length;
    else if (word.letters.length >= SHORTEST_FAILING) failing.push(word);
  }
  return { letters, wordlike, failing };
}

/** True when what is left of a text once its markup is out has no two letters in a row to read. */
function nothingToRead(words: readonly LetterWord[]): boolean {
  return words.every((w) => w.letters !== null && w.letters.length < 2);
}

/**
 * Reads whether a reply (in NFC) is nonsense, and which kind, with the span of the text that is:
 * the whole reply without its surrounding spaces for `repeated` and `markup`, the failing words for
 * `no-words`. Null for anything a person might write.
 */
export function readNonsense(text: string, options: NonsenseOptions): NonsenseReading | null {
  const whole = trimmed(text);
  if (!whole) return null;
  if (isRepeated(text)) return { kind: 'repeated', ...whole };

  const markup = blankMarkup(text);
  const words = letterWords(markup.text);
  if (markup.found && nothingToRead(words)) return { kind: 'markup', ...whole };

  const language = options.language.slice(0, 2);
  const models = options.models ?? LETTER_PAIR_MODELS;
  const model = models[language];
  if (!model) return null;
  const own = { model, maxCost: options.maxCost ?? WORDLIKE_MAX_COST[language] ?? 0 };
  const borrowed = BORROWS[language];
  const lender = borrowed && models[borrowed.from];
  const judges = lender ? [own, { model: lender, maxCost: borrowed.maxCost }] : [own];
  const names = new Set(letterWords(options.customerName ?? '').flatMap((w) => w.letters ?? []));
  const judged = judgeWords(markup.text, words, judges, options.known ?? new Set(), names);
  const first = judged.failing[0];
  const last = judged.failing[judged.failing.length - 1];
  if (!first || !last || judged.wordlike * 2 >= judged.letters) return null;
  // Markup around words that make no sense is still markup: what was typed was not for a customer.
  if (markup.found) return { kind: 'markup', ...whole };
  return { kind: 'no-words', start: first.start, end: last.end };
}
