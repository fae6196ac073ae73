/**
 * The game's attempt, without a browser: played by intents and frame ticks, saved after every intent,
 * resumed exactly after a "refresh", scored when it ends, and robust to storage that is full, disabled,
 * damaged or from a newer version: the game carries on and nothing readable is thrown away.
 */
import { describe, expect, it } from 'vitest';
import { lexiconAnalyser } from '../../../src/core/analysis/lexiconAnalyser';
import { practiceShift } from '../../../src/core/engine/practiceShift';
import { saveSession } from '../../../src/core/engine/saves';
import { ENGINE_VERSION, ShiftSession } from '../../../src/core/engine/session';
import { verdictOf, verifyScorecard } from '../../../src/core/scoring/verifyScorecard';
import { Attempt, type AttemptSettings } from '../../../src/game/attempt/Attempt';
import {
  ATTEMPT_FORMAT,
  ATTEMPT_VERSION,
  AttemptStore,
  type KeyValueStorage,
} from '../../../src/game/attempt/attemptStore';
import { caseRecord, conversation, promiseTracker, queue } from '../../../src/game/attempt/deskView';
import { type AttemptDatabase, bestGrades, HistoryStore } from '../../../src/game/attempt/historyStore';
import { MemoryAttemptDatabase } from '../../support/memoryAttemptDatabase';
import { loadStarterPack } from '../../support/starterPack';

/** A Storage stand-in that can be made full or broken. */
class MemoryStorage implements KeyValueStorage {
  readonly items = new Map<string, string>();
  fullFor: ((key: string, value: string) => boolean) | null = null;
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    if (this.fullFor?.(key, value)) throw Object.assign(new Error('full'), { name: 'QuotaExceededError' });
    this.items.set(key, value);
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
}

const pack = loadStarterPack();
const clock = () => new Date('2026-11-22T10:00:00.000Z');
const world = (storage: KeyValueStorage | null, database: AttemptDatabase | null = null) => {
  const store = new AttemptStore(storage);
  return {
    scenarios: pack.scenarios,
    shifts: pack.shifts,
    store,
    history: new HistoryStore(Promise.resolve(database), store),
    now: clock,
  };
};
const practice: AttemptSettings = {
  trainee: 'Ana Ruiz',
  traineeId: '3f1c2a9e-0000-4000-8000-000000000001',
  employeeId: 'E-1042',
  language: 'en',
  mode: 'practice',
  playing: 'locked-out-before-payroll',
  replyMode: 'typed',
  coaching: true,
};

function playSome(attempt: Attempt): void {
  for (let i = 0; i < 60; i += 1) attempt.tick(16.7);
  attempt.act({
    type: 'reply',
    contact: 'c1',
    text: "Good morning, Dana. I'm sorry for the scare. Let me look at your account now.",
    choice: null,
    language: 'en',
  });
  for (let i = 0; i < 60; i += 1) attempt.tick(16.7);
  attempt.act({ type: 'lookup', contact: 'c1' });
}

describe('an attempt', () => {
  it('is saved after every intent and resumes exactly where it was', () => {
    const storage = new MemoryStorage();
    const attempt = Attempt.start(world(storage), practice, 7);
    playSome(attempt);
    const resumed = Attempt.resume(world(storage));
    if (!resumed.ok || !resumed.value) throw new Error('the attempt should resume');
    expect(resumed.value.madeUnder).toBeNull();
    expect(resumed.value.attempt.settings).toEqual(practice);
    expect(resumed.value.attempt.session.events).toEqual(attempt.session.events);
    expect(conversation(resumed.value.attempt.session, 'c1', 'en')).toEqual(
      conversation(attempt.session, 'c1', 'en'),
    );
  });

  it('started from a beat, resumes there and keeps its start for "Play again"', () => {
    const storage = new MemoryStorage();
    const from = { beat: 'looked-up', mood: -0.4, facts: ['lock-reason'] };
    const attempt = Attempt.start(world(storage), { ...practice, from }, 7);
    expect(attempt.session.transcript.shift.arrivals[0]?.from).toEqual(from);
    playSome(attempt);
    const resumed = Attempt.resume(world(storage));
    if (!resumed.ok || !resumed.value) throw new Error('the attempt should resume');
    expect(resumed.value.attempt.settings.from).toEqual(from);
    expect(resumed.value.attempt.session.events).toEqual(attempt.session.events);
    // The trainee's stored attempt keeps its fields: the start lives in the engine's save.
    const slot = storage.getItem('escalation-desk:attempt:current') === 'a' ? 'a' : 'b';
    expect(Object.keys(JSON.parse(storage.getItem(`escalation-desk:attempt:${slot}`) ?? '{}'))).not.toContain(
      'from',
    );
  });

  it('resumes an attempt saved by an earlier engine by playing it again under the current rules', () => {
    const storage = new MemoryStorage();
    const attempt = Attempt.start(world(storage), practice, 7);
    playSome(attempt);
    const slot = storage.getItem('escalation-desk:attempt:current') === 'a' ? 'a' : 'b';
    const key = `escalation-desk:attempt:${slot}`;
    const stored = JSON.parse(storage.getItem(key) ?? '{}');
    const save = JSON.parse(stored.save);
    Object.assign(save, { version: 1, engineVersion: '1.1.0', eventsHash: '0'.repeat(64) });
    delete save.analyser;
    storage.setItem(key, JSON.stringify({ ...stored, save: JSON.stringify(save) }));
    const resumed = Attempt.resume(world(storage));
    if (!resumed.ok || !resumed.value) throw new Error('the attempt should resume');
    expect(resumed.value.madeUnder).toBe('1.1.0');
    expect(resumed.value.attempt.session.inputs).toEqual(attempt.session.inputs);
    // Saved again at once, under the current rules: the next refresh resumes it exactly.
    const again = Attempt.resume(world(storage));
    expect(again.ok && again.value?.madeUnder).toBeNull();
    expect(
      JSON.parse(
        JSON.parse(
          storage.getItem(`escalation-desk:attempt:${storage.getItem('escalation-desk:attempt:current')}`) ??
            '{}',
        ).save,
      ).engineVersion,
    ).toBe(ENGINE_VERSION);
  });

  it('resumes a call saved under engine 7.0.0 exactly, open as that engine opened it, and finishes under its rules', () => {
    const scenario = pack.scenarios.find((s) => s.id === 'app-closes-on-use-photo');
    if (!scenario) throw new Error('the phone scenario is missing');
    const older = new ShiftSession({
      scenarios: pack.scenarios,
      shift: practiceShift(scenario),
      seed: 7,
      analyser: lexiconAnalyser,
      engineVersion: '7.0.0',
    });
    older.send({ type: 'clock.tick', ms: 20_000 });
    const hello = "Hi Rubén, thanks for calling. Let's get those receipts in tonight.";
    older.send({
      type: 'trainee.intent',
      intent: { type: 'reply', at: older.now, contact: 'c1', text: hello, choice: null, language: 'en' },
    });
    const storage = new MemoryStorage();
    new AttemptStore(storage).saveCurrent({
      format: ATTEMPT_FORMAT,
      version: ATTEMPT_VERSION,
      ...practice,
      playing: scenario.id,
      savedAt: clock().toISOString(),
      save: saveSession(older),
    });
    const resumed = Attempt.resume(world(storage));
    if (!resumed.ok || !resumed.value) throw new Error('the attempt should resume');
    expect(resumed.value.madeUnder).toBeNull();
    const { attempt } = resumed.value;
    expect(attempt.session.engineVersion).toBe('7.0.0');
    expect(attempt.session.events).toEqual(older.events);
    expect(queue(attempt.session, pack.scenarios)[0]).toMatchObject({ contact: 'c1', status: 'open' });
    const { events } = attempt.act({ type: 'lookup', contact: 'c1' });
    expect(events.some((e) => e.type === 'intent.refused')).toBe(false);
    const { scorecard } = attempt.finish('older-call');
    expect(scorecard.engineVersion).toBe('7.0.0');
    expect(verdictOf(verifyScorecard(scorecard, pack.scenarios, { analyser: lexiconAnalyser }))).toBe(
      'verified',
    );
  });

  it('turns frame ticks into whole milliseconds of real time and records quiet ones as one', () => {
    const attempt = Attempt.start(world(new MemoryStorage()), practice, 7);
    for (let i = 0; i < 600; i += 1) attempt.tick(16.7);
    // 10,020 ms of frames; what is under a millisecond is carried to the next frame, not lost. Dana
    // is waiting in a chat, so the clock runs at the conversation pace: real time.
    expect(attempt.session.now).toBeGreaterThanOrEqual(10_019);
    expect(attempt.session.now).toBeLessThanOrEqual(10_020);
    expect(attempt.session.inputs.length).toBeLessThan(20);
  });

  it('shows the desk: conversation, queue, case record and promises', () => {
    const attempt = Attempt.start(world(new MemoryStorage()), practice, 7);
    playSome(attempt);
    attempt.act({
      type: 'promise',
      contact: 'c1',
      what: 'callback',
      dueAt: attempt.session.now + 3_600_000,
      text: null,
    });
    const lines = conversation(attempt.session, 'c1', 'en');
    expect(lines[0]?.from).toBe('customer');
    expect(lines.some((l) => l.from === 'trainee' && l.text.startsWith('Good morning, Dana'))).toBe(true);
    const scenario = pack.scenarios.find((s) => s.id === practice.playing);
    expect(queue(attempt.session, pack.scenarios)[0]).toMatchObject({ contact: 'c1', status: 'open' });
    expect(scenario && caseRecord(attempt.session, 'c1', scenario, 'es').length).toBeGreaterThan(0);
    expect(promiseTracker(attempt.session)[0]).toMatchObject({ id: 'p1', status: 'open', leftMs: 3_600_000 });
  });

  it('finishes into a scorecard that verifies, with the trainee’s ids, kept in the history, and the current save is cleared', async () => {
    const storage = new MemoryStorage();
    const database = new MemoryAttemptDatabase();
    const w = world(storage, database);
    const attempt = Attempt.start(w, practice, 7);
    playSome(attempt);
    const { scorecard, kept } = attempt.finish('attempt-1');
    expect(scorecard.trainee).toEqual({
      name: 'Ana Ruiz',
      id: practice.traineeId,
      employeeId: 'E-1042',
    });
    expect((await kept).ok).toBe(true);
    expect(verdictOf(verifyScorecard(scorecard, pack.scenarios, { analyser: lexiconAnalyser }))).toBe(
      'verified',
    );
    const { entries, storage: where } = await w.history.view();
    expect(where).toBe('database');
    expect(entries[0]).toMatchObject({
      id: 'attempt-1',
      trainee: 'Ana Ruiz',
      traineeId: practice.traineeId,
      playing: practice.playing,
    });
    expect(w.store.readCurrent()).toEqual({ ok: true, value: null, problems: [] });
    const mine = bestGrades(entries, { name: 'Ana Ruiz', id: practice.traineeId });
    expect(mine.get(practice.playing)).toBe(scorecard.score.grade);
    // Another Ana Ruiz on the same browser profile is someone else.
    expect(bestGrades(entries, { name: 'Ana Ruiz', id: 'someone-else' }).size).toBe(0);
  });

  it('a finish confirmed after a new attempt began does not forget the new one', async () => {
    const storage = new MemoryStorage();
    const w = world(storage, new MemoryAttemptDatabase());
    const attempt = Attempt.start(w, practice, 7);
    playSome(attempt);
    const { kept } = attempt.finish('attempt-1');
    Attempt.start(w, practice, 8);
    await kept;
    const current = w.store.readCurrent();
    expect(current.ok && current.value).toMatchObject({ playing: practice.playing });
  });

  it('resumes a save made before attempts carried ids, under this browser’s trainee id', () => {
    const storage = new MemoryStorage();
    const attempt = Attempt.start(world(storage), practice, 7);
    playSome(attempt);
    const slot = storage.items.get('escalation-desk:attempt:current') === 'a' ? 'a' : 'b';
    const key = `escalation-desk:attempt:${slot}`;
    const { traineeId: _id, employeeId: _e, ...v1 } = JSON.parse(storage.items.get(key) ?? '{}');
    storage.items.set(key, JSON.stringify({ ...v1, version: 1 }));
    const resumed = Attempt.resume(world(storage), { traineeId: 'this-browser' });
    if (!resumed.ok || !resumed.value) throw new Error('the version 1 save should resume');
    expect(resumed.value.attempt.settings).toMatchObject({ traineeId: 'this-browser', employeeId: null });
    expect(resumed.value.attempt.finish('a1').scorecard.trainee).toEqual({
      name: 'Ana Ruiz',
      id: 'this-browser',
    });
  });

  it('a resumed attempt keeps its trainee id and employee id', () => {
    const storage = new MemoryStorage();
    const attempt = Attempt.start(world(storage), practice, 7);
    playSome(attempt);
    const resumed = Attempt.resume(world(storage), { traineeId: 'not-this-one' });
    if (!resumed.ok || !resumed.value) throw new Error('the attempt should resume');
    expect(resumed.value.attempt.settings).toMatchObject({
      traineeId: practice.traineeId,
      employeeId: 'E-1042',
    });
  });
});

describe('storage that fails', () => {
  it('carries on in memory when storage is disabled, and says so', () => {
    const attempt = Attempt.start(world(null), practice, 7);
    const result = attempt.act({ type: 'lookup', contact: 'c1' });
    expect(result.saved).toEqual({ ok: false, problems: [{ code: 'disabled' }] });
    expect(result.events.length).toBeGreaterThan(0);
    expect(Attempt.resume(world(null))).toEqual({ ok: true, value: null, problems: [] });
  });

  it('keeps the last good save when storage fills up halfway', () => {
    const storage = new MemoryStorage();
    const attempt = Attempt.start(world(storage), practice, 7);
    playSome(attempt);
    const before = attempt.session.events.length;
    storage.fullFor = (key) => key.includes('attempt:');
    const result = attempt.act({ type: 'reproduce', contact: 'c1' });
    expect(result.saved).toEqual({ ok: false, problems: [{ code: 'full' }] });
    const resumed = Attempt.resume(world(storage));
    expect(resumed.ok && resumed.value?.attempt.session.events.length).toBe(before);
  });

  it.each([
    ['not JSON', '{"format":', 'damaged', /not-json/],
    ['the wrong shape', '{"format":"escalation-desk/attempt","version":1}', 'damaged', /./],
    ['from a newer version', '{"format":"escalation-desk/attempt","version":9}', 'newer', /version 9/],
  ])('returns a save that is %s raw, for export, instead of crashing', (_name, raw, code, reason) => {
    const storage = new MemoryStorage();
    storage.setItem('escalation-desk:attempt:current', 'a');
    storage.setItem('escalation-desk:attempt:a', raw);
    const resumed = Attempt.resume(world(storage));
    if (resumed.ok) throw new Error('the save should not resume');
    expect(resumed.problems[0]?.code).toBe(code);
    expect(resumed.problems[0]?.reason).toMatch(reason);
    expect(resumed.problems[0]?.raw).toBe(raw);
  });

  it('refuses a save whose game was edited, with the engine’s reason', () => {
    const storage = new MemoryStorage();
    const attempt = Attempt.start(world(storage), practice, 7);
    playSome(attempt);
    const slot = storage.getItem('escalation-desk:attempt:current') === 'a' ? 'a' : 'b';
    const key = `escalation-desk:attempt:${slot}`;
    storage.setItem(key, (storage.getItem(key) ?? '').replace('Good morning, Dana.', 'Calm down, Dana.'));
    const resumed = Attempt.resume(world(storage));
    expect(resumed).toMatchObject({ ok: false, problems: [{ code: 'does-not-replay' }] });
  });

  it('drops the oldest finished attempts when the history no longer fits', () => {
    const storage = new MemoryStorage();
    const store = new AttemptStore(storage);
    const entry = (i: number) => ({
      id: `a${i}`,
      trainee: 'Ana Ruiz',
      mode: 'practice' as const,
      playing: 'x',
      scenarios: ['x'],
      grade: 'Expected' as const,
      overall: 60,
      finishedAt: '2026-11-22T10:00:00.000Z',
      scorecard: '{}',
    });
    for (let i = 0; i < 10; i += 1) store.addToHistory(entry(i));
    // Room for four finished attempts, no more.
    const room = JSON.stringify([entry(0), entry(1), entry(2), entry(3)]).length;
    storage.fullFor = (key, value) => key.endsWith('history') && value.length > room;
    expect(store.addToHistory(entry(10)).ok).toBe(true);
    expect(store.history()[0]?.id).toBe('a10');
    expect(store.history().length).toBeLessThan(11);
  });
});
