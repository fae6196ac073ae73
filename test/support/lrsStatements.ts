/**
 * Played attempts as a learning record store receives them, for the tests that fill a store: a
 * scorecard played from a playthrough under a trainee, an attempt id and a day of their own (all part
 * of what its hash covers), and the statements the game would send for it.
 */
import { createScorecard, type Scorecard, traineeIdFromName } from '../../src/core/scoring/scorecard';
import { attemptStatements, type XapiStatementBatch } from '../../src/game/reporting/xapi';
import { playThrough } from './playedScorecard';

/** The scorecard of `file` played by `trainee`, as attempt `attemptId`, finished on December `day`. */
export function namedScorecard(file: string, trainee: string, attemptId: string, day: number): Scorecard {
  const { pack, transcript, run } = playThrough(file);
  return createScorecard(transcript, pack.scenarios, {
    trainee: { name: trainee, id: traineeIdFromName(trainee) },
    attemptId,
    language: run.language,
    finishedAt: `2026-12-0${day}T09:00:00.000Z`,
  });
}

/** The statements of `scorecard`'s attempt, with fresh ids, under `registration` (fresh when absent). */
export function statementBatch(scorecard: Scorecard, registration?: string): XapiStatementBatch {
  const built = attemptStatements({
    scorecard,
    masteryScore: 70,
    sessionMs: 600_000,
    startedAt: '2026-12-01T08:00:00.000Z',
    registration: registration ?? crypto.randomUUID(),
    homePage: 'https://lms.example.com',
    newId: () => crypto.randomUUID(),
  });
  if (!built.ok) throw new Error(built.problems[0]?.message);
  return built.value;
}
