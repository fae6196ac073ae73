/**
 * What every panel of the desk is drawn from: the attempt, the scenarios, the trainee's options, what
 * the desk asks the game to do, and the desk's own state (who is selected, what was seen, drafts).
 * Panels are functions of this; none of them keeps state of its own.
 */
import type { TFunction } from 'i18next';
import type { Scenario, ShiftSession } from '../../../core/runtime';
import type { Attempt, DeskIntent } from '../../attempt/Attempt';
import { type ConversationLine, conversation } from '../../attempt/deskView';

/** What the desk asks the game to do. */
export interface DeskActions {
  readonly act: (intent: DeskIntent) => void;
  readonly togglePause: () => void;
  /** Skips to the next event when nobody is waiting on the trainee. */
  readonly skip: () => void;
  readonly setSpeed: (speed: number) => void;
  readonly finish: () => void;
  /** Opens "How it works". */
  readonly howItWorks: () => void;
  /** Turns the keyboard shortcuts on or off, and keeps the choice. */
  readonly setShortcuts: (on: boolean) => void;
}

/** The trainee's language and preferences, as the desk reads them. */
export interface DeskOptions {
  readonly t: TFunction;
  readonly language: string;
  readonly replyMode: 'typed' | 'choices';
  readonly coaching: boolean;
  /** No typing pause before a customer's words appear. */
  readonly reducedMotion: boolean;
  readonly shortcuts: boolean;
  /** What the top bar says when this is a trainer's draft from the studio; null for a trainee's attempt. */
  readonly draft?: string | null;
}

/** The desk's own state: not part of the attempt, so nothing is scored on it. */
export interface DeskState {
  selected: string | null;
  /** How many of each customer's lines the trainee has had on screen (the rest are unread). */
  readonly seen: Map<string, number>;
  /** How many lines of each conversation are shown: a chat customer's words wait while they type. */
  readonly shown: Map<string, number>;
  /** The contact whose customer is shown typing, if any. */
  typing: string | null;
  /** Half-typed replies and notes, per contact and field, kept when the trainee looks elsewhere. */
  readonly drafts: Map<string, string>;
  /**
   * The game time the desk opened at: a contact that arrives from then on slides into the queue; those
   * already there when the desk opened (a resumed attempt) are simply listed.
   */
  openedAt: number;
}

/** Everything a panel needs. */
export interface DeskContext {
  readonly attempt: Attempt;
  readonly scenarios: readonly Scenario[];
  readonly options: DeskOptions;
  readonly actions: DeskActions;
  readonly state: DeskState;
  /** Redraws the desk (after the desk's own state changed). */
  readonly redraw: () => void;
  /** Selects a contact, marking its lines seen. */
  readonly select: (contact: string) => void;
  /** Puts focus in the reply box (or the first authored reply), once the desk has redrawn. */
  readonly focusReply: () => void;
}

/** The scenario a contact plays. */
export function scenarioOf(ctx: DeskContext, contact: string): Scenario | undefined {
  const id = ctx.attempt.session.context.contacts.find((c) => c.id === contact)?.scenario;
  return ctx.scenarios.find((s) => s.id === id);
}

/** The customer's name for a contact. */
export function nameOf(ctx: DeskContext, contact: string): string {
  return scenarioOf(ctx, contact)?.persona.name ?? contact;
}

/** The most characters a reply may have; the box says so as it nears it. */
export const REPLY_LIMIT = 2000;
/** From how many characters the reply box shows its count. */
export const REPLY_COUNT_FROM = 1600;

/** The conversations last read from each session, and how long its transcript was then. */
const read = new WeakMap<
  ShiftSession,
  { readonly entries: number; readonly language: string; readonly lines: Map<string, ConversationLine[]> }
>();

/**
 * The conversation with a contact (see `conversation`), read again only when the transcript has grown.
 * Reading folds the whole transcript, and the desk asks for it several times at every redraw (twice a
 * second): the same answer, since a transcript only grows, and a new line is always a new entry.
 */
export function conversationNow(
  session: ShiftSession,
  contact: string,
  language: string,
): ConversationLine[] {
  const entries = session.transcript.entries.length;
  let cached = read.get(session);
  if (!cached || cached.entries !== entries || cached.language !== language) {
    cached = { entries, language, lines: new Map() };
    read.set(session, cached);
  }
  let lines = cached.lines.get(contact);
  if (!lines) {
    lines = conversation(session, contact, language);
    cached.lines.set(contact, lines);
  }
  return lines;
}
