/** Plays a shipped playthrough and returns its transcript and scorecard, for scoring tests. */
import { readFileSync } from 'node:fs';
import { runPlaythrough } from '../../src/core/playthrough/runPlaythrough';
import { createScorecard, type Scorecard, traineeIdFromName } from '../../src/core/scoring/scorecard';
import { loadStarterPack } from './starterPack';

export function playThrough(file: string) {
  const pack = loadStarterPack();
  const result = runPlaythrough(readFileSync(file, 'utf8'), {
    file,
    pack: pack.pack,
    scenarios: pack.scenarios,
    shifts: pack.shifts,
  });
  if (!result.ok) throw new Error(`${file} does not play: ${result.problems[0]?.message}`);
  return { pack, run: result.value, transcript: result.value.session.transcript };
}

export function playedScorecard(file: string, trainee = 'Ana Ruiz'): Scorecard {
  const { pack, transcript, run } = playThrough(file);
  return createScorecard(transcript, pack.scenarios, {
    trainee: { name: trainee, id: traineeIdFromName(trainee) },
    attemptId: 'attempt-1',
    language: run.language,
    finishedAt: '2026-11-22T10:00:00.000Z',
  });
}

/** The text of the reply at transcript entry `seq`, or '' when that entry is not a reply. */
export function replyTextAt(entries: readonly { kind: string; input?: unknown }[], seq: number): string {
  const entry = entries[seq] as
    | { kind: 'input'; input: { type: string; intent?: { type: string; text?: string } } }
    | undefined;
  return entry?.kind === 'input' &&
    entry.input.type === 'trainee.intent' &&
    entry.input.intent?.type === 'reply'
    ? (entry.input.intent.text ?? '')
    : '';
}
