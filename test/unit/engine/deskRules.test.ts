/**
 * Rules at the edges of the desk: waits charged when the trainee finally answers, promises kept at
 * their due instant and owed after a chat closes, held contacts coming back only when there is room,
 * ended contacts hearing nothing more, malformed input refused, scripts that can never stall the clock.
 */

import { describe, expect, it } from 'vitest';
import { lexiconAnalyser } from '../../../src/core/analysis/lexiconAnalyser';
import type { Intent } from '../../../src/core/engine/intents';
import { practiceShift } from '../../../src/core/engine/practiceShift';
import { restoreSession, saveSession } from '../../../src/core/engine/saves';
import { ShiftSession } from '../../../src/core/engine/session';
import type { ShiftEmitted } from '../../../src/core/engine/shiftSteps';
import type { Shift } from '../../../src/core/scenario/types';
import { tinyScenario } from '../../support/tinyScenario';

const MIN = 60_000;
const shiftOf = (arrivals: { scenario: string; atMs: number }[], speed = 1): Shift => ({
  id: 't',
  title: { en: 'T', es: 'T' },
  lengthMs: null,
  speed,
  jitterMs: 0,
  arrivals,
});
const act = (s: ShiftSession, body: Record<string, unknown> & { type: Intent['type']; contact: string }) =>
  s.send({ type: 'trainee.intent', intent: { at: s.now, ...body } as Intent });
const refusal = (events: ShiftEmitted[]) => events.find((e) => e.type === 'intent.refused');

describe('waiting and answering', () => {
  it('charges the wait when the trainee finally replies, so replying slowly still wears patience down', () => {
    const scenario = tinyScenario({ id: 'slow', patience: 0.5 });
    const session = new ShiftSession({
      scenarios: [scenario],
      shift: { ...practiceShift(scenario), speed: 1 },
      seed: 1,
      analyser: lexiconAnalyser,
    });
    for (let i = 0; i < 8; i += 1) {
      session.send({ type: 'clock.tick', ms: 10 * MIN });
      act(session, { type: 'reply', contact: 'c1', text: 'ok', choice: null, language: 'en' });
    }
    expect(session.context.contacts[0]?.ending).toBe('abandoned');
  });

  it('a condition that cannot hold after its deadline does not wake the persona every millisecond', () => {
    const scenario = tinyScenario({
      id: 'stuck',
      beats: `  - id: start
    on:
      - waited: 5m
        known: [record]
        go: done
      - did: resolve
        go: done
  - id: done
    ending: satisfied
`,
    });
    const session = new ShiftSession({
      scenarios: [scenario],
      shift: { ...practiceShift(scenario), speed: 1 },
      seed: 1,
      analyser: lexiconAnalyser,
    });
    session.send({ type: 'clock.tick', ms: 45 * MIN });
    expect(session.context.personaSteps).toBeLessThan(10);
    expect(session.context.contacts[0]?.ending).toBe('abandoned');
  });

  it('carries fractions of a game millisecond, so a slow clock at a high frame rate keeps time', () => {
    const scenario = tinyScenario({ id: 'slow-clock' });
    const session = new ShiftSession({
      scenarios: [scenario],
      shift: { ...practiceShift(scenario), speed: 0.1 },
      seed: 1,
      analyser: lexiconAnalyser,
    });
    for (let i = 0; i < 6000; i += 1) session.send({ type: 'clock.tick', ms: 1000 / 240 });
    expect(session.now).toBe(2500);
  });
});

describe('promises', () => {
  const practice = (id: string) => {
    const scenario = tinyScenario({ id });
    return new ShiftSession({
      scenarios: [scenario],
      shift: practiceShift(scenario),
      seed: 1,
      analyser: lexiconAnalyser,
    });
  };

  it('is kept when fulfilled at its due instant', () => {
    const session = practice('on-time');
    act(session, { type: 'promise', contact: 'c1', what: 'callback', dueAt: 30 * MIN, text: null });
    session.send({ type: 'clock.advance', ms: 30 * MIN });
    expect(session.now).toBe(30 * MIN);
    act(session, { type: 'fulfil', contact: 'c1', promise: 'p1' });
    expect(session.context.promises[0]?.status).toBe('kept');
  });

  it('is still owed after the contact ends, and can be kept then', () => {
    const session = practice('owed');
    act(session, { type: 'promise', contact: 'c1', what: 'email', dueAt: 30 * MIN, text: null });
    act(session, { type: 'end', contact: 'c1' });
    expect(refusal(act(session, { type: 'fulfil', contact: 'c1', promise: 'p1' }))).toBeUndefined();
    expect(session.context.promises[0]?.status).toBe('kept');
  });

  it('cannot be fulfilled once broken', () => {
    const scenario = tinyScenario({
      id: 'late',
      beats:
        '  - id: start\n    on:\n      - did: resolve\n        go: done\n  - id: done\n    ending: satisfied\n',
    });
    const session = new ShiftSession({
      scenarios: [scenario],
      shift: practiceShift(scenario),
      seed: 1,
      analyser: lexiconAnalyser,
    });
    act(session, { type: 'promise', contact: 'c1', what: 'callback', dueAt: MIN, text: null });
    session.send({ type: 'clock.advance', ms: 2 * MIN });
    expect(refusal(act(session, { type: 'fulfil', contact: 'c1', promise: 'p1' }))).toMatchObject({
      reason: 'promise-settled',
    });
  });
});

describe('ended contacts and holds', () => {
  it('a contact the trainee ended hears nothing more, not even a broken promise', () => {
    const scenario = tinyScenario({ id: 'ended' });
    const session = new ShiftSession({
      scenarios: [scenario],
      shift: practiceShift(scenario),
      seed: 1,
      analyser: lexiconAnalyser,
    });
    act(session, { type: 'promise', contact: 'c1', what: 'callback', dueAt: 5 * MIN, text: null });
    act(session, { type: 'end', contact: 'c1' });
    const later = session.send({ type: 'clock.advance', ms: 10 * MIN });
    expect(later.map((e) => e.type)).toEqual(['promise.broken', 'shift.over']);
    expect(session.context.contacts[0]?.ending).toBe('ended-by-agent');
  });

  it('a held caller comes back only when no other call is live; a held chat only when there is room', () => {
    const [p1, p2, a, b, c, d] = [
      tinyScenario({ id: 'p1', channel: 'phone' }),
      tinyScenario({ id: 'p2', channel: 'phone' }),
      ...['a', 'b', 'c', 'd'].map((id) => tinyScenario({ id })),
    ];
    const calls = new ShiftSession({
      scenarios: [p1, p2].flatMap((s) => (s ? [s] : [])),
      shift: shiftOf([
        { scenario: 'p1', atMs: 0 },
        { scenario: 'p2', atMs: 0 },
      ]),
      seed: 1,
      analyser: lexiconAnalyser,
    });
    act(calls, { type: 'answer', contact: 'c1' });
    act(calls, { type: 'hold', contact: 'c1' });
    expect(calls.context.contacts.map((x) => x.status)).toEqual(['held', 'ringing']);
    act(calls, { type: 'answer', contact: 'c2' });
    expect(calls.context.contacts.map((x) => x.status)).toEqual(['held', 'open']);
    expect(refusal(act(calls, { type: 'unhold', contact: 'c1' }))).toMatchObject({
      reason: 'on-another-call',
    });

    const chats = new ShiftSession({
      scenarios: [a, b, c, d].flatMap((s) => (s ? [s] : [])),
      shift: shiftOf(['a', 'b', 'c', 'd'].map((scenario) => ({ scenario, atMs: 0 }))),
      seed: 1,
      analyser: lexiconAnalyser,
    });
    act(chats, { type: 'hold', contact: 'c1' });
    expect(chats.context.contacts.map((x) => x.status)).toEqual(['held', 'open', 'open', 'open']);
    expect(refusal(act(chats, { type: 'unhold', contact: 'c1' }))).toMatchObject({
      reason: 'too-many-chats',
    });
  });
});

describe('untrusted input', () => {
  const scenario = tinyScenario({ id: 'inputs' });
  const fresh = () =>
    new ShiftSession({
      scenarios: [scenario],
      shift: practiceShift(scenario),
      seed: 1,
      analyser: lexiconAnalyser,
    });

  it('refuses a malformed intent without recording it, so the session still saves and restores', () => {
    const session = fresh();
    const events = session.send({
      type: 'trainee.intent',
      intent: { type: 'reply', at: 0, contact: 'c1', text: 42 } as never,
    });
    expect(refusal(events)).toMatchObject({ reason: 'invalid-intent' });
    expect(session.inputs).toEqual([]);
    expect(restoreSession(saveSession(session), [scenario], lexiconAnalyser).ok).toBe(true);
  });

  it('throws on a malformed clock input instead of corrupting the clock', () => {
    const session = fresh();
    expect(() => session.send({ type: 'clock.tick', ms: Number.NaN })).toThrow(RangeError);
    expect(() => session.send({ type: 'clock.speed', speed: -30 })).toThrow(RangeError);
    expect(session.now).toBe(0);
  });

  it('refuses a shift or a save that names a scenario it does not have, instead of hanging', () => {
    expect(
      () =>
        new ShiftSession({
          scenarios: [],
          shift: practiceShift(scenario),
          seed: 1,
          analyser: lexiconAnalyser,
        }),
    ).toThrow(/not loaded/);
    const saved = JSON.parse(saveSession(fresh())) as { scenarios: unknown[] };
    saved.scenarios = [];
    const restored = restoreSession(JSON.stringify(saved), [scenario], lexiconAnalyser);
    expect(restored.ok).toBe(false);
  });
});
