/**
 * Promises as the trainee makes them, typed or on the tracker, and every piece of promise evidence the
 * rubric can give, each at its edges: a promise is kept only by keeping it before its time (that
 * instant included), naming a time earns only when the time is kept, an open promise earns nothing,
 * a vague one costs, one already past cannot be kept, one due before the tier can answer costs, and
 * taking a promise back is free until the customer answers and costly after.
 */
import { describe, expect, it } from 'vitest';
import { SAME_PROMISE_MS } from '../../../src/core/engine/shiftSteps';
import { promises as promisesDimension } from '../../../src/core/scoring/dimensions/promises';
import { scoreAttempt } from '../../../src/core/scoring/scoreAttempt';
import { BASE, PROMISE_POINTS } from '../../../src/core/scoring/scoringRules';
import { Play } from '../../support/play';
import { ENDINGS, tinyScenario } from '../../support/tinyScenario';

const MIN = 60_000;
const HOUR = 60 * MIN;

/** A customer who notes every promise ("I'll wait"), so a promise is answered as soon as it is made. */
const answering = tinyScenario({
  id: 'answering',
  beats: `  - id: start
    says: { en: Hello, es: Hola }
    on:
      - promise: made
        go: waiting
      - handoff: resolved
        go: done
  - id: waiting
    says: { en: I will wait, es: Espero }
    on:
      - promise: kept
        go: done
      - promise: broken
        go: angry
      - promise: withdrawn
        go: angry
      - handoff: resolved
        go: done
${ENDINGS}`,
});
/** A customer who says nothing to a promise; a level 2 case, so escalating to level 2 is right. */
const quiet = tinyScenario({ id: 'quiet', level: 2 });

/** Every evidence key the tests below have seen the rubric give, so none can go untested. */
const keysSeen = new Set<string>();

class PromisePlay extends Play {
  /** The promises dimension of the only contact. */
  get promises() {
    const score = scoreAttempt([this.scenario], this.session.transcript);
    const dimension = score.contacts[0]?.dimensions.promises;
    if (!dimension) throw new Error('no contact');
    for (const e of dimension.evidence) keysSeen.add(e.key);
    return { score: dimension.score, keys: dimension.evidence.map((e) => [e.key, e.points]) };
  }
  get tracker() {
    return this.session.context.promises;
  }
}

// The game clock starts at 09:00, so 15:00 is six hours in.
const THREE_PM = 6 * HOUR;

describe('a promise typed in a reply', () => {
  it.each([
    ['en', "I'll call you back at 3 pm."],
    ['es', 'Le llamo a las 3 de la tarde.'],
  ])('is on the tracker at once, with its kind, its time and its words (%s)', (language, text) => {
    const play = new PromisePlay(quiet).wait(10_000).reply(text, language);
    expect(play.tracker).toEqual([
      expect.objectContaining({ id: 'p1', what: 'callback', from: 'words', dueAt: THREE_PM, status: 'open' }),
    ]);
    const made = play.session.events.find((e) => e.type === 'promise.made');
    expect(made).toMatchObject({ from: 'words', span: { start: 0 } });
  });

  it.each([
    ['en', "I'll call you back at 3 pm."],
    ['es', 'Le llamo a las 3 de la tarde.'],
  ])('earns nothing when the chat is ended instead of the promise kept (%s)', (language, text) => {
    const play = new PromisePlay(quiet).wait(10_000).reply(text, language);
    play.act({ type: 'end' });
    expect(play.promises).toEqual({ score: BASE.promises, keys: [['promises.open', 0]] });
  });

  it.each([
    ['en', "I'll call you back at 3 pm."],
    ['es', 'Le llamo a las 3 de la tarde.'],
  ])('is kept by calling back before 15:00, that instant included (%s)', (language, text) => {
    for (const at of [THREE_PM - 10 * MIN, THREE_PM]) {
      const play = new PromisePlay(quiet).wait(10_000).reply(text, language);
      play.act({ type: 'end' });
      play.until(at).act({ type: 'fulfil', promise: 'p1' });
      expect(play.promises).toEqual({
        score: BASE.promises + PROMISE_POINTS.kept + PROMISE_POINTS.specific,
        keys: [
          ['promises.kept', PROMISE_POINTS.kept],
          ['promises.specific', PROMISE_POINTS.specific],
        ],
      });
    }
  });

  it.each([
    ['en', "I'll call you back at 3 pm."],
    ['es', 'Le llamo a las 3 de la tarde.'],
  ])('is broken the millisecond after 15:00, and a late call back changes nothing (%s)', (language, text) => {
    for (const at of [THREE_PM + 1, THREE_PM + 10 * MIN]) {
      const play = new PromisePlay(quiet).wait(10_000).reply(text, language);
      play.act({ type: 'end' });
      // With the customer gone and the promise broken, the practice run is over too.
      const refused = play.until(at).act({ type: 'fulfil', promise: 'p1' });
      expect(refused).toEqual([expect.objectContaining({ type: 'intent.refused' })]);
      expect(play.promises).toEqual({
        score: BASE.promises + PROMISE_POINTS.broken,
        keys: [['promises.broken', PROMISE_POINTS.broken]],
      });
    }
  });

  it('is not kept by a reply, a look-up, a hold or an end', () => {
    const play = new PromisePlay(quiet).wait(10_000).reply("I'll email you by 11 am.");
    play.reply('Still checking.').act({ type: 'lookup' });
    play.act({ type: 'hold' });
    play.act({ type: 'unhold' });
    play.act({ type: 'end' });
    expect(play.tracker[0]?.status).toBe('open');
    expect(play.promises.keys).toEqual([['promises.open', 0]]);
  });

  it('costs when vague, waits on no clock, and earns its keeping without the points for a time', () => {
    const play = new PromisePlay(quiet).wait(10_000).reply("I'll get back to you soon.");
    expect(play.tracker[0]).toMatchObject({ dueAt: null, status: 'open' });
    expect(play.promises.keys).toEqual([
      ['promises.vague', PROMISE_POINTS.vague],
      ['promises.open', 0],
    ]);
    play.wait(20 * MIN).act({ type: 'fulfil', promise: 'p1' });
    expect(play.promises.keys).toEqual([
      ['promises.vague', PROMISE_POINTS.vague],
      ['promises.kept', PROMISE_POINTS.kept],
    ]);
  });

  it('is not tracked when its time has already passed, and costs', () => {
    const play = new PromisePlay(quiet).until(35 * MIN).reply("I'll call you back by 9:30 today.");
    expect(play.tracker).toEqual([]);
    expect(play.promises.keys).toEqual([['promises.pastDeadline', PROMISE_POINTS.pastDeadline]]);
  });
});

describe('a promise and the tier it depends on', () => {
  it('costs when it falls due before the tier escalated to can answer, and not when due as it answers', () => {
    // Level 2 answers 30 minutes after the handoff.
    const early = new PromisePlay(quiet).wait(10_000);
    early.act({ type: 'escalate', tier: 2, note: '' });
    early.reply("I'll call you back in 29 minutes.");
    expect(early.promises.keys[0]).toEqual(['promises.beforeTierAnswers', PROMISE_POINTS.beforeTierAnswers]);
    const inTime = new PromisePlay(quiet).wait(10_000);
    inTime.act({ type: 'escalate', tier: 2, note: '' });
    inTime.reply("I'll call you back in 30 minutes.");
    expect(inTime.promises.keys.map(([key]) => key)).not.toContain('promises.beforeTierAnswers');
  });

  it('is kept by a tier that resolves the case in time', () => {
    const play = new PromisePlay(quiet).wait(10_000);
    play.act({ type: 'escalate', tier: 2, note: '' });
    play.reply("I'll call you back in an hour with their answer.");
    play.wait(HOUR);
    expect(play.tracker[0]?.status).toBe('kept');
    expect(play.promises.keys).toEqual([
      ['promises.keptByTier', PROMISE_POINTS.kept],
      ['promises.specific', PROMISE_POINTS.specific],
    ]);
  });
});

describe('taking a promise back', () => {
  it('is free before the customer has answered: it was no promise', () => {
    const play = new PromisePlay(quiet).wait(10_000).reply("I'll call you back at 3 pm.");
    play.act({ type: 'withdraw', promise: 'p1' });
    expect(play.tracker[0]?.status).toBe('withdrawn');
    expect(play.promises.keys).toEqual([['promises.notAPromise', 0]]);
    expect(play.session.events.some((e) => e.type === 'persona.felt' && e.trust < 0.5)).toBe(false);
  });

  it('costs once the customer has answered, and their trust with it', () => {
    const play = new PromisePlay(answering).wait(10_000).reply("I'll call you back at 3 pm.");
    expect(play.session.context.contacts[0]?.said).toBe(2);
    play.act({ type: 'withdraw', promise: 'p1' });
    expect(play.promises.keys).toEqual([['promises.withdrawn', PROMISE_POINTS.withdrawn]]);
    expect(play.session.context.contacts[0]?.persona.context.trust).toBeLessThan(0.5);
    expect(play.session.context.contacts[0]?.ending).toBe('upset');
  });
});

describe('a typed promise put on the tracker', () => {
  it('is one promise, on the tracker’s terms, when put there within two minutes', () => {
    for (const after of [0, SAME_PROMISE_MS]) {
      const play = new PromisePlay(quiet).wait(10_000).reply("I'll get back to you soon.");
      play.wait(after).act({ type: 'promise', what: 'email', dueAt: play.session.now + HOUR, text: null });
      expect(play.tracker).toEqual([expect.objectContaining({ id: 'p1', what: 'email', status: 'open' })]);
      expect(play.promises.keys).toEqual([['promises.open', 0]]);
    }
  });

  it('is a second promise when put there later', () => {
    const play = new PromisePlay(quiet).wait(10_000).reply("I'll get back to you soon.");
    play
      .wait(SAME_PROMISE_MS + 1)
      .act({ type: 'promise', what: 'email', dueAt: play.session.now + HOUR, text: null });
    expect(play.tracker.map((p) => p.id)).toEqual(['p1', 'p2']);
  });
});

describe('the tests above', () => {
  // Runs last in this file: a promise key added to the rubric fails here until a test gives it.
  it('see every promise evidence key the rubric can give', () => {
    const promiseKeys = Object.keys(promisesDimension.keys).filter((k) => k.startsWith('promises.'));
    expect(promiseKeys.filter((k) => !keysSeen.has(k))).toEqual([]);
  });
});
