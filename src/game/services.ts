/**
 * What every scene is given when the game starts: translations, the compiled library, storage,
 * settings, sound, the DOM overlay and the announcer, plus the attempt in play. Passed to each scene's
 * constructor, so there are no globals and a test page could assemble its own.
 */
import type { i18n } from 'i18next';
import type { PackCheck, Scorecard } from '../core/runtime';
import type { Attempt, AttemptWorld } from './attempt/Attempt';
import type { AttemptStore } from './attempt/attemptStore';
import type { HistoryStore } from './attempt/historyStore';
import type { PackLoader } from './bundledPack';
import type { LmsMode } from './reporting/lmsMode';
import type { SettingsStore } from './settings';
import type { SoundBoard } from './sound';
import type { StudioPlayRequest } from './studioPlay';

/**
 * A trainer's draft play, opened from the studio (`index.html?play=studio`): the request it plays.
 * Such an attempt is never kept in the trainee's history, and its debrief leads back to the studio.
 */
export interface StudioSession {
  readonly request: StudioPlayRequest;
  /**
   * Saves the finished play as a playthrough file. The debrief shows "Save as playthrough" only when
   * this is set; the studio's playthrough writer sets it.
   */
  saveAsPlaythrough: ((attempt: Attempt, scorecard: Scorecard) => void) | null;
}

export interface GameServices {
  readonly i18n: i18n;
  /** Loads the compiled library; `pack` is its value once the loading screen has finished. */
  readonly library: PackLoader;
  readonly pack: PackCheck;
  readonly store: AttemptStore;
  /** Every finished attempt of this browser. */
  readonly history: HistoryStore;
  readonly settings: SettingsStore;
  readonly sound: SoundBoard;
  /** The overlay every screen's controls live in. */
  readonly ui: HTMLElement;
  /** Says something to screen readers (an aria-live region). */
  readonly announce: (text: string) => void;
  /** Shows (or with null, clears) a plain message that stays until dismissed, such as "not saved". */
  readonly notify: (text: string | null) => void;
  /** A fresh seed for a new attempt. */
  readonly seed: () => number;
  readonly now: () => Date;
  /** The attempt in play and the last finished scorecard, handed from scene to scene. */
  readonly play: { attempt: Attempt | null; scorecard: Scorecard | null; finishedId: string | null };
  /** Set when this page plays a draft from the trainer's studio rather than a trainee's attempt. */
  readonly studio?: StudioSession;
  /**
   * Set when the game runs as a package inside a learning management system: the launch settings, the
   * session it reports to, and what the learner's name and language came from.
   */
  readonly lms?: LmsMode;
}

/** Formats a game time as the desk clock shows it (the shift starts on a Monday at 09:00). */
export function clockText(gameMs: number, language: string): string {
  return new Intl.DateTimeFormat(language, {
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(2026, 2, 9, 9, 0, 0) + gameMs));
}

/** Formats a span of game time in minutes or hours, in the trainee's language. */
export function durationText(ms: number, language: string): string {
  // Under a minute in seconds: "after 0 min" read as if nothing had happened.
  if (Math.abs(ms) < 59_500) {
    return new Intl.NumberFormat(language, { style: 'unit', unit: 'second', unitDisplay: 'short' }).format(
      Math.round(Math.abs(ms) / 1000),
    );
  }
  const minutes = Math.round(Math.abs(ms) / 60_000);
  if (minutes < 90)
    return new Intl.NumberFormat(language, { style: 'unit', unit: 'minute', unitDisplay: 'short' }).format(
      minutes,
    );
  return new Intl.NumberFormat(language, {
    style: 'unit',
    unit: 'hour',
    unitDisplay: 'short',
    maximumFractionDigits: 1,
  }).format(minutes / 60);
}

/** What an attempt is started or resumed with: the library, the save, the history and the clock. */
export function attemptWorld(s: GameServices): AttemptWorld {
  return {
    scenarios: s.pack.scenarios,
    shifts: s.pack.shifts,
    store: s.store,
    // A draft play from the studio is scored but never joins the trainee's history.
    history: s.studio ? null : s.history,
    now: s.now,
  };
}

/** Whether this page plays a trainer's draft from the studio (`index.html?play=studio`), not the menu's. */
export function studioPlayAsked(): boolean {
  return new URLSearchParams(window.location.search).get('play') === 'studio';
}
