/**
 * The pace of the clock: real time while a customer's conversation is open (a chat or a call; a
 * public post and an email on their own, slower clocks), the shift's speed between conversations, a
 * skip to the next event when nobody waits on the trainee, and the same game however real time is cut.
 */
import { describe, expect, it } from 'vitest';
import { lexiconAnalyser } from '../../../src/core/analysis/lexiconAnalyser';
import type { Intent } from '../../../src/core/engine/intents';
import { ShiftSession } from '../../../src/core/engine/session';
import type { Scenario, Shift } from '../../../src/core/scenario/types';
import { tinyScenario } from '../../support/tinyScenario';

const MIN = 60_000;

function shiftOf(scenarios: readonly Scenario[], arriveAt: number[], speed = 30): Shift {
  return {
    id: 'pace',
    title: { en: 'Pace', es: 'Ritmo' },
    lengthMs: null,
    speed,
    jitterMs: 0,
    arrivals: scenarios.map((s, i) => ({ scenario: s.id, atMs: arriveAt[i] ?? 0 })),
  };
}

function session(scenarios: readonly Scenario[], arriveAt: number[], speed = 30): ShiftSession {
  return new ShiftSession({
    scenarios,
    shift: shiftOf(scenarios, arriveAt, speed),
    seed: 1,
    analyser: lexiconAnalyser,
  });
}

const tick = (s: ShiftSession, ms: number) => s.send({ type: 'clock.tick', ms });
const act = (s: ShiftSession, contact: string, body: Record<string, unknown> & { type: Intent['type'] }) =>
  s.send({ type: 'trainee.intent', intent: { at: s.now, contact, ...body } as Intent });

const chat = tinyScenario({ id: 'chatting', patience: 1 });
const social = tinyScenario({ id: 'posting', channel: 'social', patience: 1 });
const email = tinyScenario({ id: 'writing', channel: 'email', patience: 1 });

describe('the pace of the clock', () => {
  it('runs at the shift’s speed between conversations and in real time once a chat opens', () => {
    const s = session([chat], [10 * MIN]);
    tick(s, 1000);
    expect(s.now).toBe(30_000);
    expect(s.pace).toBe(30);
    // Ten game minutes in, the chat arrives: the rest of this tick runs in real time.
    tick(s, 20_000 - 1000 + 5000);
    expect(s.now).toBe(10 * MIN + 5000);
    expect(s.pace).toBe(1);
  });

  it('keeps real time while the customer has been told what happens next, and lets the trainee skip', () => {
    const s = session([chat], [0]);
    tick(s, 5000);
    expect(s.canSkip).toBe(false);
    expect(s.send({ type: 'clock.skip' })).toEqual([]);
    expect(s.now).toBe(5000);
    act(s, 'c1', { type: 'promise', what: 'callback', dueAt: s.now + 30 * MIN, text: null });
    // Told what happens next: still the conversation's pace while the trainee works on, but nobody
    // is waiting on them, so they may skip: to a minute before the promise falls due, then past it.
    expect(s.pace).toBe(1);
    expect(s.canSkip).toBe(true);
    s.send({ type: 'clock.skip' });
    expect(s.now).toBe(5000 + 29 * MIN);
    expect(s.events.some((e) => e.type === 'promise.broken')).toBe(false);
    s.send({ type: 'clock.skip' });
    expect(s.now).toBe(5000 + 30 * MIN + 1);
    expect(s.events.some((e) => e.type === 'promise.broken')).toBe(true);
  });

  it('gives a public post and an email their own, slower clocks, and a chat beside them real time', () => {
    const posts = session([social], [0]);
    expect(posts.pace).toBe(6);
    const emails = session([email], [0]);
    expect(emails.pace).toBe(30);
    const both = session([email, chat], [0, 0]);
    expect(both.pace).toBe(1);
    // Never faster than the shift's own speed.
    expect(session([email], [0], 10).pace).toBe(10);
  });

  it('gives the same game however the same real time is cut, across changes of pace', () => {
    const cuts = [[40_000], [19_999, 1, 20_000], [10_000, 10_000, 10_000, 10_000], Array(40).fill(1000)];
    const played = cuts.map((ticks) => {
      const s = session([chat, social], [10 * MIN, 12 * MIN]);
      for (const ms of ticks) tick(s, ms);
      return JSON.stringify({ now: s.now, events: s.events });
    });
    for (const other of played.slice(1)) expect(other).toBe(played[0]);
  });

  it('moves exactly the game time asked when told to advance, whatever the pace', () => {
    const s = session([chat], [0]);
    s.send({ type: 'clock.advance', ms: 90_000 });
    expect(s.now).toBe(90_000);
  });
});
