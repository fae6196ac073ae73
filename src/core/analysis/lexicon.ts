/**
 * A language's lexicon: the data the reply analyser runs on. Phrase families with weights and
 * patterns, negators, contrast words, honorifics, promise cues and the words that name an offer, all
 * per language, so supporting a language means writing one JSON file, not code. Patterns are regular
 * expressions written against the folded reply (lower case, no accents; see `foldText`).
 */
import { z } from 'zod';
import { PHRASE_FAMILIES, PROMISE_KINDS, RESOLUTION_KINDS } from '../scenario/schema';
import type { PhraseFamily, ResolutionKind } from '../scenario/types';
import en from './lexicons/en.json';
import es from './lexicons/es.json';

const Pattern = z
  .string()
  .min(1)
  .max(400)
  .refine((source) => {
    try {
      new RegExp(source, 'u');
      return true;
    } catch {
      return false;
    }
  }, 'not a valid regular expression');

const Weight = z.number().min(-10).max(10);

const FamilySchema = z.strictObject({
  /** Points one use earns (positive) or costs (negative). */
  weight: Weight,
  /** Uses in one reply that count; more earn nothing ("sorry sorry sorry"). */
  cap: z.number().int().min(1).max(10),
  /**
   * A pattern alone earns the family's weight; one written `{ pattern, weight }` earns its own, for
   * the phrases of a family that mean more than its plain words ("thank you for letting us know"
   * against "thanks").
   */
  patterns: z.array(z.union([Pattern, z.strictObject({ pattern: Pattern, weight: Weight })])).max(200),
});

/** Validates a lexicon file. */
export const LexiconSchema = z.strictObject({
  language: z.string().regex(/^[a-z]{2}(-[A-Z]{2})?$/),
  version: z.number().int().min(1),
  families: z.strictObject(
    Object.fromEntries(PHRASE_FAMILIES.map((f) => [f, FamilySchema])) as Record<
      PhraseFamily,
      typeof FamilySchema
    >,
  ),
  negation: z.strictObject({
    negators: z.array(Pattern).min(1),
    /** Words that end a negator's reach ("no fue apropiada y tiene razón"). */
    stops: z.array(Pattern),
    window: z.number().int().min(1).max(80),
  }),
  contrast: z.strictObject({
    words: z.array(Pattern).min(1),
    window: z.number().int().min(1).max(80),
    factor: z.number().min(0).max(1),
  }),
  repetition: z.strictObject({ decay: z.number().min(0).max(1) }),
  honorifics: z.array(Pattern),
  acronyms: z.array(z.string().min(2).max(12)),
  promise: z.strictObject({
    cues: z.array(Pattern).min(1),
    /** Words that leave a promise with no time even beside one: "soon", "en breve". */
    noTime: z.array(Pattern).min(1),
    /** Words that make a promise vague when it names no time: "once I hear back", "en cuanto". */
    vague: z.array(Pattern).min(1),
    kinds: z.strictObject(
      Object.fromEntries(PROMISE_KINDS.map((k) => [k, z.array(Pattern)])) as Record<
        (typeof PROMISE_KINDS)[number],
        z.ZodArray<typeof Pattern>
      >,
    ),
    partsOfDay: z.array(z.strictObject({ pattern: Pattern, hour: z.number().int().min(0).max(23) })),
    defaultHour: z.number().int().min(0).max(23),
  }),
  offers: z.strictObject(
    Object.fromEntries(RESOLUTION_KINDS.map((k) => [k, z.array(Pattern)])) as Record<
      ResolutionKind,
      z.ZodArray<typeof Pattern>
    >,
  ),
  currency: z.array(Pattern).min(1),
});

/** A lexicon as written in its JSON file. */
export type Lexicon = z.infer<typeof LexiconSchema>;

function union(patterns: readonly string[], flags = 'gu'): RegExp | null {
  if (patterns.length === 0) return null;
  return new RegExp(patterns.map((p) => `(?:${p})`).join('|'), flags);
}

/** A lexicon with its patterns compiled once, ready for the analyser. */
export interface CompiledLexicon {
  readonly source: Lexicon;
  readonly families: readonly {
    readonly family: PhraseFamily;
    readonly weight: number;
    readonly cap: number;
    /**
     * Each pattern on its own, sticky, with the weight a match of it earns: tried where the family
     * matched, to find the longest match.
     */
    readonly patterns: readonly { readonly pattern: RegExp; readonly weight: number }[];
    /** All the family's patterns as one expression, so a reply is searched once per family. */
    readonly pattern: RegExp | null;
  }[];
  readonly negators: RegExp;
  readonly negationStops: RegExp | null;
  readonly contrast: RegExp;
  readonly honorifics: RegExp | null;
  readonly acronyms: ReadonlySet<string>;
  readonly promiseCue: RegExp;
  readonly noTime: RegExp;
  readonly vague: RegExp;
  readonly promiseKinds: readonly {
    readonly kind: (typeof PROMISE_KINDS)[number];
    readonly pattern: RegExp;
  }[];
  readonly partsOfDay: readonly { readonly pattern: RegExp; readonly hour: number }[];
  readonly offers: readonly { readonly kind: ResolutionKind; readonly pattern: RegExp }[];
  readonly currency: RegExp;
  /** The words its patterns spell out (see {@link lexiconWords}), folded. */
  readonly words: ReadonlySet<string>;
}

function patternsIn(value: unknown, out: string[]): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) patternsIn(v, out);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) patternsIn(v, out);
  return out;
}

/**
 * The literal words a lexicon's patterns spell out, in folded form: `\bi (?:can )?understand\b`
 * gives "i", "can" and "understand" (escapes such as `\b` and `\s` are not letters). The nonsense
 * reading takes them as real words whatever their letters, and the Spanish letter pairs learn from them.
 */
export function lexiconWords(source: Lexicon): string[] {
  const { language: _language, version: _version, ...rest } = source;
  return patternsIn(rest, []).flatMap((p) => p.replace(/\\./g, ' ').match(/[a-z\u00f1]+/g) ?? []);
}

/** Compiles a validated lexicon's patterns. */
export function compileLexicon(source: Lexicon): CompiledLexicon {
  const required = (patterns: readonly string[]) => union(patterns) as RegExp;
  return {
    source,
    families: PHRASE_FAMILIES.map((family) => {
      const f = source.families[family];
      const patterns = f.patterns.map((p) =>
        typeof p === 'string' ? { source: p, weight: f.weight } : { source: p.pattern, weight: p.weight },
      );
      return {
        family,
        weight: f.weight,
        cap: f.cap,
        patterns: patterns.map((p) => ({ pattern: new RegExp(p.source, 'uy'), weight: p.weight })),
        pattern: union(patterns.map((p) => p.source)),
      };
    }),
    negators: required(source.negation.negators),
    negationStops: union(source.negation.stops),
    contrast: required(source.contrast.words),
    honorifics: union(source.honorifics),
    acronyms: new Set(source.acronyms),
    promiseCue: required(source.promise.cues),
    noTime: required(source.promise.noTime),
    vague: required(source.promise.vague),
    promiseKinds: PROMISE_KINDS.flatMap((kind) => {
      const pattern = union(source.promise.kinds[kind]);
      return pattern ? [{ kind, pattern }] : [];
    }),
    partsOfDay: source.promise.partsOfDay.map((p) => ({ pattern: new RegExp(p.pattern, 'u'), hour: p.hour })),
    offers: RESOLUTION_KINDS.flatMap((kind) => {
      const pattern = union(source.offers[kind]);
      return pattern ? [{ kind, pattern }] : [];
    }),
    currency: required(source.currency),
    words: new Set(lexiconWords(source)),
  };
}

/** The lexicons shipped with the game, validated, by language. */
export const LEXICONS: Readonly<Record<string, Lexicon>> = {
  en: LexiconSchema.parse(en),
  es: LexiconSchema.parse(es),
};
