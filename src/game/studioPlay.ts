/**
 * The request the trainer's studio leaves for the game when it plays a draft: the compiled scenario,
 * the language, and where to start. The studio writes it to localStorage under
 * {@link STUDIO_PLAY_KEY} and opens `index.html?play=studio` in a new tab; the game reads it here.
 *
 * Storage is untrusted (another tab, an older studio, a hand edit): the request is size-checked,
 * parsed safely and validated, and every way it can be wrong comes back as a problem the page can
 * show, never as an exception. The compiled scenario is the compiler's output, so, as with released
 * scenario files, the fields the desk depends on are checked and the rest is taken as written.
 */
import { z } from 'zod';
import { looksLikeScenario } from '../core/engine/released';
import type { PackCheck } from '../core/pack/checkPack';
import { fail, type Result, succeed } from '../core/result';
import { packFromDownload } from '../core/scenario/packDownload';
import type { Scenario } from '../core/scenario/types';
import {
  type PlayFrom,
  STUDIO_PLAY_FORMAT,
  STUDIO_PLAY_KEY,
  STUDIO_PLAY_VERSION,
  type StudioPlayRequest,
} from '../studio/playRequest';
import type { KeyValueStorage, WriteResult } from './attempt/attemptStore';

export { STUDIO_PLAY_FORMAT, STUDIO_PLAY_KEY, STUDIO_PLAY_VERSION, type StudioPlayRequest };

/** Where "Back to the studio" goes, beside index.html. */
export const STUDIO_PAGE = 'studio.html';
/** Requests larger than this are refused before parsing (the largest shipped scenario is far smaller). */
export const MAX_STUDIO_PLAY_CHARS = 2 * 1024 * 1024;

/** Where a "Play from ‹beat›" starts: the beat, and the persona's feelings and known facts there. */
export type StudioPlayStart = PlayFrom;

/** Why a request cannot be played; each code has a message in the locales (`studioPlay.problems.*`). */
export type StudioPlayProblemCode =
  | 'missing'
  | 'too-large'
  | 'not-json'
  | 'not-a-request'
  | 'other-version'
  | 'damaged'
  | 'damaged-scenario'
  | 'language'
  | 'unknown-beat'
  | 'unknown-fact'
  | 'bad-start';

/** A request that cannot be played: the code, and the detail (a field, a version, an id) if any. */
export interface StudioPlayProblem {
  readonly code: StudioPlayProblemCode;
  readonly detail: string;
}

/** The outcome of reading a request. */
export type StudioPlayRead = Result<StudioPlayRequest, StudioPlayProblem>;

const StartSchema = z.strictObject({
  beat: z.string().min(1).max(200),
  mood: z.number().min(-1).max(1).optional(),
  trust: z.number().min(0).max(1).optional(),
  patience: z.number().min(0).max(1).optional(),
  facts: z.array(z.string().min(1).max(200)).max(500).optional(),
});

const RequestSchema = z.strictObject({
  format: z.literal(STUDIO_PLAY_FORMAT),
  version: z.literal(STUDIO_PLAY_VERSION),
  scenario: z.unknown(),
  language: z.enum(['en', 'es']),
  from: StartSchema.nullable(),
  replyMode: z.enum(['typed', 'choices']).optional(),
});

/** The compiled fields the desk reads before anything else; a scenario without them is damaged. */
function hasDeskFields(scenario: Scenario): boolean {
  const value = scenario as unknown as Record<string, unknown>;
  const persona = value.persona as Record<string, unknown> | null | undefined;
  const isText = (text: unknown) => typeof text === 'object' && text !== null && !Array.isArray(text);
  return (
    scenario.id.length > 0 &&
    isText(value.title) &&
    typeof persona === 'object' &&
    persona !== null &&
    typeof persona.name === 'string' &&
    Array.isArray(value.facts) &&
    Array.isArray(value.tiers) &&
    Array.isArray(value.anywhere) &&
    Array.isArray(value.reactions) &&
    Array.isArray(value.escalation) &&
    Array.isArray(value.languages) &&
    typeof value.start === 'string' &&
    typeof value.channel === 'string' &&
    typeof value.expected === 'object' &&
    typeof value.scoring === 'object' &&
    scenario.beats.length > 0 &&
    scenario.beats.every(
      (beat) => typeof beat === 'object' && beat !== null && typeof beat.id === 'string',
    ) &&
    scenario.beats.some((beat) => beat.id === scenario.start)
  );
}

/** Reads a request from its stored text (null when nothing is stored). Never throws. */
export function parseStudioPlay(raw: string | null): StudioPlayRead {
  const problem = (code: StudioPlayProblemCode, detail = '') => fail([{ code, detail }]);
  if (raw === null || raw.trim() === '') return problem('missing');
  if (raw.length > MAX_STUDIO_PLAY_CHARS) return problem('too-large');
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return problem('not-json');
  }
  const envelope = value as { format?: unknown; version?: unknown } | null;
  if (typeof envelope !== 'object' || envelope === null || envelope.format !== STUDIO_PLAY_FORMAT)
    return problem('not-a-request');
  if (envelope.version !== STUDIO_PLAY_VERSION) return problem('other-version', String(envelope.version));
  const parsed = RequestSchema.safeParse(value);
  if (!parsed.success) return problem('damaged', parsed.error.issues[0]?.path.join('.') || 'request');
  const { scenario, language, from, replyMode } = parsed.data;
  if (!looksLikeScenario(scenario) || !hasDeskFields(scenario)) return problem('damaged-scenario');
  if (!scenario.languages.includes(language)) return problem('language', language);
  if (from) {
    if (!scenario.beats.some((beat) => beat.id === from.beat)) return problem('unknown-beat', from.beat);
    const unknown = from.facts?.find((fact) => !scenario.facts.some((f) => f.id === fact));
    if (unknown !== undefined) return problem('unknown-fact', unknown);
  }
  return succeed({
    format: STUDIO_PLAY_FORMAT,
    version: STUDIO_PLAY_VERSION,
    scenario,
    language,
    from,
    ...(replyMode ? { replyMode } : {}),
  });
}

/** Reads the request the studio left in `storage` (see {@link parseStudioPlay}). */
export function readStudioPlay(storage: KeyValueStorage | null): StudioPlayRead {
  let raw: string | null = null;
  try {
    raw = storage?.getItem(STUDIO_PLAY_KEY) ?? null;
  } catch {
    raw = null;
  }
  return parseStudioPlay(raw);
}

/** The text a request is stored as, for the studio to write (or a test to seed). */
export function studioPlayText(
  scenario: Scenario,
  language: 'en' | 'es',
  from: StudioPlayStart | null = null,
): string {
  const request: StudioPlayRequest = {
    format: STUDIO_PLAY_FORMAT,
    version: STUDIO_PLAY_VERSION,
    scenario,
    language,
    from,
  };
  return JSON.stringify(request);
}

/** Writes a request for the game to play; says whether storage took it (it may be full or disabled). */
export function writeStudioPlay(
  storage: KeyValueStorage | null,
  scenario: Scenario,
  language: 'en' | 'es',
  from: StudioPlayStart | null = null,
): WriteResult {
  if (!storage) return fail([{ code: 'disabled' }]);
  try {
    storage.setItem(STUDIO_PLAY_KEY, studioPlayText(scenario, language, from));
    return succeed(undefined);
  } catch (error) {
    const name = error instanceof Error ? error.name : '';
    return fail([{ code: name === 'QuotaExceededError' ? 'full' : 'failed' }]);
  }
}

/**
 * The library with the draft in it: the draft replaces a shipped scenario of the same id (a trainer
 * editing a shipped scenario plays their edit), or joins the list.
 */
export function libraryWithDraft(library: PackCheck, draft: Scenario): PackCheck {
  const others = library.scenarios.filter((scenario) => scenario.id !== draft.id);
  // A draft sent as scenario-pack.json sends scenarios (without the pack's reactions) is made whole.
  const [whole = draft] = packFromDownload({ pack: library.pack, scenarios: [draft] }).scenarios;
  return { ...library, scenarios: [whole, ...others] };
}

/**
 * Back to the studio: to the studio tab that opened this play when it is still open (so the trainer
 * does not end up with two studios editing the same drafts), else to the studio page in this tab.
 */
export function backToStudio(): void {
  try {
    const opener = window.opener as Window | null;
    if (opener && !opener.closed && opener.location.pathname.endsWith(`/${STUDIO_PAGE}`)) {
      opener.focus();
      window.close();
      if (window.closed) return;
    }
  } catch {
    // An opener on another origin, or one the browser hides: go to the studio here.
  }
  window.location.assign(STUDIO_PAGE);
}
