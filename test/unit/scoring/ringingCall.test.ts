/**
 * How a call that rang is scored: availability runs from the first ring to the answer, however soon
 * the first words follow; what the caller said while it rang is heard at the answer, so the ringing is
 * not also a silence; a caller left ringing was never answered and walked out. A call played by engine
 * 7.0.0, which opened by itself, is scored as it was: from its arrival to the first reply.
 */
import { describe, expect, it } from 'vitest';
import { lexiconAnalyser } from '../../../src/core/analysis/lexiconAnalyser';
import type { Intent } from '../../../src/core/engine/intents';
import { practiceShift } from '../../../src/core/engine/practiceShift';
import { ShiftSession } from '../../../src/core/engine/session';
import { CRITICAL_KEYS } from '../../../src/core/scoring/critical';
import { type ContactScore, scoreAttempt } from '../../../src/core/scoring/scoreAttempt';
import { availabilityPoints } from '../../../src/core/scoring/scoringRules';
import { tinyScenario } from '../../support/tinyScenario';

const MIN = 60_000;
const call = tinyScenario({ id: 'caller', channel: 'phone' });

/** Plays the call: waits and intents in order, at speed 1; returns the caller's scores. */
function played(
  steps: readonly (number | (Record<string, unknown> & { type: Intent['type'] }))[],
  engineVersion?: string,
): { score: ContactScore; session: ShiftSession } {
  const session = new ShiftSession({
    scenarios: [call],
    shift: { ...practiceShift(call), speed: 1 },
    seed: 1,
    analyser: lexiconAnalyser,
    ...(engineVersion ? { engineVersion } : {}),
  });
  for (const step of steps) {
    if (typeof step === 'number') session.send({ type: 'clock.tick', ms: step });
    else
      session.send({
        type: 'trainee.intent',
        intent: { at: session.now, contact: 'c1', ...step } as Intent,
      });
  }
  const score = scoreAttempt([call], session.transcript).contacts[0];
  if (!score) throw new Error('the caller was not scored');
  return { score, session };
}

const ANSWER = { type: 'answer' } as const;
const HELLO = {
  type: 'reply',
  text: "Good morning, I'm sorry for the wait. How can I help?",
  choice: null,
  language: 'en',
} as const;

const evidence = (score: ContactScore, dimension: 'availability' | 'responsiveness') =>
  score.dimensions[dimension].evidence.map((e) => ({ key: e.key, points: e.points, ...e.params }));

describe('a call that rang', () => {
  it('is available from the first ring to the answer: answered late, it loses points however quick the reply', () => {
    const late = played([4 * MIN, ANSWER, 5000, HELLO]).score;
    expect(evidence(late, 'availability')).toEqual([
      { key: 'availability.firstAnswer', points: availabilityPoints(4 * MIN, 'phone'), minutes: 4 },
    ]);
    expect(late.dimensions.availability.score).toBeLessThan(100);
    const prompt = played([10_000, ANSWER, 5000, HELLO]).score;
    expect(prompt.dimensions.availability.score).toBe(100);
  });

  it('points its first answer at the answer, not at the first reply', () => {
    const { score, session } = played([4 * MIN, ANSWER, 5000, HELLO]);
    const seq = score.dimensions.availability.evidence[0]?.seq ?? -1;
    const entry = session.transcript.entries[seq];
    expect(entry?.kind === 'input' && entry.input.type === 'trainee.intent' && entry.input.intent.type).toBe(
      'answer',
    );
  });

  it('counts no silence for the ringing: the caller’s first words are heard at the answer', () => {
    const { score } = played([90_000, ANSWER, 10_000, HELLO, 10_000, { type: 'resolve' }]);
    expect(score.dimensions.availability.score).toBe(100);
    expect(score.dimensions.responsiveness.score).toBe(100);
  });

  it('counts a silence after the answer, though the caller was answered in time', () => {
    const { score } = played([10_000, ANSWER, 4 * MIN, HELLO, 10_000, { type: 'resolve' }]);
    expect(score.dimensions.availability.score).toBe(100);
    expect(evidence(score, 'responsiveness')).toEqual([
      { key: 'responsiveness.silence', points: -10, minutes: 4 },
    ]);
  });

  it('left ringing until the caller gave up, was never answered and is a walk-out', () => {
    const { score, session } = played([60 * MIN]);
    expect(score.ending).toBe('abandoned');
    expect(evidence(score, 'availability')).toEqual([{ key: 'availability.neverAnswered', points: -100 }]);
    const seq = score.dimensions.availability.evidence[0]?.seq ?? -1;
    const entry = session.transcript.entries[seq];
    expect(entry?.kind === 'event' && entry.event.type === 'contact.status' && entry.event.status).toBe(
      'ringing',
    );
    expect(score.critical.map((e) => CRITICAL_KEYS[e.key])).toEqual(['walked-out']);
    expect(score.dimensions.responsiveness.score).toBeNull();
  });
});

describe('a call played by engine 7.0.0, which opened by itself', () => {
  it('is available from its arrival to the first reply, as it was', () => {
    const { score } = played([4 * MIN, HELLO], '7.0.0');
    expect(evidence(score, 'availability')).toEqual([
      { key: 'availability.firstAnswer', points: availabilityPoints(4 * MIN, 'phone'), minutes: 4 },
    ]);
  });
});
