/**
 * What the engine asks of an analyser: a reading of every reply (its tone, the phrase families it used,
 * each effect with the span that caused it, and the promises it makes with their due times) and of
 * every handoff note (the facts of the case it carries). The engine records each reading in the
 * transcript when it happens, stamped with the analyser's id and version, and scoring, the debrief and
 * every report read that record; nothing judges the same words twice. The shipped implementation is the
 * lexicon analyser in `analysis/`; tests may stand another behind the same interface.
 */
import type { Fact, Limits, PhraseFamily } from '../scenario/types';
import type { PromiseKind } from './intents';

/**
 * What an analyser knows about a reply besides its text: its language, the customer's name, the
 * trainee's earlier replies to this customer, the game time, and the trainee's authority.
 */
export interface ReplyContext {
  readonly language: string;
  readonly customerName: string;
  /** Replies the trainee sent earlier in this contact, oldest first. */
  readonly previous: readonly string[];
  /** The game time the reply is sent at (ms); deadlines in it are read from here. 0 when absent. */
  readonly now?: number;
  /** What the trainee's tier may grant; amounts promised beyond it are flagged. Unchecked when absent. */
  readonly limits?: Limits | null;
}

/** Why an effect has the weight it has. */
export type EffectReason =
  | 'matched'
  | 'negated'
  | 'softened'
  | 'repeated'
  | 'capped'
  | 'beyond-authority'
  | 'name-used'
  | 'capitals';

/**
 * One thing a reply did, with the characters that did it (`start` inclusive, `end` exclusive, in the
 * reply normalised to Unicode NFC), its family, the points it is worth, and a key that explains it
 * (`apologise.negated`, `dismissive.matched`, …).
 */
export interface ReplyEffect {
  readonly start: number;
  readonly end: number;
  readonly family: PhraseFamily;
  readonly weight: number;
  readonly key: `${PhraseFamily}.${EffectReason}`;
}

/**
 * A commitment a reply makes. `dueAt` is the game time its deadline falls on, or null when it gives
 * none; `vague` marks a promise without a real deadline ("soon", "en breve"). Offsets are in the reply
 * normalised to NFC.
 */
export interface DetectedPromise {
  readonly start: number;
  readonly end: number;
  readonly kind: PromiseKind;
  readonly vague: boolean;
  readonly dueAt: number | null;
  readonly deadline: { readonly start: number; readonly end: number } | null;
  readonly hourInferred: boolean;
}

/** The kinds of nonsense a reply can be (see {@link NonsenseReading}). */
export const NONSENSE_KINDS = ['repeated', 'markup', 'no-words'] as const;

/**
 * A reply with no words a person would write, and why: `markup` (tags or placeholders with nothing to
 * read once they are out, `<b></b>`), `repeated` (one short unit over and over, 3,000 x's) or
 * `no-words` (letters that make no words of the reply's language, keyboard mashing). `start`
 * (inclusive) and `end` (exclusive) mark the text that is nonsense in the reply normalised to NFC; it
 * may be the whole reply.
 */
export interface NonsenseReading {
  readonly kind: (typeof NONSENSE_KINDS)[number];
  readonly start: number;
  readonly end: number;
}

/** A feature that moved a reply's learned tone: where, which (`w:…`, `b:…`, `s:…`, `f:…`), and by how much. */
export interface ToneSpan {
  readonly start: number;
  readonly end: number;
  readonly key: string;
  readonly weight: number;
}

/** What an analyser makes of a reply; the persona reacts to its tone and families. */
export interface ReplyAnalysis {
  /** -1 rude or dismissive … +1 warm and professional. */
  readonly tone: number;
  /** The phrase families the reply used, each once, in a stable order. */
  readonly families: readonly PhraseFamily[];
  readonly effects: readonly ReplyEffect[];
  readonly promises: readonly DetectedPromise[];
  /**
   * Every feature of the learned tone that moved it (a word, two words, a politeness strategy, a
   * phrase family), with its span in the reply normalised to NFC, its key (`w:sorry`, `s:hedge`,
   * `f:apologise.matched`) and its weight in the model's log-odds: what read as warm or curt.
   */
  readonly toneSpans: readonly ToneSpan[];
  /**
   * Set when the reply is nonsense, null otherwise. A nonsense reply earns and costs nothing for its
   * phrasing (no effects, families or promises: words hidden in markup count for nothing) and reads
   * as confusing, tone -0.5.
   */
  readonly nonsense: NonsenseReading | null;
}

/**
 * Reads a trainee's words. Must be deterministic: a replay runs it again and expects exactly what the
 * transcript recorded. `id` and `version` name what judged, and change whenever a reading could.
 */
export interface Analyser {
  readonly id: string;
  readonly version: string;
  /** Reads one reply in its context. */
  reply(text: string, context: ReplyContext): ReplyAnalysis;
  /** The ids of the facts a handoff note carries, in the order the case lists them. */
  note(text: string, facts: readonly Fact[]): readonly string[];
}

/** An analyser's id and version, as a transcript, a scorecard and every reading name it. */
export interface AnalyserRef {
  readonly id: string;
  readonly version: string;
}

/** `id@version`: how an analysis event names the analyser that made it. */
export function analyserStamp(ref: AnalyserRef): string {
  return `${ref.id}@${ref.version}`;
}
