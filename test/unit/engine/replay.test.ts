/**
 * Determinism: any sequence of clock ticks and trainee intents (valid or not) against any shipped
 * scenario replays to exactly the same events, every recorded judgement included, from the transcript
 * and from a save; a damaged, truncated or incompatible save is refused whole, with a reason; and a
 * save made under earlier rules can be played again under the current ones instead of being lost.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../../src/core';
import { lexiconAnalyser } from '../../../src/core/analysis/lexiconAnalyser';
import { canonicalJson } from '../../../src/core/canonicalJson';
import type { Intent } from '../../../src/core/engine/intents';
import { practiceShift } from '../../../src/core/engine/practiceShift';
import { replayTranscript } from '../../../src/core/engine/replayTranscript';
import { restoreSession, SAVE_FORMAT, saveSession } from '../../../src/core/engine/saves';
import { ENGINE_VERSION, ShiftSession } from '../../../src/core/engine/session';
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
    intent(
      fc.record({
        type: fc.constantFrom('answer', 'answer', 'lookup', 'reproduce', 'resolve', 'hold', 'unhold', 'end'),
      }),
    ),
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

/** Picks up the first customer's call (refused, and harmless, on a channel that does not ring). */
const ANSWER = (now: number): ShiftInput => ({
  type: 'trainee.intent',
  intent: { type: 'answer', at: now, contact: 'c1' },
});

function play(scenario: Scenario, steps: ((now: number) => ShiftInput)[], seed: number): ShiftSession {
  const session = new ShiftSession({
    scenarios: [scenario],
    shift: practiceShift(scenario),
    seed,
    analyser: lexiconAnalyser,
  });
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
          const replay = replayTranscript(transcript, scenarios, lexiconAnalyser);
          expect(replay.ok).toBe(true);
          const restored = restoreSession(saveSession(session), scenarios, lexiconAnalyser);
          if (!restored.ok) throw new Error(restored.problems[0]?.message);
          expect(canonicalJson(restored.value.session.events)).toBe(canonicalJson(session.events));
          expect(restored.value.session.context.now).toBe(session.now);
          expect(restored.value.madeUnder).toBeNull();
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
    const replay = replayTranscript(transcript as never, scenarios, lexiconAnalyser);
    expect(replay).toMatchObject({ ok: false, problems: [{ code: 'diverged', seq: said }] });
  });

  it('finds an edited judgement: the analysis recorded for a reply must come out again', () => {
    const scenario = scenarios[0] as Scenario;
    const session = play(
      scenario,
      [
        ANSWER,
        (now) => ({
          type: 'trainee.intent',
          intent: {
            type: 'reply',
            at: now,
            contact: 'c1',
            text: REPLIES[1] ?? '',
            choice: null,
            language: 'en',
          },
        }),
      ],
      1,
    );
    const transcript = structuredClone(session.transcript) as unknown as {
      entries: { kind: string; event?: { type: string; tone?: number } }[];
    };
    const analysed = transcript.entries.findIndex((e) => e.event?.type === 'reply.analysed');
    const event = transcript.entries[analysed]?.event;
    expect(event?.tone).toBeLessThan(0);
    if (event) event.tone = 0.9;
    expect(replayTranscript(transcript as never, scenarios, lexiconAnalyser)).toMatchObject({
      ok: false,
      problems: [{ code: 'diverged', seq: analysed }],
    });
  });

  it('records who judged each reply, and will not re-check a transcript another analyser made', () => {
    const scenario = scenarios[0] as Scenario;
    const session = play(
      scenario,
      [
        ANSWER,
        (now) => ({
          type: 'trainee.intent',
          intent: { type: 'reply', at: now, contact: 'c1', text: 'Hello', choice: null, language: 'en' },
        }),
      ],
      1,
    );
    const transcript = session.transcript;
    expect(transcript.analyser).toEqual({ id: 'lexicon', version: lexiconAnalyser.version });
    const analysed = transcript.entries.find((e) => e.kind === 'event' && e.event.type === 'reply.analysed');
    expect(analysed?.kind === 'event' && analysed.event.type === 'reply.analysed' && analysed.event.by).toBe(
      `lexicon@${lexiconAnalyser.version}`,
    );
    const other = { ...lexiconAnalyser, version: '0.1.0' };
    expect(replayTranscript(transcript, scenarios, other)).toMatchObject({
      ok: false,
      problems: [
        { code: 'analyser-version', made: `lexicon@${lexiconAnalyser.version}`, current: 'lexicon@0.1.0' },
      ],
    });
    expect(
      replayTranscript({ ...transcript, engineVersion: '1.1.0' }, scenarios, lexiconAnalyser),
    ).toMatchObject({
      ok: false,
      problems: [{ code: 'engine-version', made: '1.1.0', current: ENGINE_VERSION }],
    });
  });

  it('says when the scenario version played is not available', () => {
    const scenario = scenarios[0] as Scenario;
    const transcript = play(scenario, [], 1).transcript;
    const changed = {
      ...transcript,
      scenarios: [{ ...transcript.scenarios[0], contentHash: '0'.repeat(64) }],
    };
    expect(replayTranscript(changed as never, scenarios, lexiconAnalyser)).toMatchObject({
      ok: false,
      problems: [{ code: 'scenario-unavailable' }],
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
    const restored = restoreSession(saved, scenarios, lexiconAnalyser);
    if (!restored.ok) throw new Error(restored.problems[0]?.message);
    expect(restored.value.session.context.contacts[0]?.persona.context).toEqual(
      session.context.contacts[0]?.persona.context,
    );
    expect(restored.value.session.transcript).toEqual(session.transcript);
  });

  it('plays a save made under earlier rules again under the current ones, when asked to, and says so', () => {
    const older = JSON.parse(saved) as Record<string, unknown>;
    older.version = 1;
    older.engineVersion = '1.1.0';
    delete older.analyser;
    older.eventsHash = '0'.repeat(64);
    const text = JSON.stringify(older);
    const refused = restoreSession(text, scenarios, lexiconAnalyser);
    expect(refused).toMatchObject({ ok: false, problems: [{ code: 'other-rules' }] });
    expect(!refused.ok && refused.problems[0]?.message).toMatch(/engine 1\.1\.0/);
    const replayed = restoreSession(text, scenarios, lexiconAnalyser, { replayUnderCurrentRules: true });
    if (!replayed.ok) throw new Error(replayed.problems[0]?.message);
    expect(replayed.value.madeUnder).toBe('1.1.0');
    expect(replayed.value.session.inputs).toEqual(session.inputs);
    expect(JSON.parse(saveSession(replayed.value.session))).toMatchObject({
      format: SAVE_FORMAT,
      engineVersion: ENGINE_VERSION,
      analyser: { id: 'lexicon', version: lexiconAnalyser.version },
    });
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
    const restored = restoreSession(text, scenarios, lexiconAnalyser);
    expect(restored.ok).toBe(false);
    expect(!restored.ok && restored.problems[0]?.message).toMatch(reason);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json()), (text) => {
        expect(restoreSession(text, scenarios, lexiconAnalyser).ok).toBe(false);
      }),
    );
  });
});

describe('recording clock ticks', () => {
  const scenario = scenarios[0] as Scenario;
  const events = (s: ShiftSession) => canonicalJson(s.events);

  it('records ticks that caused nothing as one tick, and the shorter transcript replays the same', () => {
    const fine = new ShiftSession({
      scenarios: [scenario],
      shift: practiceShift(scenario),
      seed: 3,
      analyser: lexiconAnalyser,
    });
    const coarse = new ShiftSession({
      scenarios: [scenario],
      shift: practiceShift(scenario),
      seed: 3,
      analyser: lexiconAnalyser,
    });
    for (let i = 0; i < 600; i += 1) fine.send({ type: 'clock.tick', ms: 17 });
    coarse.send({ type: 'clock.tick', ms: 600 * 17 });
    expect(events(fine)).toBe(events(coarse));
    expect(fine.inputs.length).toBeLessThan(30);
    const replayed = replayTranscript(fine.transcript, scenarios, lexiconAnalyser);
    expect(replayed.ok).toBe(true);
  });

  it('keeps ticks of fractional milliseconds apart, where adding them up could round differently', () => {
    const session = new ShiftSession({
      scenarios: [scenario],
      shift: practiceShift(scenario),
      seed: 3,
      analyser: lexiconAnalyser,
    });
    for (let i = 0; i < 10; i += 1) session.send({ type: 'clock.tick', ms: 16.7 });
    expect(session.inputs).toHaveLength(10);
  });
});
