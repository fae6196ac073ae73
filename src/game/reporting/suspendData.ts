/**
 * Resume data for a learning system's small field (SCORM 1.2 keeps 4,096 characters, 2004 64,000): an
 * engine save, deflated and written in base64 behind a version marker. When the save will not fit, the
 * attempt is not corrupted to make it fit: the longest run of its first inputs that fits is replayed
 * by the engine into a save of its own, which restores, and the packed data records the game time it
 * reaches, so the resumed game can say it did not resume where the trainee left it.
 *
 * Base64 rather than a denser alphabet (Ascii85, Z85, base91 gain 7–20%): those use `"`, `'`, `<`,
 * `&`, `\` and the like, which LMSs store through HTML forms, XML and SQL and have been seen to escape
 * or drop. Base64's `A–Z a–z 0–9 + / =` passes every one of them untouched.
 */
import { deflateSync, Inflate } from 'fflate';
import {
  type Analyser,
  fail,
  type Result,
  restoreSession,
  type Scenario,
  ShiftSession,
  saveSession,
  succeed,
} from '../../core/runtime';
import type { ResumeData, SuspendOutcome } from './reporting';

/** Opens every packed save of this format; a later format takes another marker. */
export const SUSPEND_MARKER = 'ED1:';
/** The largest save text an unpacked payload may hold: the engine's own ceiling for a save. */
const MAX_UNPACKED_BYTES = 5 * 1024 * 1024;
/** Base64 is turned into bytes in chunks this long, below any engine's argument limit. */
const CHUNK = 0x8000;

/** Why packed resume data could not be read; `message` says so plainly. */
export interface SuspendProblem {
  readonly code:
    | 'empty'
    | 'unknown-format'
    | 'not-base64'
    | 'not-deflate'
    | 'too-large'
    | 'not-text'
    | 'damaged';
  readonly message: string;
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += CHUNK) {
    binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  }
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array | null {
  // atob forgives whitespace and missing padding; resume data that has them was changed on the way.
  if (text.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(text)) return null;
  try {
    const binary = atob(text);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  } catch {
    return null;
  }
}

/** Inflates at most `max` bytes; null when the data is not deflate or inflates to more. */
function inflateAtMost(bytes: Uint8Array, max: number): Uint8Array | 'too-large' | null {
  const chunks: Uint8Array[] = [];
  let total = 0;
  let over = false;
  let ended = false;
  const stream = new Inflate((chunk, final) => {
    total += chunk.length;
    if (total > max) over = true;
    else chunks.push(chunk);
    if (final) ended = true;
  });
  try {
    stream.push(bytes, true);
  } catch {
    return over ? 'too-large' : null;
  }
  if (over) return 'too-large';
  if (!ended) return null;
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

/**
 * Packs a save (and, when it was cut, the game time the kept inputs reach) as resume data: the marker,
 * then base64 of the deflated text `cutAt` or `-`, a line break, and the save exactly as given.
 */
export function packSuspend(save: string, cutAt: number | null): string {
  const text = `${cutAt === null ? '-' : Math.round(cutAt)}\n${save}`;
  return SUSPEND_MARKER + toBase64(deflateSync(new TextEncoder().encode(text), { level: 9, mem: 12 }));
}

function problem(code: SuspendProblem['code'], message: string): Result<never, SuspendProblem> {
  return fail([{ code, message }]);
}

/**
 * Reads resume data a learning system handed back. It is untrusted: anything but a packed save of this
 * format (another marker, broken base64 or deflate, too much, not UTF-8 text, not JSON) is refused
 * with a problem, never thrown. The save inside still has to pass the engine's own restore.
 */
export function unpackSuspend(data: string): Result<ResumeData, SuspendProblem> {
  if (typeof data !== 'string' || data.length === 0) return problem('empty', 'There is no resume data.');
  if (!data.startsWith(SUSPEND_MARKER))
    return problem(
      'unknown-format',
      'The resume data was not written by this game, or by a later version of it.',
    );
  const bytes = fromBase64(data.slice(SUSPEND_MARKER.length));
  if (!bytes) return problem('not-base64', 'The resume data was changed on its way back: it is not base64.');
  const inflated = inflateAtMost(bytes, MAX_UNPACKED_BYTES);
  if (inflated === 'too-large')
    return problem('too-large', 'The resume data unpacks to more than any saved attempt can be.');
  if (!inflated)
    return problem('not-deflate', 'The resume data is damaged or cut short: it does not unpack.');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(inflated);
  } catch {
    return problem('not-text', 'The resume data is damaged: it does not unpack to text.');
  }
  const newline = text.indexOf('\n');
  const head = newline < 0 ? '' : text.slice(0, newline);
  const save = text.slice(newline + 1);
  if (head !== '-' && !/^\d{1,10}$/.test(head))
    return problem('damaged', 'The resume data is damaged: it does not say where the attempt stands.');
  try {
    JSON.parse(save);
  } catch {
    return problem('damaged', 'The resume data is damaged: the save inside is not JSON.');
  }
  return succeed({ save, cutAt: head === '-' ? null : Number(head) });
}

/**
 * Builds the save of an attempt's first `inputs` inputs, replayed so it restores (its events hash is
 * its own), and the game time it reaches; null when the save cannot be replayed.
 */
export type CutSave = (save: string, inputs: number) => { readonly save: string; readonly at: number } | null;

/**
 * The cut the game injects, over the scenarios and analyser it plays with. The full save is restored
 * (checked against its fingerprint) once and kept, since fitting a save tries several cuts of it.
 */
export function saveCutter(scenarios: readonly Scenario[], analyser: Analyser): CutSave {
  let last: { readonly text: string; readonly session: ShiftSession } | null = null;
  return (save, inputs) => {
    if (last?.text !== save) {
      // A save this build plays differently (another engine or analyser) is cut as this build plays it.
      const restored = restoreSession(save, scenarios, analyser, { replayUnderCurrentRules: true });
      if (!restored.ok) return null;
      last = { text: save, session: restored.value.session };
    }
    const whole = last.session;
    const count = Math.max(0, Math.min(Math.floor(inputs), whole.inputs.length));
    try {
      const session = new ShiftSession(whole.options);
      for (const input of whole.inputs.slice(0, count)) session.send(input);
      return { save: saveSession(session), at: session.now };
    } catch {
      return null;
    }
  };
}

/** Resume data that fits a field, and what of the attempt it keeps. */
export interface FittedSuspend {
  /** The text to write; empty when nothing fits. */
  readonly data: string;
  readonly outcome: SuspendOutcome;
  /** How many of the save's inputs it keeps: all of them, the cut's, or none. */
  readonly inputs: number;
}

/** A save's inputs, and the rest of it (what names the attempt) as text; null when it is not a save. */
function splitSave(save: string): { readonly attempt: string; readonly inputs: readonly unknown[] } | null {
  try {
    const parsed: unknown = JSON.parse(save);
    if (typeof parsed !== 'object' || parsed === null || !('inputs' in parsed)) return null;
    const { inputs, eventsHash: _, ...attempt } = parsed as { inputs: unknown; eventsHash?: unknown };
    return Array.isArray(inputs) ? { attempt: JSON.stringify(attempt), inputs } : null;
  } catch {
    return null;
  }
}

/**
 * Packs a save to fit `limit` characters: whole when it fits; else the longest prefix of its inputs
 * whose replayed save fits (found by halving, as the packed size grows with the inputs kept); else
 * nothing, said as `kept: 'nothing'` so the game can tell the trainee the attempt cannot be resumed.
 */
export function fitSuspend(save: string, limit: number, cut: CutSave | null): FittedSuspend {
  const whole = packSuspend(save, null);
  const total = splitSave(save)?.inputs.length ?? null;
  if (whole.length <= limit)
    return { data: whole, outcome: { kept: 'whole', chars: whole.length, cutAt: null }, inputs: total ?? 0 };
  let best: { data: string; at: number; inputs: number } | null = null;
  if (cut && total !== null && total > 0) {
    // The largest count that fits lies in [low, high]; `whole` already failed at `total`.
    let low = 0;
    let high = total - 1;
    while (low <= high) {
      const middle = Math.floor((low + high) / 2);
      const made = cut(save, middle);
      const data = made ? packSuspend(made.save, made.at) : null;
      if (made && data && data.length <= limit) {
        best = { data, at: made.at, inputs: middle };
        low = middle + 1;
      } else {
        high = middle - 1;
      }
    }
  }
  if (!best) return { data: '', outcome: { kept: 'nothing', chars: 0, cutAt: null }, inputs: 0 };
  return {
    data: best.data,
    outcome: { kept: 'cut', chars: best.data.length, cutAt: best.at },
    inputs: best.inputs,
  };
}

/**
 * {@link fitSuspend} for one attempt's saves in turn. The game saves after every input, and a save
 * only grows: once one had to be cut, every later save of the attempt that starts with the same inputs
 * (those kept, and the first that did not fit) is cut the same way, so the cut is remembered instead
 * of replayed again.
 */
export function suspendFitter(limit: number, cut: CutSave | null): (save: string) => FittedSuspend {
  let last: { readonly attempt: string; readonly head: string; readonly fitted: FittedSuspend } | null = null;
  const headOf = (inputs: readonly unknown[], kept: number) => JSON.stringify(inputs.slice(0, kept + 1));
  return (save) => {
    const split = splitSave(save);
    if (
      last &&
      split &&
      split.attempt === last.attempt &&
      headOf(split.inputs, last.fitted.inputs) === last.head
    )
      return last.fitted;
    const fitted = fitSuspend(save, limit, cut);
    last =
      split && fitted.outcome.kept !== 'whole'
        ? { attempt: split.attempt, head: headOf(split.inputs, fitted.inputs), fitted }
        : null;
    return fitted;
  };
}
