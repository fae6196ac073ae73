/**
 * Playing a playthrough at a person's speed: before each step, the real time a person needs to read
 * what the customers said since their last step and then to type their reply (or take an action)
 * passes on the shift's clock, at whatever pace it runs (real time while a customer in a chat or a
 * call waits; the shift's speed otherwise). The game's clock and scoring targets are calibrated so
 * that a person at this speed who answers in turn loses nobody.
 */
import type { ShiftSession } from '../engine/session';
import type { ShiftEmitted } from '../engine/shiftSteps';
import type { LocalizedText } from '../scenario/types';
import type { StepFile } from './schema';

/** The person the game is calibrated for: reads 200 words a minute, types 30, acts in 4 seconds. */
export const HUMAN_SPEED = { readWordsPerMinute: 200, typeWordsPerMinute: 30, actionMs: 4000 } as const;

const MINUTE = 60_000;

/** The words in a text, as a person counts them. */
export function wordCount(text: string): number {
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

/** Real milliseconds a person takes to read `text`. */
export function readingMs(text: string): number {
  return Math.round((wordCount(text) / HUMAN_SPEED.readWordsPerMinute) * MINUTE);
}

/** Real milliseconds a person takes to type `text`. */
export function typingMs(text: string): number {
  return Math.round((wordCount(text) / HUMAN_SPEED.typeWordsPerMinute) * MINUTE);
}

/** Real milliseconds a person takes over one step, once they have read what came before it. */
export function stepMs(step: StepFile): number {
  if (step.reply !== undefined) return typingMs(step.reply);
  if (step.wait !== undefined) return 0;
  const typed = step.escalate?.note ?? step.promise?.text ?? '';
  return HUMAN_SPEED.actionMs + typingMs(typed);
}

function pick(text: LocalizedText, language: string): string {
  return text[language] ?? Object.values(text)[0] ?? '';
}

/** A person at the desk: lets their reading and typing time pass before each step, and counts it. */
export class HumanClock {
  /** Real milliseconds the run has taken so far, waits included. */
  realMs = 0;
  private heard = 0;

  constructor(
    private readonly session: ShiftSession,
    private readonly language: string,
  ) {}

  /**
   * Lets pass the real time a person needs before `step`: reading what was said, then doing it.
   * Answering a ringing call is one action, taken before anything the caller said can be read.
   */
  getTo(step: StepFile): ShiftEmitted[] {
    const events = this.session.events;
    let reading = 0;
    if (step.do !== 'answer') {
      for (const event of events.slice(this.heard)) {
        if (event.type === 'persona.said') reading += readingMs(pick(event.line, this.language));
      }
      this.heard = events.length;
    }
    const real = reading + stepMs(step);
    this.realMs += real;
    return real > 0 ? this.session.send({ type: 'clock.tick', ms: real }) : [];
  }

  /**
   * Counts a deliberate wait of `gameMs` (for a promise to fall due, for a tier): none when nobody is
   * waiting on the trainee, who skips ahead; otherwise real time at the pace the clock runs.
   */
  waits(gameMs: number): void {
    if (gameMs > 0 && !this.session.isOver && !this.session.canSkip)
      this.realMs += gameMs / this.session.pace;
  }
}
