/**
 * A call rings until the trainee answers it: it opens only then, nothing else reaches the caller
 * before, one line rings at a time, a caller left ringing gives up on their patience, and nobody skips
 * the clock past a ringing phone. Attempts made by engine 7.0.0, when calls opened by themselves,
 * still replay and resume under those rules.
 */
import { describe, expect, it } from 'vitest';
import { lexiconAnalyser } from '../../../src/core/analysis/lexiconAnalyser';
import type { Intent } from '../../../src/core/engine/intents';
import { practiceShift } from '../../../src/core/engine/practiceShift';
import { replayTranscript } from '../../../src/core/engine/replayTranscript';
import { restoreSession, saveSession } from '../../../src/core/engine/saves';
import { ENGINE_VERSION, ShiftSession } from '../../../src/core/engine/session';
import type { ShiftEmitted } from '../../../src/core/engine/shiftSteps';
import type { Scenario, Shift } from '../../../src/core/scenario/types';
import { tinyScenario } from '../../support/tinyScenario';

const MIN = 60_000;
const call = tinyScenario({ id: 'caller', channel: 'phone' });
const second = tinyScenario({ id: 'second-caller', channel: 'phone' });
const chat = tinyScenario({ id: 'chatter' });

function shiftOf(arrivals: readonly Scenario[], speed = 1): Shift {
  return {
    id: 'ringing',
    title: { en: 'Ringing', es: 'Sonando' },
    lengthMs: null,
    speed,
    jitterMs: 0,
    arrivals: arrivals.map((s) => ({ scenario: s.id, atMs: 0 })),
  };
}

function desk(arrivals: readonly Scenario[], options: { speed?: number; engineVersion?: string } = {}) {
  return new ShiftSession({
    scenarios: [...new Set(arrivals)],
    shift: shiftOf(arrivals, options.speed),
    seed: 1,
    analyser: lexiconAnalyser,
    ...(options.engineVersion ? { engineVersion: options.engineVersion } : {}),
  });
}

const act = (s: ShiftSession, body: Record<string, unknown> & { type: Intent['type']; contact: string }) =>
  s.send({ type: 'trainee.intent', intent: { at: s.now, ...body } as Intent });
const refusal = (events: readonly ShiftEmitted[]) =>
  events.flatMap((e) => (e.type === 'intent.refused' ? [e.reason] : []))[0] ?? null;
const statuses = (s: ShiftSession) => s.context.contacts.map((c) => c.status);
const reply = { type: 'reply', text: 'Hello, how can I help?', choice: null, language: 'en' } as const;

describe('a ringing call', () => {
  it('rings when there is room for it, and opens when the trainee answers, at the answer', () => {
    const s = desk([call]);
    expect(statuses(s)).toEqual(['ringing']);
    expect(s.events).toContainEqual({
      type: 'contact.status',
      at: 0,
      contact: 'c1',
      status: 'ringing',
      ending: null,
    });
    expect(s.context.contacts[0]?.openedAt).toBeNull();
    s.send({ type: 'clock.tick', ms: 30_000 });
    const answered = act(s, { type: 'answer', contact: 'c1' });
    expect(answered[0]).toEqual({
      type: 'contact.status',
      at: 30_000,
      contact: 'c1',
      status: 'open',
      ending: null,
    });
    expect(s.context.contacts[0]).toMatchObject({ status: 'open', openedAt: 30_000 });
    expect(refusal(act(s, { ...reply, contact: 'c1' }))).toBeNull();
  });

  it('lets nothing reach the caller before the answer: call-ringing', () => {
    const s = desk([call]);
    for (const body of [
      reply,
      { type: 'lookup' },
      { type: 'hold' },
      { type: 'resolve' },
      { type: 'end' },
      { type: 'promise', what: 'callback', dueAt: 30 * MIN, text: null },
    ] as const) {
      expect(refusal(act(s, { ...body, contact: 'c1' })), body.type).toBe('call-ringing');
    }
    expect(statuses(s)).toEqual(['ringing']);
    expect(s.context.promises).toEqual([]);
    expect(s.context.contacts[0]?.replies).toEqual([]);
  });

  it('refuses to answer what is not ringing: not-ringing, or contact-ended once the caller is gone', () => {
    const s = desk([call, second, chat]);
    expect(statuses(s)).toEqual(['ringing', 'queued', 'open']);
    expect(refusal(act(s, { type: 'answer', contact: 'c3' }))).toBe('not-ringing');
    expect(refusal(act(s, { type: 'answer', contact: 'c2' }))).toBe('not-ringing');
    act(s, { type: 'answer', contact: 'c1' });
    expect(refusal(act(s, { type: 'answer', contact: 'c1' }))).toBe('not-ringing');
    act(s, { type: 'end', contact: 'c1' });
    expect(refusal(act(s, { type: 'answer', contact: 'c1' }))).toBe('contact-ended');
  });

  it('rings one line at a time and does not hold the trainee; answered, it does', () => {
    const s = desk([call, second, chat]);
    expect(statuses(s)).toEqual(['ringing', 'queued', 'open']);
    expect(refusal(act(s, { type: 'lookup', contact: 'c3' }))).toBeNull();
    act(s, { type: 'answer', contact: 'c1' });
    expect(statuses(s)).toEqual(['open', 'queued', 'open']);
    expect(refusal(act(s, { type: 'lookup', contact: 'c3' }))).toBe('on-another-call');
    act(s, { type: 'hold', contact: 'c1' });
    expect(statuses(s)).toEqual(['held', 'ringing', 'open']);
    act(s, { type: 'unhold', contact: 'c1' });
    expect(refusal(act(s, { type: 'answer', contact: 'c2' }))).toBe('on-another-call');
    act(s, { type: 'end', contact: 'c1' });
    expect(refusal(act(s, { type: 'answer', contact: 'c2' }))).toBeNull();
  });

  it('is given up by a caller whose patience runs out, at the same game time however time is cut', () => {
    const impatient = tinyScenario({ id: 'impatient', channel: 'phone', patience: 0 });
    const once = desk([impatient]);
    once.send({ type: 'clock.tick', ms: 10 * MIN });
    const inSeconds = desk([impatient]);
    for (let i = 0; i < 600; i += 1) inSeconds.send({ type: 'clock.tick', ms: 1000 });
    expect(inSeconds.events).toEqual(once.events);
    // Four minutes of patience, after the first minute's grace.
    expect(once.events).toContainEqual({
      type: 'contact.status',
      at: 5 * MIN,
      contact: 'c1',
      status: 'ended',
      ending: 'abandoned',
    });
    expect(once.isOver).toBe(true);
    expect(refusal(act(once, { type: 'answer', contact: 'c1' }))).toBe('shift-over');
  });

  it('charges the ringing to the caller’s patience when answered, and their wait starts again', () => {
    const s = desk([call]);
    s.send({ type: 'clock.tick', ms: 5 * MIN });
    act(s, { type: 'answer', contact: 'c1' });
    const persona = s.context.contacts[0]?.persona.context;
    expect(persona?.patience).toBeLessThan(1);
    expect(persona?.answeredAt).toBe(5 * MIN);
  });

  it('keeps the clock at real time and refuses a skip while it rings', () => {
    const s = desk([call], { speed: 30 });
    expect(s.pace).toBe(1);
    expect(s.canSkip).toBe(false);
    s.send({ type: 'clock.tick', ms: 1000 });
    expect(s.now).toBe(1000);
    expect(s.send({ type: 'clock.skip' })).toEqual([]);
    expect(s.now).toBe(1000);
    act(s, { type: 'answer', contact: 'c1' });
    act(s, { type: 'promise', contact: 'c1', what: 'callback', dueAt: 30 * MIN, text: null });
    expect(s.canSkip).toBe(true);
  });
});

describe('attempts made by engine 7.0.0, before calls rang', () => {
  const older = () => {
    const s = desk([call], { engineVersion: '7.0.0' });
    s.send({ type: 'clock.tick', ms: 20_000 });
    act(s, { ...reply, contact: 'c1' });
    return s;
  };

  it('open a call at once, as that engine did, and are stamped with it', () => {
    const s = older();
    expect(statuses(s)).toEqual(['open']);
    expect(s.transcript.engineVersion).toBe('7.0.0');
    expect(refusal(act(s, { type: 'answer', contact: 'c1' }))).toBe('not-ringing');
  });

  it('replay under their own rules', () => {
    const transcript = JSON.parse(JSON.stringify(older().transcript));
    const replayed = replayTranscript(transcript, [call], lexiconAnalyser);
    expect(replayed.ok).toBe(true);
    expect(replayed.ok && replayed.value.engineVersion).toBe('7.0.0');
  });

  it('resume exactly from a save, and carry on under the rules they were made with', () => {
    const s = older();
    const restored = restoreSession(saveSession(s), [call], lexiconAnalyser);
    if (!restored.ok) throw new Error(restored.problems[0]?.message);
    expect(restored.value.madeUnder).toBeNull();
    const resumed = restored.value.session;
    expect(resumed.engineVersion).toBe('7.0.0');
    expect(resumed.events).toEqual(s.events);
    expect(refusal(act(resumed, { type: 'resolve', contact: 'c1' }))).toBeNull();
    expect(JSON.parse(saveSession(resumed)).engineVersion).toBe('7.0.0');
  });

  it('are the only earlier ones this build plays; an unknown engine is refused', () => {
    expect(ENGINE_VERSION).toBe('8.0.0');
    expect(() => desk([call], { engineVersion: '6.0.0' })).toThrow(RangeError);
    const transcript = { ...older().transcript, engineVersion: '6.0.0' };
    expect(replayTranscript(transcript, [call], lexiconAnalyser)).toMatchObject({
      ok: false,
      problems: [{ code: 'engine-version', made: '6.0.0' }],
    });
  });
});

describe('a practice call', () => {
  it('rings from the start of the run', () => {
    const s = new ShiftSession({
      scenarios: [call],
      shift: practiceShift(call),
      seed: 1,
      analyser: lexiconAnalyser,
    });
    expect(statuses(s)).toEqual(['ringing']);
  });
});
