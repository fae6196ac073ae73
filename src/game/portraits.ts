/**
 * Which face a customer shows: their portrait key (or the drawn default) and the expression their
 * mood calls for. Pure functions and one small memory of each contact's last mood change; the
 * pictures are in `assets/portraits/`, packed into one sheet by `src/cli/portraitAtlasPlugin.ts`.
 */
import { DEFAULT_PORTRAIT, isPortraitKey } from '../core/scenario/portraitKeys';

/** The expressions every portrait is drawn in. */
export const EXPRESSIONS = ['calm', 'worried', 'annoyed', 'angry', 'relieved', 'delighted'] as const;
export type Expression = (typeof EXPRESSIONS)[number];

/**
 * The expression for a mood (-1..1) and its last change (the sign matters: a rising mood reads as
 * relief, a falling one as worry). The bands are the desk's mood words: calm from 0.2 (delighted
 * from 0.6, relieved while it rises), uneasy from -0.2 (worried), upset from -0.6 (annoyed), angry
 * below.
 */
export function expressionFor(mood: number, lastChange = 0): Expression {
  if (mood >= 0.6) return 'delighted';
  if (mood >= 0.2) return lastChange > 0 ? 'relieved' : 'calm';
  if (mood >= -0.2) return 'worried';
  if (mood >= -0.6) return 'annoyed';
  return 'angry';
}

/** The portrait key shown for a persona's `look.portrait`: the drawn default for none or an unknown one. */
export function portraitKeyFor(portrait: string | null | undefined): string {
  return portrait && isPortraitKey(portrait) ? portrait : DEFAULT_PORTRAIT;
}

/** The word the desk says a mood in (and the colour of the ring round the customer's face). */
export function moodWord(mood: number): 'calm' | 'uneasy' | 'upset' | 'angry' {
  if (mood >= 0.2) return 'calm';
  if (mood >= -0.2) return 'uneasy';
  if (mood >= -0.6) return 'upset';
  return 'angry';
}

/** The frame name of one portrait in the sheet (and its file's name without `.svg`). */
export function portraitFrame(key: string, expression: Expression): string {
  return `${key}-${expression}`;
}

/**
 * Remembers each contact's last mood and the direction it last moved, so a face can tell relief
 * from plain calm. Seeing the same mood again changes nothing, so the desk and the office may both
 * ask.
 */
export class MoodTrends {
  private readonly seen = new Map<string, { mood: number; change: number }>();

  /** Records `mood` for `contact`; returns its last change (0 until it has moved). */
  observe(contact: string, mood: number): number {
    const before = this.seen.get(contact);
    if (!before) {
      this.seen.set(contact, { mood, change: 0 });
      return 0;
    }
    if (mood !== before.mood) this.seen.set(contact, { mood, change: mood - before.mood });
    return this.seen.get(contact)?.change ?? 0;
  }

  /** The expression for `contact` at `mood`, recording it. */
  expression(contact: string, mood: number): Expression {
    return expressionFor(mood, this.observe(contact, mood));
  }
}

const trends = new WeakMap<object, MoodTrends>();

/** The one memory of mood changes for an attempt, shared by the desk and the office. */
export function moodTrendsOf(attempt: object): MoodTrends {
  let found = trends.get(attempt);
  if (!found) {
    found = new MoodTrends();
    trends.set(attempt, found);
  }
  return found;
}
