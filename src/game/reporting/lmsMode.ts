/**
 * The game inside a learning management system: opens the session the package's launch settings name,
 * takes the learner's name, id and language from it, keeps every save there as resume data, brings a
 * save the learning system kept back into this browser, and reports the finished attempt. Loaded only
 * when the page carries launch settings (see `launch.ts`), so the web game never downloads it.
 */
import { lexiconAnalyser } from '../../core/analysis/lexiconAnalyser';
import type { Scenario } from '../../core/scenario/types';
import type { Scorecard } from '../../core/scoring/scorecard';
import {
  ATTEMPT_FORMAT,
  ATTEMPT_VERSION,
  type AttemptStore,
  type StoredAttempt,
} from '../attempt/attemptStore';
import { UI_LANGUAGES, type UiLanguage } from '../i18n';
import type { Settings } from '../settings';
import type { LmsLaunch } from './launch';
import type { Learner, ReportingSession, ReportProblem, ResumeData, SuspendOutcome } from './reporting';
import { createScormAdapter } from './scorm';
import { type CutSave, saveCutter } from './suspendData';

/** The game's link to the learning system, as every scene sees it. */
export interface LmsMode {
  readonly launch: LmsLaunch;
  /**
   * The open session; null when no learning system answered (the package opened on its own): the game
   * still plays what the package holds, kept on this device only, and says so.
   */
  readonly session: ReportingSession | null;
  /**
   * Why there is no session, or (with a session) what went wrong on the way in, such as resume data
   * it could not read; null when all went well.
   */
  readonly problem: ReportProblem | null;
  /** Real time (ms) the session opened, for the session time reported at the end. */
  readonly openedAt: number;
  /** What the last save kept in the learning system; null before the first. */
  lastSuspend: SuspendOutcome | null;
}

/** What opening the learning system needs from the game. */
export interface LmsWorld {
  readonly window: unknown;
  /** The library's scenarios once loaded (a save is only cut to fit while an attempt plays). */
  readonly scenarios: () => readonly Scenario[] | null;
  readonly now: () => number;
}

/**
 * Opens the session the launch settings name. A failure is not fatal: the attempt is kept on this
 * device and the trainee told why nothing reaches the learning system.
 */
export async function openLms(launch: LmsLaunch, world: LmsWorld): Promise<LmsMode> {
  let cutter: CutSave | null = null;
  const cut: CutSave = (save, inputs) => {
    const scenarios = world.scenarios();
    if (!scenarios) return null;
    cutter ??= saveCutter(scenarios, lexiconAnalyser);
    return cutter(save, inputs);
  };
  const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
  const adapter =
    launch.standard === 'cmi5'
      ? (await import('./cmi5')).createCmi5Adapter(world.window, { wait, now: world.now })
      : launch.standard === 'xapi'
        ? (await import('./xapiDirect')).createXapiAdapter(world.window, { wait, now: world.now })
        : createScormAdapter(launch.standard, world.window, { wait, cut, now: world.now });
  const opened = await adapter.open();
  return {
    launch,
    session: opened.ok ? opened.value : null,
    problem: opened.problems[0] ?? null,
    openedAt: world.now(),
    lastSuspend: null,
  };
}

/** A learner's name as a person reads it: SCORM 1.2 sends "Family, Given". */
export function learnerName(learner: Learner): string {
  const name = (learner.name ?? '').trim();
  const parts = name.split(',').map((part) => part.trim());
  const shown = parts.length === 2 && parts[0] && parts[1] ? `${parts[1]} ${parts[0]}` : name;
  return shown.slice(0, 80);
}

/** The settings the learning system decides: the trainee's name, employee id and language. */
export function learnerSettings(learner: Learner): Partial<Settings> {
  const changes: { -readonly [K in keyof Settings]?: Settings[K] } = {};
  const name = learnerName(learner);
  if (name) changes.trainee = name;
  // The learning system's id is what a manager's records know the trainee by.
  const id = (learner.id ?? '').trim();
  if (id && id.length <= 64 && !/\p{Cc}/u.test(id)) changes.employeeId = id;
  const base = (learner.language ?? '').slice(0, 2).toLowerCase();
  const language = UI_LANGUAGES.find((code) => code === base);
  if (language) changes.language = language as UiLanguage;
  return changes;
}

/** What a save says it plays: a practice scenario (`practice-<id>`, one arrival) or a shift. */
export function playingOfSave(save: string): { mode: 'practice' | 'shift'; playing: string } | null {
  try {
    const shift = (JSON.parse(save) as { shift?: { id?: unknown; arrivals?: { scenario?: unknown }[] } })
      .shift;
    if (typeof shift?.id !== 'string') return null;
    const only = shift.arrivals?.length === 1 ? shift.arrivals[0]?.scenario : null;
    if (shift.id.startsWith('practice-') && typeof only === 'string')
      return { mode: 'practice', playing: only };
    return { mode: 'shift', playing: shift.id };
  } catch {
    return null;
  }
}

/** The seed a save was played with: what tells one attempt's saves from another's. */
export function seedOf(save: string): unknown {
  try {
    return (JSON.parse(save) as { seed?: unknown }).seed;
  } catch {
    return undefined;
  }
}

/**
 * Brings the save the learning system kept into this browser's store, so the menu offers to resume it:
 * unless this browser already holds the same attempt (same seed), which is at least as far along, since
 * every save is written here before it is sent. Returns whether the learning system's save was taken.
 */
export function adoptResume(
  resume: ResumeData,
  store: AttemptStore,
  settings: Settings,
  savedAt: string,
): boolean {
  const local = store.readCurrent();
  if (local.ok && local.value && seedOf(local.value.save) === seedOf(resume.save)) return false;
  const what = playingOfSave(resume.save);
  if (!what) return false;
  const stored: StoredAttempt = {
    format: ATTEMPT_FORMAT,
    version: ATTEMPT_VERSION,
    trainee: settings.trainee,
    traineeId: settings.traineeId,
    employeeId: settings.employeeId || null,
    language: settings.language,
    mode: what.mode,
    playing: what.playing,
    replyMode: settings.replyMode,
    coaching: settings.coaching,
    savedAt,
    save: resume.save,
  };
  return store.saveCurrent(stored).ok;
}

/** The overall score a scorecard reports, and whether it passes the package's mastery score. */
export function passes(scorecard: Scorecard, masteryScore: number): boolean {
  return scorecard.score.overall !== null && scorecard.score.overall >= masteryScore;
}
