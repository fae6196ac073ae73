/**
 * "Play from a beat": a practice attempt whose persona starts in a chosen beat with chosen feelings
 * and known facts. The start is part of the record, so a replay, a save and a scorecard reproduce it,
 * and a bad start is refused with a message that says how to fix it.
 */
import { describe, expect, it } from 'vitest';
import { lexiconAnalyser } from '../../../src/core/analysis/lexiconAnalyser';
import type { Intent } from '../../../src/core/engine/intents';
import { checkPersonaStart, type PersonaStart } from '../../../src/core/engine/personaStart';
import { practiceShift } from '../../../src/core/engine/practiceShift';
import { replayTranscript } from '../../../src/core/engine/replayTranscript';
import { restoreSession, saveSession } from '../../../src/core/engine/saves';
import { ShiftSession } from '../../../src/core/engine/session';
import { parseScorecard } from '../../../src/core/scoring/readScorecard';
import { createScorecard, scorecardToJson } from '../../../src/core/scoring/scorecard';
import { verdictOf, verifyScorecard } from '../../../src/core/scoring/verifyScorecard';
import { loadStarterPack } from '../../support/starterPack';

const { scenarios } = loadStarterPack();
const scenario = scenarios.find((s) => s.id === 'locked-out-before-payroll');
if (!scenario) throw new Error('the shipped scenario locked-out-before-payroll is missing');

const midway: PersonaStart = {
  beat: 'looked-up',
  mood: -0.5,
  trust: 0.2,
  patience: 0.5,
  facts: ['lock-reason'],
};

function session(from?: PersonaStart): ShiftSession {
  return new ShiftSession({
    scenarios,
    shift: practiceShift(scenario as NonNullable<typeof scenario>, from),
    seed: 3,
    analyser: lexiconAnalyser,
  });
}

function choose(s: ShiftSession, choice: string): void {
  const text = scenario?.beats.flatMap((b) => b.choices).find((c) => c.id === choice)?.text.en ?? choice;
  const intent: Intent = { type: 'reply', at: s.now, contact: 'c1', text, choice, language: 'en' };
  s.send({ type: 'trainee.intent', intent });
}

describe('a practice attempt started from a beat', () => {
  it('starts the persona in that beat, with those feelings and facts', () => {
    const s = session(midway);
    const persona = s.context.contacts[0]?.persona.context;
    expect(persona?.beat).toBe('looked-up');
    expect(persona).toMatchObject({ mood: -0.5, trust: 0.2, patience: 0.5 });
    expect(persona?.known).toContain('lock-reason');
    expect(s.events.find((e) => e.type === 'persona.moved')).toMatchObject({ from: null, to: 'looked-up' });
    // The beat's own line is said, as on arriving there in play.
    expect(s.events.some((e) => e.type === 'persona.said' && e.line.en?.includes('Why is it locked?'))).toBe(
      true,
    );
  });

  it('lets the known facts open the choices that need them', () => {
    const knowing = session(midway);
    choose(knowing, 'explain-phone');
    expect(knowing.context.contacts[0]?.persona.context.beat).toBe('explained');

    const unknowing = session({ beat: 'looked-up' });
    choose(unknowing, 'explain-phone');
    expect(unknowing.events.at(-1)).toMatchObject({ type: 'intent.refused', reason: 'choice-needs-facts' });
  });

  it('leaves a normal attempt exactly as it was: no start recorded, the scenario start', () => {
    expect(practiceShift(scenario).arrivals).toStrictEqual([{ scenario: scenario.id, atMs: 0 }]);
    const s = session();
    expect(s.context.contacts[0]?.persona.context.beat).toBe('opening');
    expect(s.context.contacts[0]).not.toHaveProperty('startBeat');
  });

  it('records the start, so a replay, a save and a scorecard reproduce it', () => {
    const s = session(midway);
    choose(s, 'explain-phone');
    choose(s, 'reset-link');
    expect(s.context.contacts[0]?.ending).toBe('satisfied');
    expect(s.transcript.shift.arrivals[0]?.from).toEqual(midway);

    const replayed = replayTranscript(s.transcript, scenarios, lexiconAnalyser);
    expect(replayed.ok).toBe(true);

    const saved = saveSession(s);
    const restored = restoreSession(saved, scenarios, lexiconAnalyser);
    if (!restored.ok) throw new Error(restored.problems[0]?.message);
    expect(restored.value.session.events).toEqual(s.events);
    // The start is part of what a save proves: another start does not replay to the saved events.
    const moved = JSON.parse(saved);
    moved.shift.arrivals[0].from.mood = 0.5;
    const tampered = restoreSession(JSON.stringify(moved), scenarios, lexiconAnalyser);
    expect(tampered.ok ? 'restored' : tampered.problems[0]?.code).toBe('does-not-replay');

    const card = createScorecard(s.transcript, scenarios, {
      trainee: { name: 'Trainer', id: 'named-trainer' },
      attemptId: 'from-a-beat',
      language: 'en',
      finishedAt: null,
    });
    const read = parseScorecard(scorecardToJson(card), 'from.scorecard.json');
    if (!read.ok || !read.value.current)
      throw new Error(read.ok ? 'read as a summary' : read.problems[0]?.message);
    const { scorecard } = read.value;
    expect(scorecard.shift.arrivals[0]?.from).toEqual(midway);
    expect(verdictOf(verifyScorecard(scorecard, scenarios, { analyser: lexiconAnalyser }))).toBe('verified');
    // Verification replays the recorded start: a scorecard whose start was changed does not verify.
    const edited = JSON.parse(scorecardToJson(card));
    edited.shift.arrivals[0].from.facts = [];
    const reread = parseScorecard(JSON.stringify(edited), 'edited.scorecard.json');
    if (!reread.ok || !reread.value.current) throw new Error('the edited scorecard should still read');
    expect(
      verdictOf(verifyScorecard(reread.value.scorecard, scenarios, { analyser: lexiconAnalyser })),
    ).not.toBe('verified');
  });
});

describe('a bad start', () => {
  const problems = (start: PersonaStart) => {
    const checked = checkPersonaStart(scenario, start);
    return checked.ok ? [] : checked.problems.map((p) => `${p.code} ${p.field}${p.index ?? ''}`);
  };

  it('is refused for an unknown beat, naming the beats to start from', () => {
    const checked = checkPersonaStart(scenario, { beat: 'lookedup' });
    expect(checked.ok ? [] : checked.problems.map((p) => p.code)).toEqual(['unknown-beat']);
    expect(checked.ok ? '' : checked.problems[0]?.message).toContain('`looked-up`');
  });

  it('is refused for an ending, an unknown fact and feelings out of range', () => {
    expect(problems({ beat: 'back-in' })).toEqual(['ending-beat beat']);
    expect(problems({ beat: 'opening', facts: ['account', 'phone'] })).toEqual(['unknown-fact facts1']);
    expect(problems({ beat: 'opening', mood: -1.5, trust: 2, patience: 0 })).toEqual([
      'out-of-range mood',
      'out-of-range trust',
      'out-of-range patience',
    ]);
    expect(problems({ beat: 'opening', mood: -1, trust: 0, patience: 1, facts: [] })).toEqual([]);
  });

  it('stops a session from starting, with the message', () => {
    expect(() => session({ beat: 'back-in' })).toThrow(/is an ending/);
  });
});
