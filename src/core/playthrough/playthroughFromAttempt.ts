/**
 * Turning a played attempt into a playthrough file a trainer can commit: what the trainee did, step by
 * step at the game times they did it, the start when the attempt began at a beat, and how it came out.
 * Playing the file (`runPlaythrough`, `npm run simulate`) gives the same attempt again. It writes YAML,
 * so it lives off the runtime path (see `runtime.ts`): the studio loads it with the checker.
 */
import { Document } from 'yaml';
import type { Intent, RefusalReason } from '../engine/intents';
import type { Transcript } from '../engine/session';
import type { ShiftInput } from '../engine/shiftMachine';
import type { Scenario } from '../scenario/types';
import { scoreAttempt } from '../scoring/scoreAttempt';
import type { PlaythroughFile, StepFile } from './schema';

/** What {@link playthroughFromAttempt} needs. */
export interface PlaythroughFromAttemptOptions {
  /** The attempt's transcript (`ShiftSession.transcript`): its inputs with their game times, and its start. */
  readonly transcript: Transcript;
  /** The scenarios it was played on (to grade it; every one it names must be among them). */
  readonly scenarios: readonly Scenario[];
  /**
   * What the playthrough shows, e.g. "Calms her down from the complaint"; when blank, "Played from
   * ‹beat›" or "Played from the start", so the file is still valid.
   */
  readonly title: string;
  /**
   * The language the trainee played in; when absent, the language of the first reply (or `en`). The
   * file plays authored choices in it.
   */
  readonly language?: string;
}

/**
 * A game time or a length of it as a playthrough writes it, to the millisecond: `m:ss` or `h:mm:ss` in
 * whole seconds, else `1h2m3.25s`.
 */
export function durationText(ms: number): string {
  const whole = Math.max(0, Math.round(ms));
  const two = (n: number) => String(n).padStart(2, '0');
  if (whole % 1000 === 0) {
    const total = whole / 1000;
    const h = Math.floor(total / 3600);
    const m = Math.floor((total % 3600) / 60);
    const s = total % 60;
    return h > 0 ? `${h}:${two(m)}:${two(s)}` : `${m}:${two(s)}`;
  }
  const h = Math.floor(whole / 3_600_000);
  const m = Math.floor((whole % 3_600_000) / 60_000);
  const seconds = (whole % 60_000) / 1000;
  return `${h > 0 ? `${h}h` : ''}${h > 0 || m > 0 ? `${m}m` : ''}${seconds}s`;
}

type Entry = Transcript['entries'][number];
type Ending = NonNullable<PlaythroughFile['expect']['ending']>;

/** The intents the trainee sent, each with the refusal it met, if any. */
function intentsOf(entries: readonly Entry[]): { intent: Intent; refused: RefusalReason | null }[] {
  const found: { intent: Intent; refused: RefusalReason | null }[] = [];
  entries.forEach((entry, index) => {
    if (entry.kind !== 'input' || entry.input.type !== 'trainee.intent') return;
    let refused: RefusalReason | null = null;
    for (const next of entries.slice(index + 1)) {
      if (next.kind === 'input') break;
      if (next.event.type === 'intent.refused') refused = next.event.reason;
    }
    // An intent sent for another moment than the clock's was never played; a file cannot send one.
    if (refused !== 'clock-mismatch') found.push({ intent: entry.input.intent, refused });
  });
  return found;
}

/** One intent as a playthrough step (its `at` and `contact` set by the caller). */
function actionOf(intent: Intent): StepFile {
  switch (intent.type) {
    case 'reply':
      return intent.choice === null ? { reply: intent.text } : { choice: intent.choice };
    case 'ask':
      return { ask: intent.fact };
    case 'offer':
      return {
        offer: intent.amount === null ? { kind: intent.kind } : { kind: intent.kind, amount: intent.amount },
      };
    case 'promise': {
      const promise = { what: intent.what, due: durationText(intent.dueAt - intent.at) };
      return { promise: intent.text === null ? promise : { ...promise, text: intent.text } };
    }
    case 'fulfil':
      return { fulfil: intent.promise };
    case 'withdraw':
      return { withdraw: intent.promise };
    case 'escalate':
      return {
        escalate: intent.note === '' ? { tier: intent.tier } : { tier: intent.tier, note: intent.note },
      };
    case 'follow_up':
      return { follow_up: durationText(intent.dueAt - intent.at) };
    default:
      return { do: intent.type };
  }
}

function isReply(input: ShiftInput): input is Extract<ShiftInput, { type: 'trainee.intent' }> & {
  intent: Extract<Intent, { type: 'reply' }>;
} {
  return input.type === 'trainee.intent' && input.intent.type === 'reply';
}

/**
 * Writes a finished (or stopped) attempt as playthrough YAML: the scenario (or the shift) and seed, the
 * `from:` start when the attempt began at a beat, one step per thing the trainee did at the game time
 * they did it (a refused one expects its refusal), a last step at the time the attempt's record ends
 * (expecting how the practice contact ended), and at the end the ending (each contact's, in a shift)
 * and the grade reached. Playing the text with `runPlaythrough` against the same scenarios passes. The
 * playthrough format holds at most 500 steps; a longer attempt gives a file `runPlaythrough` refuses.
 */
export function playthroughFromAttempt(options: PlaythroughFromAttemptOptions): string {
  const { transcript } = options;
  const { shift, entries } = transcript;
  const practice = shift.id.startsWith('practice-') && shift.arrivals.length === 1;
  const arrival = shift.arrivals[0];
  const firstReply = entries.find((e) => e.kind === 'input' && isReply(e.input));
  const language =
    options.language ??
    (firstReply?.kind === 'input' && isReply(firstReply.input) ? firstReply.input.intent.language : 'en');

  const played = intentsOf(entries);
  const steps: StepFile[] = played.map(({ intent, refused }) => ({
    at: durationText(intent.at),
    ...(intent.contact === 'c1' ? {} : { contact: intent.contact }),
    ...actionOf(intent),
    ...(refused === null ? {} : { expect: { refused } }),
  }));

  // The record goes on after the last thing the trainee did (a customer waiting, a tier answering, a
  // promise falling due): the last step waits until it ends, and expects how each contact ended.
  const endedAt = entries.reduce((last, e) => Math.max(last, e.at), 0);
  // A contact ends in one of the persona's endings, a walk-out or `ended-by-agent`: what `ended` takes.
  const endings = new Map<string, Ending>();
  for (const e of entries) {
    if (e.kind === 'event' && e.event.type === 'contact.status' && e.event.ending !== null)
      endings.set(e.event.contact, e.event.ending as Ending);
  }
  const lastAt = played.reduce((at, p) => Math.max(at, p.intent.at), -1);
  if (endedAt > lastAt) steps.push({ at: durationText(endedAt) });
  const last = steps[steps.length - 1] as StepFile;
  const c1Ending = endings.get('c1');
  if (practice && c1Ending !== undefined) {
    steps[steps.length - 1] = { ...last, expect: { ...last.expect, ended: c1Ending } };
  }

  const score = scoreAttempt(options.scenarios, transcript);
  const expect: PlaythroughFile['expect'] = {
    ...(practice
      ? c1Ending === undefined
        ? {}
        : { ending: c1Ending }
      : endings.size === 0
        ? {}
        : { endings: Object.fromEntries(endings) }),
    ...(score.grade === null ? {} : { grade: score.grade }),
  };
  const file = {
    ...(practice ? { scenario: arrival?.scenario } : { shift: shift.id }),
    title:
      options.title.trim().slice(0, 2000) ||
      (arrival?.from ? `Played from ${arrival.from.beat}` : 'Played from the start'),
    language,
    seed: transcript.seed,
    ...(practice && arrival?.from ? { from: arrival.from } : {}),
    steps,
    expect,
  };
  const doc = new Document(file);
  doc.commentBefore = ` Saved from an attempt played with engine ${transcript.engineVersion}; \`npm run simulate\` plays it again.`;
  return doc.toString({ lineWidth: 0 });
}
