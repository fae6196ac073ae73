/**
 * The features the learned tone reads in a reply, each one something a person can point at: a word
 * (`w:sorry`), two words in a row (`b:calm down`), a politeness strategy from the research literature
 * (`s:please-start`, `s:hedge`, `s:direct-question`, …) and a phrase family the lexicon found, with
 * why it weighs what it weighs (`f:apologise.matched`, `f:apologise.negated`). Every feature keeps the
 * characters that raised it, so the weight the model gives it can be shown on the words.
 *
 * Words are read on the folded reply (lower case, no accents; see `foldText`), whose offsets are the
 * reply's own.
 */
import type { ReplyEffect } from '../engine/analyser';

/**
 * One feature found in a reply, and where (offsets in the reply normalised to NFC). `value` is 1 for
 * words and strategies; for a phrase family it is the weight the lexicon gave the phrase, so "thank you
 * for letting us know" (2) counts twice a bare "thanks" (1).
 */
export interface ToneFeature {
  readonly key: string;
  readonly start: number;
  readonly end: number;
  readonly value: number;
}

/** A politeness strategy: its name and the patterns (on folded text) that show it. */
interface Strategy {
  readonly name: string;
  readonly pattern: RegExp;
}

const strategy = (name: string, source: string): Strategy => ({ name, pattern: new RegExp(source, 'gu') });

/**
 * The strategies of Danescu-Niculescu-Mizil et al. (2013), per language: the English cue words of the
 * paper, the Spanish ones from TyDiP's strategy renderings (`data/politeness/es_strategies.csv`) and
 * our own Spanish. Each pattern runs on folded text; `^` is the start of the reply.
 */
const STRATEGIES: Readonly<Record<string, readonly Strategy[]>> = {
  en: [
    strategy('please', '\\bplease\\b|\\bpls\\b|\\bplz\\b'),
    strategy('please-start', '^\\W*(?:please|pls|plz)\\b'),
    strategy(
      'hedge',
      "\\b(?:i think|i believe|i suppose|i guess|maybe|perhaps|possibly|probably|might|it seems|seems like|kind of|sort of|a bit|a little|somewhat|i'm afraid|unfortunately)\\b",
    ),
    strategy('gratitude', '\\b(?:thanks?|thank you|thx|ty|appreciate[sd]?|grateful)\\b'),
    strategy(
      'deference',
      "\\b(?:great|good|fair|excellent) (?:question|point|catch|spot)\\b|\\byou'?re (?:right|correct)\\b",
    ),
    strategy('apology', '\\b(?:sorry|apologi[sz]e|apologies|my bad|pardon|excuse me)\\b'),
    strategy('greeting', '^\\W*(?:hi|hello|hey|hiya|good (?:morning|afternoon|evening)|dear)\\b'),
    strategy('direct-question', '^\\W*(?:what|why|how|who|where|when|which)\\b[^.!]*\\?'),
    strategy('direct-start', '^\\W*(?:so|then|and|but|or|look|listen|well|ok so)\\b'),
    strategy('second-person-start', "^\\W*(?:you|your|you're|you've|you'll|u|ur)\\b"),
    strategy('first-person-start', "^\\W*(?:i|i'm|i've|i'll|my|me)\\b"),
    strategy('first-person-plural', "\\b(?:we|we're|we've|we'll|us|our)\\b"),
    strategy('by-the-way', '\\b(?:by the way|btw|incidentally)\\b'),
    strategy(
      'factuality',
      '\\b(?:in fact|actually|the point is|the reality is|the truth is|obviously|clearly|of course)\\b',
    ),
    strategy('counterfactual-modal', '\\b(?:could|would) you\\b'),
    strategy('indicative-modal', '\\b(?:can|will) you\\b'),
    strategy(
      'negation',
      "\\b(?:not|no|never|nothing|nobody|can't|cannot|won't|don't|doesn't|didn't|isn't|aren't)\\b",
    ),
    strategy('you-people', '\\byou (?:people|lot|guys)\\b'),
  ],
  es: [
    strategy('please', '\\bpor favor\\b|\\bporfa\\b|\\bx favor\\b'),
    strategy('please-start', '^\\W*(?:por favor|porfa|x favor)\\b'),
    strategy(
      'hedge',
      '\\b(?:creo que|me parece que|quiza|quizas|tal vez|a lo mejor|puede que|posiblemente|probablemente|un poco|algo de|me temo|lamentablemente|por desgracia)\\b',
    ),
    strategy('gratitude', '\\b(?:gracias|agradezco|agradecemos|agradecido|agradecida|le agradeceria)\\b'),
    strategy(
      'deference',
      '\\b(?:buena pregunta|buena observacion|tiene (?:toda la )?razon|tienes (?:toda la )?razon)\\b',
    ),
    strategy('apology', '\\b(?:lo siento|lo sentimos|perdon|perdone|disculp\\w*|lamento|lamentamos)\\b'),
    strategy('greeting', '^\\W*(?:hola|buenos dias|buenas tardes|buenas noches|buenas|estimad[oa])\\b'),
    strategy('direct-question', '^\\W*¿?\\s*(?:que|por que|como|quien|donde|cuando|cual)\\b[^.!]*\\?'),
    strategy('direct-start', '^\\W*(?:entonces|pues|y|pero|o|mire|mira|oiga|oye|bueno)\\b'),
    strategy('second-person-start', '^\\W*(?:usted|ustedes|tu|su|sus)\\b'),
    strategy('first-person-start', '^\\W*(?:yo|mi|me)\\b'),
    strategy('first-person-plural', '\\b(?:nosotros|nuestro|nuestra|nuestros|nuestras|hemos|vamos)\\b'),
    strategy('by-the-way', '\\b(?:por cierto|a proposito)\\b'),
    strategy(
      'factuality',
      '\\b(?:de hecho|en realidad|la verdad es que|obviamente|claramente|por supuesto)\\b',
    ),
    strategy('counterfactual-modal', '\\b(?:podria|podrian|querria|le importaria|seria tan amable)\\b'),
    strategy('indicative-modal', '\\b(?:puede|puedes|pueden)\\b'),
    strategy('negation', '\\b(?:no|nunca|nada|nadie|ni|tampoco)\\b'),
    strategy('you-people', '\\b(?:ustedes siempre|ustedes nunca|vosotros siempre|vosotros nunca)\\b'),
  ],
};

/** Beyond the neutral zone, the sum of family weights at which the families' tone is tanh(1), about 0.76. */
const FAMILY_TONE_SCALE = 3;
/**
 * A reply whose family weights sum to no more than this either way reads as neutral to the families:
 * a bare "thanks" or the customer's name alone is courtesy, not warmth.
 */
const FAMILY_NEUTRAL_ZONE = 1;

/**
 * The tone the phrase families alone give a reply: the sum of its effects' weights beyond a neutral
 * zone, squashed into −1…+1. The learned model weighs it as one feature (`f:tone`), and it is the
 * tone of a language without a model.
 */
export function familyTone(effects: readonly ReplyEffect[]): number {
  const total = effects.reduce((sum, e) => sum + e.weight, 0);
  const beyond = Math.max(0, Math.abs(total) - FAMILY_NEUTRAL_ZONE) * Math.sign(total);
  return Math.round(Math.tanh(beyond / FAMILY_TONE_SCALE) * 1e6) / 1e6 || 0;
}

/** The languages the strategies are written for. */
export const TONE_LANGUAGES: readonly string[] = Object.keys(STRATEGIES);

const WORD = /[\p{L}\p{N}]+(?:'[\p{L}]+)*/gu;
/** Characters between two words that end a clause: no two-word feature spans them. */
const CLAUSE_BREAK = /[.!?;:,\n()"]/;

/** How long a reply is, in words: a one-word answer reads differently from a paragraph. */
function lengthKey(words: number): string {
  if (words <= 2) return 's:length-1-2';
  if (words <= 6) return 's:length-3-6';
  if (words <= 20) return 's:length-7-20';
  return 's:length-21+';
}

/**
 * Every feature of a reply: its words, pairs of words, strategies, length, punctuation and the
 * lexicon's effects. `text` is the reply in NFC, `folded` its folded copy (same offsets).
 */
export function toneFeatures(
  text: string,
  folded: string,
  language: string,
  effects: readonly ReplyEffect[],
): ToneFeature[] {
  const out: ToneFeature[] = [];
  const words = [...folded.matchAll(WORD)].map((m) => ({
    word: m[0],
    start: m.index,
    end: m.index + m[0].length,
  }));
  for (const [i, w] of words.entries()) {
    out.push({ key: `w:${w.word}`, start: w.start, end: w.end, value: 1 });
    const next = words[i + 1];
    if (next && !CLAUSE_BREAK.test(folded.slice(w.end, next.start))) {
      out.push({ key: `b:${w.word} ${next.word}`, start: w.start, end: next.end, value: 1 });
    }
  }
  // A strategy cue inside a phrase the lexicon has read is already read: "can't" in "I can't apologise
  // enough" is part of an apology, not a refusal.
  const read = effects.filter((e) => e.weight !== 0);
  for (const s of STRATEGIES[language.slice(0, 2)] ?? []) {
    s.pattern.lastIndex = 0;
    for (const m of folded.matchAll(s.pattern)) {
      if (m[0].length === 0) continue;
      const start = m.index;
      const end = m.index + m[0].length;
      if (s.name === 'negation' && read.some((e) => e.start <= start && end <= e.end)) continue;
      out.push({ key: `s:${s.name}`, start, end, value: 1 });
    }
  }
  const trimmed = { start: text.length - text.trimStart().length, end: text.trimEnd().length };
  if (trimmed.end > trimmed.start) {
    out.push({ key: lengthKey(words.length), ...trimmed, value: 1 });
    if (!/[A-ZÁÉÍÓÚÑ]/u.test(text) && /\p{L}/u.test(text))
      out.push({ key: 's:no-capitals', ...trimmed, value: 1 });
  }
  for (const m of text.matchAll(/!+/g))
    out.push({ key: 's:exclamation', start: m.index, end: m.index + m[0].length, value: 1 });
  for (const m of text.matchAll(/\?+/g))
    out.push({ key: 's:question', start: m.index, end: m.index + m[0].length, value: 1 });
  for (const m of text.matchAll(/\b[A-ZÁÉÍÓÚÑ]{3,}\b/gu))
    out.push({ key: 's:capitals', start: m.index, end: m.index + m[0].length, value: 1 });
  for (const e of effects) {
    if (e.weight !== 0)
      out.push({ key: `f:${e.key}`, start: e.start, end: e.end, value: Math.abs(e.weight) });
  }
  const families = familyTone(effects);
  if (families !== 0 && trimmed.end > trimmed.start) out.push({ key: 'f:tone', ...trimmed, value: families });
  return out;
}

/**
 * What the model weighs: each distinct key once, at the largest value it was found with (a word said
 * twice is one feature; the lexicon already makes a repeated phrase worth less).
 */
export function featureValues(features: readonly ToneFeature[]): Map<string, number> {
  const values = new Map<string, number>();
  for (const f of features) {
    const was = values.get(f.key);
    values.set(f.key, was === undefined ? f.value : Math.max(was, f.value));
  }
  return values;
}
