/**
 * Determinism: any sequence of clock ticks and trainee intents (valid or not) against any shipped
 * scenario replays to exactly the same events, from the transcript and from a save; and a damaged,
 * truncated or incompatible save is refused whole, with a reason.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../../src/core';
import { canonicalJson } from '../../../src/core/canonicalJson';
import type { Intent } from '../../../src/core/engine/intents';
import {
  ENGINE_VERSION,
  replayTranscript,
  restoreSession,
  ShiftSession,
  saveSession,
} from '../../../src/core/engine/session';
import { practiceShift } from '../../../src/core/engine/shift';
import type { ShiftInput } from '../../../src/core/engine/shiftMachine';
import { loadStarterPack } from '../../support/starterPack';

const { scenarios } = loadStarterPack();

const REPLIES = [
  "Hello, I'm so sorry about this. Let me check right away.",
  'Calm down, that is not my problem.',
  'Thank you for your patience, I understand how frustrating this is.',
  'YOU SHOULD HAVE READ THE MANUAL!!',
  'Hola, lo siento mucho. Déjeme revisarlo.',
];

function inputArbitrary(scenario: Scenario): fc.Arbitrary<(now: number) => ShiftInput> {
  const facts = scenario.facts.map((f) => f.id);
  const choices = scenario.beats.flatMap((b) => b.choices.map((c) => c.id));
  const contact = fc.constantFrom('c1', 'c1', 'c1', 'c2');
  const intent = (make: fc.Arbitrary<Record<string, unknown>>) =>
    fc.tuple(make, contact).map(
      ([body, c]) =>
        (now: number): ShiftInput => ({
          type: 'trainee.intent',
          intent: { at: now, contact: c, ...body } as Intent,
        }),
    );
  return fc.oneof(
    fc.integer({ min: 1, max: 20_000 }).map((ms) => () => ({ type: 'clock.tick', ms }) as ShiftInput),
    intent(
      fc.record({
        type: fc.constant('reply'),
        text: fc.constantFrom(...REPLIES),
        choice: choices.length ? fc.option(fc.constantFrom(...choices), { nil: null }) : fc.constant(null),
        language: fc.constantFrom('en', 'es'),
      }),
    ),
    intent(fc.record({ type: fc.constantFrom('lookup', 'reproduce', 'resolve', 'hold', 'unhold', 'end') })),
    intent(
      fc.record({
        type: fc.constant('ask'),
        fact: facts.length ? fc.constantFrom(...facts) : fc.constant('none'),
      }),
    ),
    intent(
      fc.record({
        type: fc.constant('offer'),
        kind: fc.constantFrom('information', 'refund', 'replace', 'pay', 'credit'),
        amount: fc.option(fc.integer({ min: 0, max: 2000 }), { nil: null }),
      }),
    ),
    fc.tuple(fc.integer({ min: 1, max: 60 }), contact).map(
      ([minutes, c]) =>
        (now: number): ShiftInput => ({
          type: 'trainee.intent',
          intent: {
            type: 'promise',
            at: now,
            contact: c,
            what: 'callback',
            dueAt: now + minutes * 60_000,
            text: null,
          },
        }),
    ),
    intent(fc.record({ type: fc.constant('fulfil'), promise: fc.constantFrom('p1', 'p2') })),
    intent(
      fc.record({
        type: fc.constant('escalate'),
        tier: fc.integer({ min: 1, max: 5 }),
        note: fc.constant('Handoff note'),
      }),
    ),
  );
}

function play(scenario: Scenario, steps: ((now: number) => ShiftInput)[], seed: number): ShiftSession {
  const session = new ShiftSession({ scenarios: [scenario], shift: practiceShift(scenario), seed });
  for (const step of steps) session.send(step(session.now));
  return session;
}

describe('replay', () => {
  it('replays any run exactly, from the transcript (also after a JSON round trip) and from a save', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...scenarios.map((s) => s.id)).chain((id) => {
          const scenario = scenarios.find((s) => s.id === id) as Scenario;
          return fc.tuple(
            fc.constant(id),
            fc.array(inputArbitrary(scenario), { maxLength: 25 }),
            fc.integer(),
          );
        }),
        ([id, steps, seed]) => {
          const scenario = scenarios.find((s) => s.id === id) as Scenario;
          const session = play(scenario, steps, seed);
          const transcript = JSON.parse(JSON.stringify(session.transcript));
          const replay = replayTranscript(transcript, scenarios);
          expect(replay.ok).toBe(true);
          const restored = restoreSession(saveSession(session), scenarios);
          if (!restored.ok) throw new Error(restored.reason);
          expect(canonicalJson(restored.session.events)).toBe(canonicalJson(session.events));
          expect(restored.ok && restored.session.context.now).toBe(session.now);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('finds the first difference when a recorded event was edited', () => {
    const scenario = scenarios[0] as Scenario;
    const session = play(scenario, [() => ({ type: 'clock.tick', ms: 1000 })], 1);
    const transcript = structuredClone(session.transcript) as unknown as {
      entries: { kind: string; event?: { type: string } }[];
    };
    const said = transcript.entries.findIndex((e) => e.kind === 'event' && e.event?.type === 'persona.said');
    (transcript.entries[said] as unknown as { event: { line: unknown } }).event.line = { en: 'Edited' };
    const replay = replayTranscript(transcript as never, scenarios);
    expect(replay).toMatchObject({ ok: false, reason: 'diverged', seq: said });
  });

  it('says when the scenario version played is not available', () => {
    const scenario = scenarios[0] as Scenario;
    const transcript = play(scenario, [], 1).transcript;
    const changed = {
      ...transcript,
      scenarios: [{ ...transcript.scenarios[0], contentHash: '0'.repeat(64) }],
    };
    expect(replayTranscript(changed as never, scenarios)).toMatchObject({
      ok: false,
      reason: 'scenario-unavailable',
    });
  });
});

describe('saves', () => {
  const scenario = scenarios.find((s) => s.id === 'locked-out-before-payroll') as Scenario;
  const session = play(
    scenario,
    [
      () => ({ type: 'clock.tick', ms: 500 }),
      (now) => ({ type: 'trainee.intent', intent: { type: 'lookup', at: now, contact: 'c1' } }),
    ],
    7,
  );
  const saved = saveSession(session);

  it('restores to exactly the saved state', () => {
    const restored = restoreSession(saved, scenarios);
    if (!restored.ok) throw new Error(restored.reason);
    expect(restored.session.context.contacts[0]?.persona.context).toEqual(
      session.context.contacts[0]?.persona.context,
    );
    expect(restored.session.transcript).toEqual(session.transcript);
  });

  it.each([
    ['empty', '', /empty/],
    ['truncated', saved.slice(0, saved.length - 20), /not valid JSON/],
    ['not a save', '{"hello":1}', /damaged/],
    [
      'from another engine',
      saved.replace(`"engineVersion":"${ENGINE_VERSION}"`, '"engineVersion":"0.9.0"'),
      /engine 0\.9\.0/,
    ],
    ['with an edited input', saved.replace('"ms":500', '"ms":501'), /does not replay/],
    [
      'for a scenario version we do not have',
      saved.replace(scenario.contentHash, 'f'.repeat(64)),
      /no longer available/,
    ],
    [
      'with a prototype-polluting key',
      saved.replace('{"format"', '{"__proto__":{"polluted":1},"format"'),
      /damaged/,
    ],
    ['too large', `${saved}${' '.repeat(6 * 1024 * 1024)}`, /larger than/],
  ])('refuses a save that is %s', (_name, text, reason) => {
    const restored = restoreSession(text, scenarios);
    expect(restored.ok).toBe(false);
    expect(!restored.ok && restored.reason).toMatch(reason);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json()), (text) => {
        expect(restoreSession(text, scenarios).ok).toBe(false);
      }),
    );
  });
});

describe('recording clock ticks', () => {
  const scenario = scenarios[0] as Scenario;
  const events = (s: ShiftSession) => canonicalJson(s.events);

  it('records ticks that caused nothing as one tick, and the shorter transcript replays the same', () => {
    const fine = new ShiftSession({ scenarios: [scenario], shift: practiceShift(scenario), seed: 3 });
    const coarse = new ShiftSession({ scenarios: [scenario], shift: practiceShift(scenario), seed: 3 });
    for (let i = 0; i < 600; i += 1) fine.send({ type: 'clock.tick', ms: 17 });
    coarse.send({ type: 'clock.tick', ms: 600 * 17 });
    expect(events(fine)).toBe(events(coarse));
    expect(fine.inputs.length).toBeLessThan(30);
    const replayed = replayTranscript(fine.transcript, scenarios);
    expect(replayed.ok).toBe(true);
  });

  it('keeps ticks of fractional milliseconds apart, where adding them up could round differently', () => {
    const session = new ShiftSession({ scenarios: [scenario], shift: practiceShift(scenario), seed: 3 });
    for (let i = 0; i < 10; i += 1) session.send({ type: 'clock.tick', ms: 16.7 });
    expect(session.inputs).toHaveLength(10);
  });
});
