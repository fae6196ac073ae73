/**
 * The interface the engine uses to understand a trainee's reply: its tone and phrase families are
 * what a persona reacts to. The shipped implementation is the lexicon analyser in `analysis/`; tests
 * may stand another behind the same interface.
 */
import type { Limits, PhraseFamily } from '../scenario/types';

/**
 * What an analyser knows about a reply besides its text: its language, the customer's name and the
 * trainee's earlier replies.
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

/** What an analyser makes of a reply: its tone and the phrase families it used. */
export interface ReplyAnalysis {
  /** -1 rude or dismissive … +1 warm and professional. */
  readonly tone: number;
  /** The phrase families the reply used, each once, in a stable order. */
  readonly families: readonly PhraseFamily[];
}

/**
 * Analyses one trainee reply. Must be deterministic: replays and restores run it again and expect the
 * same analysis.
 */
export type ReplyAnalyser = (text: string, context: ReplyContext) => ReplyAnalysis;
