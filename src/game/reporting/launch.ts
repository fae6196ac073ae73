/**
 * What a SCORM package tells the game it was built to do: which standard to speak to the learning
 * system, what to play (one scenario, one shift, or the whole library with its menu), the score that
 * passes, and the title. The package builder writes it into the package's `index.html` as a JSON data
 * block; the game reads it at start. A page without it is the ordinary web game.
 *
 * The page is served by the learning system, so the block is read as untrusted input: size-checked,
 * parsed safely and checked field by field, with no library (the game reads it before anything else).
 */
import { fail, type Result, succeed } from '../../core/result';

/** The SCORM editions a package can be built for: 1.2 and 2004 (4th edition). */
export const SCORM_STANDARDS = ['scorm12', 'scorm2004'] as const;
/** A SCORM edition. */
export type ScormStandard = (typeof SCORM_STANDARDS)[number];
/**
 * The learning-system standards a package can be built for: the SCORM editions, cmi5, and xAPI on its
 * own (a Tin Can package, launched with the store's address, credentials and the learner in its URL).
 */
export const LMS_STANDARDS = [...SCORM_STANDARDS, 'cmi5', 'xapi'] as const;
/** A learning-system standard: SCORM 1.2, SCORM 2004 (4th edition), cmi5 or xAPI. */
export type LmsStandard = (typeof LMS_STANDARDS)[number];

/** What a package plays: one scenario as practice, or one shift. */
export interface LmsPlaying {
  readonly mode: 'practice' | 'shift';
  readonly id: string;
}

/** A package's launch settings. */
export interface LmsLaunch {
  readonly standard: LmsStandard;
  /** The scenario or shift the package plays; null: the whole library, from the menu. */
  readonly playing: LmsPlaying | null;
  /** The overall score (a whole number, 0–100) that passes: the pack's mastery score. */
  readonly masteryScore: number;
  /** The package's title as the learning system lists it. */
  readonly title: string;
}

/** Why the launch settings on the page cannot be used. */
export interface LaunchProblem {
  readonly code: 'launch-too-large' | 'launch-not-json' | 'launch-invalid';
  readonly message: string;
}

/** The id of the element that carries the launch settings. */
export const LMS_LAUNCH_ID = 'lms-launch';

/** Far more than real settings take; a bigger block was not written by the builder. */
const MAX_LAUNCH_CHARS = 4096;
const MAX_TITLE_CHARS = 200;
/** The scenario language's id rule (`IdSchema` in core/scenario/schema.ts), kept here without zod. */
const ID_PATTERN = /^[a-z0-9][a-z0-9_-]{0,63}$/;
const WHERE = `The LMS launch settings (<script id="${LMS_LAUNCH_ID}"> in index.html)`;
const FIX = 'Build the package again with npm run build:scorm12, build:scorm2004, build:cmi5 or build:xapi.';

/**
 * The launch settings on `doc`: null when the page has none (the ordinary web game), a problem when
 * they are there but cannot be used, so a broken package says so instead of playing something else.
 */
export function readLmsLaunch(
  doc: Pick<Document, 'getElementById'>,
): Result<LmsLaunch | null, LaunchProblem> {
  const element = doc.getElementById(LMS_LAUNCH_ID);
  if (element === null) return succeed(null);
  return parseLmsLaunch(element.textContent ?? '');
}

/** Reads launch settings from their JSON text; see {@link readLmsLaunch}. */
export function parseLmsLaunch(text: string): Result<LmsLaunch, LaunchProblem> {
  if (text.length > MAX_LAUNCH_CHARS) {
    return problem(
      'launch-too-large',
      `${WHERE} are ${text.length} characters; at most ${MAX_LAUNCH_CHARS}.`,
    );
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return problem('launch-not-json', `${WHERE} are not JSON (${why}).`);
  }
  if (!isRecord(value)) return invalid('are not a JSON object');
  const extra = Object.keys(value).filter(
    (k) => !['standard', 'playing', 'masteryScore', 'title'].includes(k),
  );
  if (extra.length > 0) return invalid(`have a field they do not know: ${extra.join(', ')}`);

  const { standard, playing, masteryScore, title } = value;
  if (!LMS_STANDARDS.some((s) => s === standard)) {
    return invalid(`name the standard ${show(standard)}; it must be one of ${LMS_STANDARDS.join(', ')}`);
  }
  if (
    typeof masteryScore !== 'number' ||
    !Number.isInteger(masteryScore) ||
    masteryScore < 0 ||
    masteryScore > 100
  ) {
    return invalid(`give masteryScore ${show(masteryScore)}; it must be a whole number from 0 to 100`);
  }
  if (typeof title !== 'string' || title.trim() === '' || title.length > MAX_TITLE_CHARS) {
    return invalid(`give the title ${show(title)}; it must be text of 1 to ${MAX_TITLE_CHARS} characters`);
  }
  let played: LmsPlaying | null = null;
  if (playing !== null) {
    if (!isRecord(playing) || Object.keys(playing).some((k) => k !== 'mode' && k !== 'id')) {
      return invalid(`give playing ${show(playing)}; it must be null or { "mode": …, "id": … }`);
    }
    const { mode, id } = playing;
    if (mode !== 'practice' && mode !== 'shift') {
      return invalid(`give playing.mode ${show(mode)}; it must be practice or shift`);
    }
    if (typeof id !== 'string' || !ID_PATTERN.test(id)) {
      return invalid(`give playing.id ${show(id)}; it must be a scenario or shift id such as late-refund`);
    }
    played = { mode, id };
  }
  return succeed({ standard: standard as LmsStandard, playing: played, masteryScore, title });
}

/**
 * The element to put in the package's `<head>`: a JSON data block, which the page's
 * `script-src 'self'` allows because it is never run. Every `<` is escaped so no text in the settings
 * (a title) can close the element early.
 */
export function lmsLaunchScript(launch: LmsLaunch): string {
  // Written field by field, in a fixed order: the same settings always give the same bytes.
  const { standard, playing, masteryScore, title } = launch;
  const json = JSON.stringify({
    standard,
    playing: playing && { mode: playing.mode, id: playing.id },
    masteryScore,
    title,
  }).replace(/</g, '\\u003c');
  return `<script type="application/json" id="${LMS_LAUNCH_ID}">${json}</script>`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function show(value: unknown): string {
  const text = value === undefined ? 'nothing' : JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

function problem(code: LaunchProblem['code'], message: string): Result<never, LaunchProblem> {
  return fail([{ code, message: `${message} ${FIX}` }]);
}

function invalid(what: string): Result<never, LaunchProblem> {
  return problem('launch-invalid', `${WHERE} ${what}.`);
}
