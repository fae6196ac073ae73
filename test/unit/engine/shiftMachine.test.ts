/** The shift: channel rules, queues and patience, promises, handoffs and refusals, on the game clock. */

import { describe, expect, it } from 'vitest';
import { lexiconAnalyser } from '../../../src/core/analysis/lexiconAnalyser';
import type { Intent } from '../../../src/core/engine/intents';
import { practiceShift } from '../../../src/core/engine/practiceShift';
import { ShiftSession } from '../../../src/core/engine/session';
import type { ShiftEmitted } from '../../../src/core/engine/shiftSteps';
import type { Shift } from '../../../src/core/scenario/types';
import { tinyScenario } from '../../support/tinyScenario';

const MIN = 60_000;

function shiftOf(arrivals: { scenario: string; atMs: number }[], extra: Partial<Shift> = {}): Shift {
  return {
    id: 'test',
    title: { en: 'Test', es: 'Prueba' },
    lengthMs: null,
    speed: 1,
    jitterMs: 0,
    arrivals,
    ...extra,
  };
}

function intent(
  session: ShiftSession,
  body: Record<string, unknown> & { type: Intent['type']; contact: string },
): ShiftEmitted[] {
  return session.send({ type: 'trainee.intent', intent: { at: session.now, ...body } as Intent });
}

const statusOf = (session: ShiftSession) =>
  Object.fromEntries(session.context.contacts.map((c) => [c.id, c.status]));
const refusal = (events: ShiftEmitted[]) => events.find((e) => e.type === 'intent.refused');

describe('channel rules', () => {
  const chats = ['a', 'b', 'c', 'd'].map((id) => tinyScenario({ id, channel: 'chat' }));
  const phone = tinyScenario({ id: 'p', channel: 'phone' });
  const mail = tinyScenario({ id: 'm', channel: 'email' });

  it('opens at most three chats; the fourth waits until one ends', () => {
    const session = new ShiftSession({
      scenarios: chats,
      shift: shiftOf(chats.map((s) => ({ scenario: s.id, atMs: 0 }))),
      seed: 1,
      analyser: lexiconAnalyser,
    });
    expect(statusOf(session)).toEqual({ c1: 'open', c2: 'open', c3: 'open', c4: 'queued' });
    intent(session, { type: 'resolve', contact: 'c2' });
    expect(statusOf(session)).toEqual({ c1: 'open', c2: 'ended', c3: 'open', c4: 'open' });
  });

  it('an answered phone call holds the agent: other contacts wait and refuse work until it ends or is held', () => {
    const session = new ShiftSession({
      scenarios: [phone, chats[0], mail].flatMap((s) => (s ? [s] : [])),
      shift: shiftOf([
        { scenario: 'p', atMs: 0 },
        { scenario: 'm', atMs: 0 },
        { scenario: 'a', atMs: MIN },
      ]),
      seed: 1,
      analyser: lexiconAnalyser,
    });
    expect(statusOf(session)).toEqual({ c1: 'ringing', c2: 'open' });
    intent(session, { type: 'answer', contact: 'c1' });
    session.send({ type: 'clock.tick', ms: MIN });
    expect(statusOf(session)).toEqual({ c1: 'open', c2: 'open', c3: 'queued' });
    expect(refusal(intent(session, { type: 'lookup', contact: 'c2' }))).toMatchObject({
      reason: 'on-another-call',
    });
    intent(session, { type: 'hold', contact: 'c1' });
    expect(statusOf(session)).toEqual({ c1: 'held', c2: 'open', c3: 'open' });
    expect(refusal(intent(session, { type: 'lookup', contact: 'c2' }))).toBeUndefined();
    expect(refusal(intent(session, { type: 'lookup', contact: 'c1' }))).toMatchObject({
      reason: 'contact-not-open',
    });
    intent(session, { type: 'unhold', contact: 'c1' });
    expect(statusOf(session).c1).toBe('open');
  });

  it('customers arrive on schedule and a queued customer loses patience and walks out', () => {
    const impatient = tinyScenario({ id: 'i', channel: 'phone', patience: 0 });
    const session = new ShiftSession({
      scenarios: [phone, impatient],
      shift: shiftOf([
        { scenario: 'p', atMs: 0 },
        { scenario: 'i', atMs: 2 * MIN },
      ]),
      seed: 1,
      analyser: lexiconAnalyser,
    });
    expect(session.context.contacts).toHaveLength(1);
    intent(session, { type: 'answer', contact: 'c1' });
    session.send({ type: 'clock.tick', ms: 2 * MIN });
    expect(statusOf(session)).toEqual({ c1: 'open', c2: 'queued' });
    const events = session.send({ type: 'clock.tick', ms: 6 * MIN });
    expect(events).toContainEqual(
      expect.objectContaining({ type: 'persona.ended', contact: 'c2', ending: 'abandoned' }),
    );
    expect(statusOf(session).c2).toBe('ended');
  });

  it('the clock runs at the shift speed, no faster than an open email’s own clock, and stops while paused', () => {
    const session = new ShiftSession({
      scenarios: [mail],
      shift: shiftOf([{ scenario: 'm', atMs: 0 }], { speed: 30 }),
      seed: 1,
      analyser: lexiconAnalyser,
    });
    session.send({ type: 'clock.tick', ms: 1000 });
    expect(session.now).toBe(30_000);
    session.send({ type: 'clock.pause' });
    session.send({ type: 'clock.tick', ms: 1000 });
    expect(session.now).toBe(30_000);
    session.send({ type: 'clock.resume' });
    // Faster than an email customer's own clock (36 game seconds a second): the email's pace holds.
    session.send({ type: 'clock.speed', speed: 60 });
    session.send({ type: 'clock.tick', ms: 1000 });
    expect(session.now).toBe(66_000);
  });
});

describe('promises', () => {
  const scenario = tinyScenario({ id: 'promise-case' });
  const practice = () =>
    new ShiftSession({
      scenarios: [scenario],
      shift: practiceShift(scenario),
      seed: 1,
      analyser: lexiconAnalyser,
    });

  it('a promise fulfilled before its deadline is kept, and the persona hears it', () => {
    const session = practice();
    intent(session, { type: 'promise', contact: 'c1', what: 'callback', dueAt: 30 * MIN, text: null });
    session.send({ type: 'clock.advance', ms: 10 * MIN });
    const events = intent(session, { type: 'fulfil', contact: 'c1', promise: 'p1' });
    expect(events.map((e) => e.type)).toContain('promise.kept');
    expect(session.context.contacts[0]?.ending).toBe('satisfied');
  });

  it('a promise left open past its deadline breaks at the deadline', () => {
    const session = practice();
    intent(session, { type: 'promise', contact: 'c1', what: 'callback', dueAt: 30 * MIN, text: null });
    const events = session.send({ type: 'clock.advance', ms: 40 * MIN });
    expect(events.find((e) => e.type === 'promise.broken')).toMatchObject({
      at: 30 * MIN + 1,
      promise: 'p1',
    });
    expect(session.context.contacts[0]?.ending).toBe('upset');
    expect(session.context.promises[0]?.status).toBe('broken');
  });

  it('refuses a promise due in the past and an unknown promise', () => {
    const session = practice();
    session.send({ type: 'clock.tick', ms: 100 });
    expect(
      refusal(intent(session, { type: 'promise', contact: 'c1', what: 'email', dueAt: 0, text: null })),
    ).toMatchObject({
      reason: 'due-in-the-past',
    });
    expect(refusal(intent(session, { type: 'fulfil', contact: 'c1', promise: 'p9' }))).toMatchObject({
      reason: 'unknown-promise',
    });
  });
});

describe('escalation', () => {
  it('a tier that closes the case for good keeps the callback promised for it, not a promised email', () => {
    const scenario = tinyScenario({ id: 'closing', level: 2 });
    const session = new ShiftSession({
      scenarios: [scenario],
      shift: practiceShift(scenario),
      seed: 1,
      analyser: lexiconAnalyser,
    });
    intent(session, { type: 'promise', contact: 'c1', what: 'callback', dueAt: 60 * MIN, text: null });
    intent(session, { type: 'promise', contact: 'c1', what: 'email', dueAt: 90 * MIN, text: null });
    intent(session, { type: 'escalate', contact: 'c1', tier: 2, note: 'refund above my limit' });
    session.send({ type: 'clock.advance', ms: 31 * MIN });
    expect(session.context.contacts[0]?.ending).toBe('satisfied');
    expect(session.context.promises.map((p) => [p.what, p.status, p.settledAt])).toEqual([
      ['callback', 'kept', 30 * MIN],
      ['email', 'open', null],
    ]);
  });

  it('a tier at or above the level the case needs resolves it after its response time', () => {
    const scenario = tinyScenario({ id: 'l2-case', level: 2 });
    const session = new ShiftSession({
      scenarios: [scenario],
      shift: practiceShift(scenario),
      seed: 1,
      analyser: lexiconAnalyser,
    });
    const sent = intent(session, {
      type: 'escalate',
      contact: 'c1',
      tier: 2,
      note: 'Needs a refund over my limit.',
    });
    expect(sent.find((e) => e.type === 'handoff.sent')).toMatchObject({ tier: 2, answerAt: 30 * MIN });
    const answered = session.send({ type: 'clock.advance', ms: 31 * MIN });
    expect(answered.find((e) => e.type === 'handoff.answered')).toMatchObject({
      does: 'resolves',
      at: 30 * MIN,
    });
    expect(session.context.contacts[0]?.ending).toBe('satisfied');
  });

  it('a tier below the level the case needs now (after a twist) sends it back', () => {
    const scenario = tinyScenario({
      id: 'twist',
      level: 2,
      beats: `  - id: start
    on:
      - did: lookup
        go: threat
  - id: threat
    says: { en: I'm going to the press, es: Voy a la prensa }
    raise_level: 4
    on:
      - handoff: returned
        go: angry
      - handoff: resolved
        go: done
  - id: angry
    ending: upset
  - id: done
    ending: satisfied
`,
    });
    const session = new ShiftSession({
      scenarios: [scenario],
      shift: practiceShift(scenario),
      seed: 1,
      analyser: lexiconAnalyser,
    });
    const twist = intent(session, { type: 'lookup', contact: 'c1' });
    expect(twist).toContainEqual(expect.objectContaining({ type: 'persona.levelRaised', level: 4 }));
    intent(session, { type: 'escalate', contact: 'c1', tier: 3, note: 'threat' });
    session.send({ type: 'clock.advance', ms: 3 * 60 * MIN });
    expect(session.context.contacts[0]?.ending).toBe('upset');
  });
});

describe('refusals are recorded with a reason', () => {
  const scenario = tinyScenario({ id: 'refuse' });
  const session = new ShiftSession({
    scenarios: [scenario],
    shift: practiceShift(scenario),
    seed: 1,
    analyser: lexiconAnalyser,
  });

  it.each([
    [{ type: 'lookup', contact: 'c7' }, 'unknown-contact'],
    [{ type: 'offer', contact: 'c1', kind: 'refund', amount: 51 }, 'beyond-authority'],
    [{ type: 'offer', contact: 'c1', kind: 'pay', amount: 1 }, 'beyond-authority'],
    [{ type: 'escalate', contact: 'c1', tier: 1, note: '' }, 'not-above-your-tier'],
    [{ type: 'escalate', contact: 'c1', tier: 9, note: '' }, 'tier-outside-ladder'],
    [{ type: 'ask', contact: 'c1', fact: 'nothing' }, 'unknown-fact'],
    [{ type: 'reply', contact: 'c1', text: 'Hi', choice: 'nope', language: 'en' }, 'unknown-choice'],
  ] as const)('%o is refused: %s', (body, reason) => {
    const events = intent(session, body as never);
    expect(refusal(events)).toMatchObject({ reason });
    expect(session.transcript.entries.at(-1)).toMatchObject({
      kind: 'event',
      event: { type: 'intent.refused', reason },
    });
  });

  it('an intent stamped with another time is refused', () => {
    const events = session.send({
      type: 'trainee.intent',
      intent: { type: 'lookup', contact: 'c1', at: session.now + 5 },
    });
    expect(refusal(events)).toMatchObject({ reason: 'clock-mismatch' });
  });

  it('an offer within authority is accepted', () => {
    expect(
      refusal(intent(session, { type: 'offer', contact: 'c1', kind: 'refund', amount: 50 })),
    ).toBeUndefined();
  });

  it('nothing is accepted for an ended contact or after the shift', () => {
    intent(session, { type: 'resolve', contact: 'c1' });
    expect(refusal(intent(session, { type: 'lookup', contact: 'c1' }))).toMatchObject({
      reason: 'shift-over',
    });
  });
});
