/**
 * Which facts an authored reply states. A choice that tells the customer an amount, a date or a
 * reference from the case record is only honest once the trainee has looked it up; the compiler warns
 * when such a choice does not name the fact in `needs` (`choice-quotes-fact`). The test is textual and
 * errs towards saying nothing: a fact counts as quoted when the reply contains its whole value, or one
 * of its distinctive parts, in any pack language.
 */
import { foldText } from './foldText';
import type { Fact, LocalizedText } from './types';

/** A fact a text states, the part of its value that gives it away, and the language it is stated in. */
export interface FactQuote {
  readonly fact: string;
  readonly quoted: string;
  readonly language: string;
}

const MONTHS: readonly (readonly string[])[] = [
  ['january', 'jan', 'enero', 'ene'],
  ['february', 'feb', 'febrero'],
  ['march', 'mar', 'marzo'],
  ['april', 'apr', 'abril', 'abr'],
  ['may', 'mayo'],
  ['june', 'jun', 'junio'],
  ['july', 'jul', 'julio'],
  ['august', 'aug', 'agosto', 'ago'],
  ['september', 'sep', 'sept', 'septiembre', 'setiembre'],
  ['october', 'oct', 'octubre'],
  ['november', 'nov', 'noviembre'],
  ['december', 'dec', 'diciembre', 'dic'],
];
const MONTH_OF = new Map(MONTHS.flatMap((names, index) => names.map((name) => [name, index + 1] as const)));
const MONTH = [...MONTH_OF.keys()].sort((a, b) => b.length - a.length).join('|');
const DAY_MONTH = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:de\\s+|of\\s+)?(${MONTH})\\b`, 'g');
const MONTH_DAY = new RegExp(`\\b(${MONTH})\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b`, 'g');
/** A number with its separators: an amount (1,480.50), a time (07:52), a version, a reference (24-0112). */
const NUMBER = /\d+(?:[.,:/-]\d+)*/g;
const EMAIL = /[a-z0-9._%+-]+@[a-z0-9.-]+\.[a-z]{2,}/g;
/** A whole value shorter than this is too common to count as quoted. */
const MIN_WHOLE = 8;

/**
 * The distinctive parts of a text, each folded so that languages compare, with the words as written:
 * numbers of two digits or more (with `,` read as `.`, so 1,480 and 1.480, 84.50 and 84,50 are one
 * part), e-mail addresses, and days of a month named in English or Spanish (`1 March`, `1 de marzo`
 * and `March 1` are one part).
 */
export function distinctiveParts(text: string): Map<string, string> {
  // Folding keeps every offset, so a match in the folded copy is the same span of the text.
  const folded = foldText(text);
  const parts = new Map<string, string>();
  const add = (part: string, match: RegExpMatchArray) => {
    if (!parts.has(part)) parts.set(part, text.slice(match.index, (match.index ?? 0) + match[0].length));
  };
  for (const match of folded.matchAll(NUMBER)) {
    if (match[0].replace(/\D/g, '').length >= 2) add(match[0].replaceAll(',', '.'), match);
  }
  for (const match of folded.matchAll(EMAIL)) add(match[0], match);
  for (const match of folded.matchAll(DAY_MONTH))
    add(`${Number(match[1])}/${MONTH_OF.get(match[2] ?? '')}`, match);
  for (const match of folded.matchAll(MONTH_DAY))
    add(`${Number(match[2])}/${MONTH_OF.get(match[1] ?? '')}`, match);
  return parts;
}

function partsOf(texts: readonly LocalizedText[]): Set<string> {
  const parts = new Set<string>();
  for (const text of texts) {
    for (const value of Object.values(text))
      for (const part of distinctiveParts(value).keys()) parts.add(part);
  }
  return parts;
}

/**
 * The facts `text` states (in any of its languages), other than those in `except` (the facts it
 * needs). Facts known from the start never count, and neither does a part the trainee knows anyway:
 * one found in `heard` (the customer's lines in the beat), in a fact known from the start, or in a
 * fact of `except`.
 */
export function quotedFacts(
  text: LocalizedText,
  facts: readonly Fact[],
  options: { readonly except: readonly string[]; readonly heard: readonly LocalizedText[] },
): FactQuote[] {
  const known = facts.filter((f) => f.reveal === 'start' || options.except.includes(f.id));
  const heard = partsOf([...options.heard, ...known.map((f) => f.value)]);
  const written = Object.entries(text).map(([language, line]) => ({
    language,
    folded: foldText(line),
    parts: distinctiveParts(line),
  }));
  const quotes: FactQuote[] = [];
  for (const fact of facts) {
    if (fact.reveal === 'start' || options.except.includes(fact.id)) continue;
    const quote = quoteOf(fact, written, heard);
    if (quote !== null) quotes.push(quote);
  }
  return quotes;
}

interface Written {
  readonly language: string;
  readonly folded: string;
  readonly parts: ReadonlyMap<string, string>;
}

function quoteOf(fact: Fact, written: readonly Written[], heard: ReadonlySet<string>): FactQuote | null {
  for (const value of Object.values(fact.value)) {
    const whole = foldText(value.trim());
    const saying = whole.length >= MIN_WHOLE ? written.find((w) => w.folded.includes(whole)) : undefined;
    if (saying) return { fact: fact.id, quoted: value.trim(), language: saying.language };
    for (const [part, as] of distinctiveParts(value)) {
      const stating = heard.has(part) ? undefined : written.find((w) => w.parts.has(part));
      if (stating) return { fact: fact.id, quoted: as, language: stating.language };
    }
  }
  return null;
}
