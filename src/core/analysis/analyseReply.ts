/**
 * The reply analyser: what a trainee's reply does, word by word. It finds the phrase families of the
 * reply's language (from its lexicon), handles negation ("I'm not sorry"), "sorry, but…", repetition
 * (the same canned phrase earns less each time), the customer's name, shouting and amounts beyond the
 * trainee's authority, and reads promises and their deadlines onto the game clock. Every effect carries
 * the span of text that caused it and a key that explains it, so a debrief can highlight exactly the
 * words that earned or cost points. A reply with no words a person would write (markup, one character
 * over and over, keyboard mashing; see `readNonsense`) earns and costs nothing for its phrasing and
 * reads as confusing. Deterministic and offline; it never uses a sentiment lexicon, which would score
 * an apology as negative and "calm down" as positive.
 */
import type {
  DetectedPromise,
  EffectReason,
  ReplyAnalysis,
  ReplyContext,
  ReplyEffect,
} from '../engine/analyser';
import { foldText } from '../scenario/foldText';
import { PENALTY_FAMILIES } from '../scenario/schema';
import type { Limits, PhraseFamily, ResolutionKind } from '../scenario/types';
import { type CompiledLexicon, compileLexicon, LEXICONS, type Lexicon } from './lexicon';
import { readDeadline } from './readDeadline';
import { readNonsense } from './readNonsense';
import { familyTone, toneFeatures } from './toneFeatures';
import { readTone, TONE_MODELS, type ToneWeights } from './toneModel';

/** Everything the analyser found in a reply, with the reply as it read it. */
export interface FullReplyAnalysis extends ReplyAnalysis {
  /** The reply as analysed (Unicode NFC); every offset refers to this text. */
  readonly text: string;
}

const NEGATIVE: ReadonlySet<PhraseFamily> = new Set(PENALTY_FAMILIES);
/** Families whose words, where they overlap a kind phrase, cancel it. */
const CANCELS: ReadonlySet<PhraseFamily> = new Set(['blame', 'dismissive', 'sarcasm', 'overpromise']);
/**
 * What a sarcastic or dismissive phrase leaves hollow in its sentence. Sarcasm means none of its
 * sentence ("Thanks a lot, happy now?"); a dismissal takes back the feeling beside it ("I totally
 * understand, calm down please" understands nothing) but not an action ("Not my department, I'll
 * transfer you"). Blame is not here: "I'm sorry, but you entered the wrong address" still apologises,
 * by half, and the labelled replies mark both.
 */
const HOLLOWS: ReadonlyMap<PhraseFamily, ReadonlySet<PhraseFamily>> = new Map([
  ['sarcasm', new Set<PhraseFamily>(['acknowledge', 'validate', 'apologise', 'thank', 'ownership'])],
  ['dismissive', new Set<PhraseFamily>(['acknowledge', 'validate', 'apologise', 'thank'])],
]);
/** Families whose meaning a negator in front of them reverses. */
const NEGATABLE: ReadonlySet<PhraseFamily> = new Set([
  'acknowledge',
  'validate',
  'apologise',
  'thank',
  'ownership',
]);
/** Families a following "but" undoes by half. */
const SOFTENABLE: ReadonlySet<PhraseFamily> = new Set(['acknowledge', 'validate', 'apologise']);
/** A negated empathy phrase costs this share of what it would have earned. */
const NEGATED_SHARE = -0.5;
/** The tone of a nonsense reply: the customer is confused, not insulted. */
const NONSENSE_TONE = -0.5;

/** The characters that end a clause, and those that end a sentence, by character code. */
const CLAUSE_END_CODES: ReadonlySet<number> = new Set([...'.,;:!?\n'].map((c) => c.charCodeAt(0)));
const SENTENCE_END_CODES: ReadonlySet<number> = new Set([...'.!?;\n'].map((c) => c.charCodeAt(0)));

interface Match {
  start: number;
  end: number;
  family: PhraseFamily;
  weight: number;
  reason: EffectReason;
}

function round(value: number): number {
  return Math.round(value * 1e6) / 1e6 || 0;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function allMatches(pattern: RegExp, text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    if (m[0].length === 0) {
      pattern.lastIndex += 1;
      continue;
    }
    out.push({ start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/** `test` for a global pattern, from the start of the text whatever an earlier search left behind. */
function matchesIn(pattern: RegExp, text: string): boolean {
  pattern.lastIndex = 0;
  return pattern.test(text);
}

/**
 * Where clauses and sentences begin and end in a reply, found once so that each match looks its
 * boundaries up by binary search instead of scanning the text again (long replies stay linear).
 */
class Bounds {
  private readonly clauses: number[] = [];
  private readonly sentences: number[] = [];

  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i += 1) {
      const code = text.charCodeAt(i);
      if (CLAUSE_END_CODES.has(code)) this.clauses.push(i);
      if (SENTENCE_END_CODES.has(code)) this.sentences.push(i);
    }
  }

  /** The first boundary at or after `at`, or -1. */
  private static next(list: readonly number[], at: number): number {
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((list[mid] ?? 0) < at) lo = mid + 1;
      else hi = mid;
    }
    return lo < list.length ? lo : -1;
  }

  private before(list: readonly number[], at: number): number {
    const i = Bounds.next(list, at);
    const index = i < 0 ? list.length - 1 : i - 1;
    return index >= 0 ? (list[index] ?? -1) + 1 : 0;
  }

  private after(list: readonly number[], at: number): number {
    const i = Bounds.next(list, at);
    return i < 0 ? this.text.length : (list[i] ?? this.text.length);
  }

  clauseStart(at: number): number {
    return this.before(this.clauses, at);
  }

  sentenceStart(at: number): number {
    return this.before(this.sentences, at);
  }

  sentenceEnd(at: number): number {
    return this.after(this.sentences, at);
  }
}

/**
 * Matches per family: the family's patterns are searched together, and where one matches, the longest
 * match of any of its patterns at that place is taken, with that pattern's weight (the first listed
 * of equally long ones); overlapping matches of a family count once.
 */
function familyMatches(lexicon: CompiledLexicon, folded: string): Match[] {
  const found: Match[] = [];
  for (const { family, weight: familyWeight, pattern, patterns } of lexicon.families) {
    if (!pattern) continue;
    pattern.lastIndex = 0;
    for (let m = pattern.exec(folded); m; m = pattern.exec(folded)) {
      let weight = familyWeight;
      let longest = -1;
      for (const single of patterns) {
        single.pattern.lastIndex = m.index;
        const here = single.pattern.exec(folded);
        if (here && here[0].length > longest) {
          longest = here[0].length;
          weight = single.weight;
        }
      }
      const end = m.index + Math.max(m[0].length, longest);
      if (end === m.index) {
        pattern.lastIndex = m.index + 1;
        continue;
      }
      found.push({ start: m.index, end, family, weight, reason: 'matched' });
      pattern.lastIndex = end;
    }
  }
  return found;
}

/** Each lexicon's name patterns, by customer name: built once, not for every reply. */
const namePatterns = new WeakMap<CompiledLexicon, Map<string, RegExp | null>>();

function namePattern(lexicon: CompiledLexicon, customerName: string): RegExp | null {
  let patterns = namePatterns.get(lexicon);
  if (!patterns) {
    patterns = new Map();
    namePatterns.set(lexicon, patterns);
  }
  const known = patterns.get(customerName);
  if (known !== undefined) return known;
  const words = foldText(customerName.normalize('NFC'))
    .split(/[\s,]+/)
    .filter((w) => w.length > 1);
  const first = words[0];
  let pattern: RegExp | null = null;
  if (first) {
    const surnames = words.slice(1).map(escapeRegExp);
    const honorific = lexicon.source.honorifics.join('|');
    const forms = [`${escapeRegExp(words.join(' '))}`, escapeRegExp(first)];
    if (surnames.length > 0 && honorific) forms.unshift(`(?:${honorific})\\.?\\s+(?:${surnames.join('|')})`);
    pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${forms.join('|')})(?![\\p{L}\\p{N}])`, 'gu');
  }
  if (patterns.size > 500) patterns.clear();
  patterns.set(customerName, pattern);
  return pattern;
}

function nameMatches(lexicon: CompiledLexicon, folded: string, text: string, customerName: string): Match[] {
  const pattern = namePattern(lexicon, customerName);
  if (!pattern) return [];
  // Names that are also words (Will, Grace, Rosa, Luz) count only when written as a name, with a
  // capital, unless the trainee writes everything in lower case.
  const casual = !/\p{Lu}/u.test(text);
  const hit = allMatches(pattern, folded).find((m) => casual || /\p{Lu}/u.test(text.slice(m.start, m.end)));
  const family = lexicon.families.find((f) => f.family === 'name');
  return hit && family ? [{ ...hit, family: 'name', weight: family.weight, reason: 'name-used' }] : [];
}

const CAPITAL_WORD = /(?<![\p{L}\p{N}])\p{Lu}{2,}(?![\p{L}\p{N}])/gu;

function capitalsMatch(lexicon: CompiledLexicon, text: string): Match[] {
  const words = allMatches(CAPITAL_WORD, text).filter(
    (w) => !lexicon.acronyms.has(text.slice(w.start, w.end)),
  );
  const family = lexicon.families.find((f) => f.family === 'shouting');
  const first = words[0];
  const last = words[words.length - 1];
  if (words.length < 2 || !first || !last || !family) return [];
  return [
    { start: first.start, end: last.end, family: 'shouting', weight: family.weight, reason: 'capitals' },
  ];
}

function parseAmount(raw: string): number {
  const digits = raw.replace(/\s/g, '');
  // "1.200" and "1,200" are thousands; "12,50" and "12.50" are decimals.
  const normalised = /[.,]\d{3}$/.test(digits) ? digits.replace(/[.,]/g, '') : digits.replace(',', '.');
  return Number(normalised);
}

/** Each lexicon's pattern for an amount of money, built once. */
const amountPatterns = new WeakMap<CompiledLexicon, RegExp>();

function amountPattern(lexicon: CompiledLexicon): RegExp {
  let pattern = amountPatterns.get(lexicon);
  if (!pattern) {
    const currency = lexicon.source.currency.join('|');
    const number = '(\\d{1,3}(?:[.,\\s]\\d{3})+|\\d+)(?:[.,](\\d{1,2}))?';
    pattern = new RegExp(`(?:(?:${currency})\\s?${number})|(?:${number}\\s?(?:${currency}))`, 'gu');
    amountPatterns.set(lexicon, pattern);
  }
  return pattern;
}

function amountsBeyondAuthority(
  lexicon: CompiledLexicon,
  bounds: Bounds,
  limits: Limits,
  committed: (start: number) => boolean,
): Match[] {
  const folded = bounds.text;
  const amount = amountPattern(lexicon);
  const family = lexicon.families.find((f) => f.family === 'overpromise');
  if (!family) return [];
  const out: Match[] = [];
  amount.lastIndex = 0;
  for (let m = amount.exec(folded); m; m = amount.exec(folded)) {
    const start = m.index;
    const end = start + m[0].length;
    const value = parseAmount(`${m[1] ?? m[3] ?? ''}${(m[2] ?? m[4]) ? `.${m[2] ?? m[4]}` : ''}`);
    const sentence = folded.slice(bounds.sentenceStart(start), bounds.sentenceEnd(end));
    const kind = lexicon.offers.find((o) => {
      o.pattern.lastIndex = 0;
      return o.pattern.test(sentence);
    })?.kind as ResolutionKind | undefined;
    if (!kind || kind === 'information' || !committed(start)) continue;
    if (value > limits[kind]) {
      out.push({ start, end, family: 'overpromise', weight: family.weight, reason: 'beyond-authority' });
    }
  }
  return out;
}

function findPromises(
  lexicon: CompiledLexicon,
  text: string,
  bounds: Bounds,
  language: string,
  now: number,
): DetectedPromise[] {
  const folded = bounds.text;
  const promises: DetectedPromise[] = [];
  let start = 0;
  while (start < text.length) {
    const end = bounds.sentenceEnd(start);
    const sentence = folded.slice(start, end);
    lexicon.promiseCue.lastIndex = 0;
    if (lexicon.promiseCue.test(sentence)) {
      const deadline = readDeadline(text.slice(start, end), language, now, {
        partsOfDay: lexicon.partsOfDay,
        defaultHour: lexicon.source.promise.defaultHour,
        fold: foldText,
      });
      const noTime = matchesIn(lexicon.noTime, sentence);
      const vagueWords = noTime || matchesIn(lexicon.vague, sentence);
      if (deadline || vagueWords) {
        const kind =
          lexicon.promiseKinds.find((k) => {
            k.pattern.lastIndex = 0;
            return k.pattern.test(sentence);
          })?.kind ?? 'update';
        const lead = sentence.length - sentence.trimStart().length;
        // "soon" leaves a promise with no time even beside one: "soon, by 3 pm" commits to neither.
        const due = noTime ? null : deadline;
        promises.push({
          start: start + lead,
          end: start + sentence.trimEnd().length,
          kind,
          vague: due === null,
          dueAt: due?.dueAt ?? null,
          deadline: due ? { start: start + due.start, end: start + due.end } : null,
          hourInferred: due?.hourInferred ?? false,
        });
      }
    }
    start = end + 1;
  }
  return promises;
}

/** Options for {@link analyseReply} beyond the reply's context. */
export interface AnalyseOptions {
  /** The lexicons by language; the shipped ones when absent. */
  readonly lexicons?: Readonly<Record<string, CompiledLexicon>>;
  /** Whether to read promises and their deadlines (the slowest part); true when absent. */
  readonly promises?: boolean;
  /** The learned tone models by language (the shipped ones when absent; `{}` reads tone from the families alone). */
  readonly toneModels?: Readonly<Record<string, ToneWeights>>;
}

const compiled = new Map<Lexicon, CompiledLexicon>();
function shippedLexicon(language: string): CompiledLexicon {
  const source = LEXICONS[language.slice(0, 2)] ?? (LEXICONS.en as Lexicon);
  let lexicon = compiled.get(source);
  if (!lexicon) {
    lexicon = compileLexicon(source);
    compiled.set(source, lexicon);
  }
  return lexicon;
}

/**
 * Analyses one reply in its context. Pure and deterministic: the same text and context always give
 * the same analysis, which is what lets a transcript replay to the same score.
 */
export function analyseReply(
  raw: string,
  context: ReplyContext,
  options: AnalyseOptions = {},
): FullReplyAnalysis {
  const text = raw.normalize('NFC');
  const lexicon = options.lexicons?.[context.language] ?? shippedLexicon(context.language);
  const nonsense = readNonsense(text, {
    language: context.language,
    known: lexicon.words,
    customerName: context.customerName,
  });
  if (nonsense) {
    return { text, tone: NONSENSE_TONE, toneSpans: [], families: [], effects: [], promises: [], nonsense };
  }
  const folded = foldText(text);
  const bounds = new Bounds(folded);
  const now = context.now ?? 0;

  let matches = familyMatches(lexicon, folded);
  matches.push(...nameMatches(lexicon, folded, text, context.customerName));
  matches.push(...capitalsMatch(lexicon, text));

  // A kind phrase inside a dismissive or sarcastic one ("sorry you feel that way") earns nothing.
  const opposites = matches.filter((m) => CANCELS.has(m.family));
  matches = matches.filter(
    (m) => NEGATIVE.has(m.family) || !opposites.some((n) => n.start < m.end && m.start < n.end),
  );

  const stops = lexicon.negationStops ? allMatches(lexicon.negationStops, folded) : [];
  const negators = allMatches(lexicon.negators, folded);
  // A negator reaches only up to the next "and" or "but": "no fue apropiada y tiene razón".
  const negates = (n: { start: number; end: number }, at: number) =>
    !stops.some((stop) => stop.start >= n.end && stop.end <= at);
  const contrasts = allMatches(lexicon.contrast, folded);
  const { window: negationWindow } = lexicon.source.negation;
  const { window: contrastWindow, factor } = lexicon.source.contrast;
  for (const m of matches) {
    if (NEGATABLE.has(m.family)) {
      const from = Math.max(bounds.clauseStart(m.start), m.start - negationWindow);
      if (negators.some((n) => n.start >= from && n.end <= m.start && negates(n, m.start))) {
        m.weight *= NEGATED_SHARE;
        m.reason = 'negated';
        continue;
      }
    }
    if (SOFTENABLE.has(m.family)) {
      const to = Math.min(bounds.sentenceEnd(m.end), m.end + contrastWindow);
      if (contrasts.some((c) => c.start >= m.end && c.start <= to)) {
        m.weight *= factor;
        m.reason = 'softened';
      }
    }
  }

  // Sarcasm or a dismissal leaves what the kind words of its sentence would earn hollow (see HOLLOWS)
  // and still costs itself; a kind phrase turned against itself ("I'm not sorry") still costs too.
  const hollow = matches.flatMap((m) => {
    const families = HOLLOWS.get(m.family);
    return families
      ? [{ families, start: bounds.sentenceStart(m.start), end: bounds.sentenceEnd(m.end - 1) }]
      : [];
  });
  matches = matches.filter(
    (m) =>
      m.weight <= 0 || !hollow.some((h) => h.families.has(m.family) && h.start <= m.start && m.end <= h.end),
  );

  // The same canned phrase earns less each time the trainee has already used it with this customer.
  if (context.previous.length > 0) {
    const earlier = context.previous.map((p) => foldText(p.normalize('NFC')));
    const { decay } = lexicon.source.repetition;
    for (const m of matches) {
      if (m.weight <= 0 || m.family === 'name') continue;
      const phrase = folded.slice(m.start, m.end).trim();
      const times = earlier.filter((p) => p.includes(phrase)).length;
      if (times > 0) {
        m.weight *= decay ** times;
        m.reason = 'repeated';
      }
    }
  }

  const promises =
    options.promises === false ? [] : findPromises(lexicon, text, bounds, context.language, now);
  if (context.limits) {
    const cue = lexicon.promiseCue;
    const ownership = lexicon.families.find((f) => f.family === 'ownership')?.pattern ?? null;
    const committed = (at: number) => {
      const sentence = folded.slice(bounds.sentenceStart(at), bounds.sentenceEnd(at));
      return matchesIn(cue, sentence) || (ownership !== null && matchesIn(ownership, sentence));
    };
    matches.push(...amountsBeyondAuthority(lexicon, bounds, context.limits, committed));
  }

  matches.sort((a, b) => a.start - b.start || a.end - b.end || a.family.localeCompare(b.family));
  const used = new Map<PhraseFamily, number>();
  for (const m of matches) {
    const cap = lexicon.families.find((f) => f.family === m.family)?.cap ?? 1;
    const count = (used.get(m.family) ?? 0) + 1;
    used.set(m.family, count);
    if (count > cap && m.weight !== 0) {
      m.weight = 0;
      m.reason = 'capped';
    }
  }

  const effects: ReplyEffect[] = matches.map((m) => ({
    start: m.start,
    end: m.end,
    family: m.family,
    weight: round(m.weight),
    key: `${m.family}.${m.reason}`,
  }));
  const net = new Map<PhraseFamily, number>();
  for (const e of effects) net.set(e.family, (net.get(e.family) ?? 0) + e.weight);
  const families = lexicon.families
    .map((f) => f.family)
    .filter((family) => {
      const sum = net.get(family) ?? 0;
      return NEGATIVE.has(family) ? sum < 0 : sum > 0;
    });
  // The tone is the learned model's reading of every feature, the families' effects among them; a
  // language without a model falls back to the sum of its families' weights.
  const model = (options.toneModels ?? TONE_MODELS)[context.language.slice(0, 2)];
  if (model) {
    const reading = readTone(toneFeatures(text, folded, context.language, effects), model);
    return {
      text,
      tone: reading.tone,
      toneSpans: reading.spans,
      families,
      effects,
      promises,
      nonsense: null,
    };
  }
  return {
    text,
    tone: familyTone(effects),
    toneSpans: [],
    families,
    effects,
    promises,
    nonsense: null,
  };
}
