/**
 * The request the studio leaves for the game page to play a draft: the compiled scenario, the
 * language, and where to start (a beat, with the persona's feelings and the facts the trainee knows).
 * The game page reads it when opened as `index.html?play=studio` (`src/game/studioPlay.ts`, which
 * takes the key, format, version and shape from here).
 */
import type { PersonaStart, Scenario } from '../core/scenario/types';

/** The localStorage key the request is kept under. */
export const STUDIO_PLAY_KEY = 'escalation-desk.studio-play';
/** The request's `format`; `version` changes when its shape does. */
export const STUDIO_PLAY_FORMAT = 'escalation-desk.studio-play';
export const STUDIO_PLAY_VERSION = 1;
/** Where the game plays the request. */
export const STUDIO_PLAY_URL = 'index.html?play=studio';

/** A start mid-scenario: the beat, and the feelings and known facts chosen for it (the engine's start). */
export type PlayFrom = PersonaStart;

/** How the trainee replies in the play: typing, or picking the scenario's authored choices. */
export type ReplyMode = 'typed' | 'choices';

/** The request as stored (JSON). */
export interface StudioPlayRequest {
  readonly format: typeof STUDIO_PLAY_FORMAT;
  readonly version: typeof STUDIO_PLAY_VERSION;
  readonly scenario: Scenario;
  readonly language: 'en' | 'es';
  readonly from: PlayFrom | null;
  /** Absent: the reply mode the game's settings hold. */
  readonly replyMode?: ReplyMode;
}

/** The request for playing `scenario` in `language`, from its start or from a beat. */
export function playRequest(
  scenario: Scenario,
  language: 'en' | 'es',
  from: PlayFrom | null,
  replyMode?: ReplyMode,
): StudioPlayRequest {
  return {
    format: STUDIO_PLAY_FORMAT,
    version: STUDIO_PLAY_VERSION,
    scenario,
    language,
    from,
    ...(replyMode ? { replyMode } : {}),
  };
}

/**
 * Leaves the request for the game and opens the game in a new tab. False when the browser would not
 * keep it (storage off or full) or would not open the tab; the page says so.
 */
export function startPlay(
  request: StudioPlayRequest,
  browser: { storage: Pick<Storage, 'setItem'>; open: (url: string) => unknown } = {
    storage: localStorage,
    open: (url) => window.open(url, '_blank'),
  },
): boolean {
  try {
    browser.storage.setItem(STUDIO_PLAY_KEY, JSON.stringify(request));
  } catch {
    return false;
  }
  return browser.open(STUDIO_PLAY_URL) !== null;
}
