/**
 * The SCORM adapter against scorm-again's LMS runtimes (1.2 and 2004) in Node, as a learning system
 * would host it: reading the learner, reporting a played scorecard (status, score, session time, one
 * interaction per decision) within each standard's limits, resuming from its resume data, and what
 * happens when the LMS fails a commit, closes the session, or is not there. Interactions are
 * write-only in 1.2, so every report is checked through the runtime's own rendering of its data.
 */
// The package's root: its `scorm12` and `scorm2004` entries export the classes by name at run time but
// declare only a default export in their types (scorm-again 3.4.3), so TypeScript refuses them.

import fc from 'fast-check';
import { Scorm12API, Scorm2004API } from 'scorm-again';
import { describe, expect, it } from 'vitest';
import { lexiconAnalyser } from '../../../src/core/analysis/lexiconAnalyser';
import { restoreSession, saveSession } from '../../../src/core/engine/saves';
import { createScorecard, type Scorecard } from '../../../src/core/scoring/scorecard';
import { decisionsOf } from '../../../src/game/reporting/decisions';
import type { ReportingSession } from '../../../src/game/reporting/reporting';
import {
  clip,
  createScormAdapter,
  findScormApi,
  type ScormOptions,
  type ScormStandard,
  STANDARDS,
  scorm12Timespan,
  scorm2004Duration,
} from '../../../src/game/reporting/scorm';
import { saveCutter } from '../../../src/game/reporting/suspendData';
import { Play } from '../../support/play';
import { playedScorecard } from '../../support/playedScorecard';
import { playReference } from '../../support/referenceScorecards';
import { loadStarterPack } from '../../support/starterPack';
import { busiestPlay, playedToEnd, scorecardOf } from './longestShift';

type Lms = Scorm12API | Scorm2004API;
type HttpService = NonNullable<ConstructorParameters<typeof Scorm12API>[1]>;

const API_NAME: Record<ScormStandard, string> = { scorm12: 'API', scorm2004: 'API_1484_11' };
const { scenarios } = loadStarterPack();
const shiftCard = playedScorecard('scenarios/shifts/monday-morning.juggling.playthrough.yaml');

/** An LMS runtime holding `data` before the SCO starts, as an LMS loads its learner's record. */
function lms(standard: ScormStandard, data: Record<string, unknown> = {}, http?: HttpService): Lms {
  const settings = { logLevel: 5 as const, lmsCommitUrl: http ? 'https://lms.invalid/commit' : false };
  const api =
    standard === 'scorm12'
      ? new Scorm12API({ ...settings, httpService: http })
      : new Scorm2004API({ ...settings, httpService: http });
  api.loadFromJSON(data);
  return api;
}

/** The LMS's data as it would store it, read along a dotted path. */
function stored(api: Lms, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>(
      (at, key) => (at as Record<string, unknown> | undefined)?.[key],
      api.renderCMIToJSONObject(),
    );
}

function options(extra: Partial<ScormOptions> = {}): ScormOptions & { readonly waited: number[] } {
  const waited: number[] = [];
  return {
    wait: async (ms) => void waited.push(ms),
    cut: saveCutter(scenarios, lexiconAnalyser),
    commitEveryMs: 0,
    ...extra,
    waited,
  };
}

function open(standard: ScormStandard, api: Lms, extra: Partial<ScormOptions> = {}) {
  const opts = options(extra);
  const opened = createScormAdapter(standard, { [API_NAME[standard]]: api }, opts).open();
  if (!opened.ok) throw new Error(opened.problems[0]?.message);
  return { session: opened.value, warnings: opened.problems, waited: opts.waited };
}

/** A fresh LMS of `standard` with `scorecard` reported to it: its API and what the report came to. */
async function finished(standard: ScormStandard, scorecard: Scorecard, masteryScore = 70, sessionMs = 1) {
  const api = lms(standard);
  const reported = await open(standard, api).session.finish({ scorecard, masteryScore, sessionMs });
  return { api, reported };
}

/** An LMS commit service that refuses the first `failures` commits (Infinity: all) with `errorCode`. */
function refusing(failures: number, errorCode = 101): HttpService & { tries: number } {
  return {
    tries: 0,
    processHttpRequest() {
      this.tries += 1;
      return this.tries <= failures ? { result: 'false', errorCode } : { result: 'true', errorCode: 0 };
    },
    updateSettings() {},
  };
}

describe('finding the API', () => {
  const api = lms('scorm12');

  it('walks up the frames, past one of another origin that throws when read', () => {
    const top = { API: api };
    const crossOrigin = {
      get API(): unknown {
        throw new Error('SecurityError: Blocked a frame with origin from accessing a cross-origin frame.');
      },
      parent: top,
    };
    const frame = { parent: { parent: crossOrigin } };
    expect(findScormApi('scorm12', frame)).toBe(api);
  });

  it('looks in the window that opened this one when no parent has it', () => {
    const self: Record<string, unknown> = { opener: { parent: { API: api } } };
    self.parent = self;
    expect(findScormApi('scorm12', self)).toBe(api);
    expect(findScormApi('scorm2004', self)).toBeNull();
  });

  it('gives up past seven levels of frames', () => {
    let win: Record<string, unknown> = { API: api };
    for (let i = 0; i < 9; i++) win = { parent: win };
    expect(findScormApi('scorm12', win)).toBeNull();
  });

  it('opens nothing, and says so, when there is no learning system', () => {
    for (const standard of ['scorm12', 'scorm2004'] as const) {
      const opened = createScormAdapter(standard, { parent: null }, options()).open();
      expect(opened.ok).toBe(false);
      expect(opened.problems[0]).toMatchObject({ code: 'no-api', lmsError: '0' });
    }
  });
});

describe('opening a session', () => {
  it('reads the SCORM 1.2 learner, language and captions, and marks a first entry incomplete', () => {
    const api = lms('scorm12', {
      core: { student_id: 'ana-001', student_name: 'Ruiz, Ana', entry: 'ab-initio' },
      student_preference: { language: 'es', text: '1' },
    });
    const { session, warnings } = open('scorm12', api);
    expect(warnings).toEqual([]);
    expect(session.standard).toBe('scorm12');
    expect(session.learner).toEqual({ id: 'ana-001', name: 'Ruiz, Ana', language: 'es', captions: true });
    expect(session.resume).toBeNull();
    expect(stored(api, 'cmi.core.lesson_status')).toBe('incomplete');
    expect(stored(api, 'cmi.core.exit')).toBe('suspend');
  });

  it('reads the SCORM 2004 learner and preferences, and marks a first entry incomplete', () => {
    const api = lms('scorm2004', {
      learner_id: 'ana-001',
      learner_name: 'Ruiz, Ana',
      learner_preference: { language: 'es-ES', audio_captioning: '-1' },
    });
    const { session } = open('scorm2004', api);
    expect(session.learner).toEqual({ id: 'ana-001', name: 'Ruiz, Ana', language: 'es-ES', captions: false });
    expect(stored(api, 'cmi.completion_status')).toBe('incomplete');
    expect(stored(api, 'cmi.exit')).toBe('suspend');
  });

  it('reads what the LMS leaves empty as unknown', () => {
    for (const standard of ['scorm12', 'scorm2004'] as const) {
      const { session } = open(standard, lms(standard));
      expect(session.learner).toEqual({ id: null, name: null, language: null, captions: null });
    }
  });

  it('leaves a status the LMS already holds as it is', () => {
    const api = lms('scorm12', { core: { lesson_status: 'passed' } });
    open('scorm12', api);
    expect(stored(api, 'cmi.core.lesson_status')).toBe('passed');
  });
});

describe('reporting a finished attempt', () => {
  const decisions = decisionsOf(shiftCard);
  const overall = shiftCard.score.overall ?? -1;

  /** Reports the Monday shift to a fresh LMS of `standard`: its API, the result, and the interactions it holds (one per decision). */
  async function report(standard: 'scorm12' | 'scorm2004', masteryScore: number, sessionMs: number) {
    const { api, reported } = await finished(standard, shiftCard, masteryScore, sessionMs);
    const interactions = stored(api, 'cmi.interactions') as Record<string, Record<string, unknown>>;
    expect(Object.keys(interactions)).toHaveLength(decisions.length);
    return { api, reported, interactions };
  }

  it('sends SCORM 1.2 the status, score, session time and one interaction per decision', async () => {
    const { api, reported, interactions } = await report('scorm12', overall, 3_723_450);
    expect(reported).toEqual({ ok: true, value: undefined, problems: [] });
    expect(stored(api, 'cmi.core.lesson_status')).toBe('passed');
    expect(stored(api, 'cmi.core.score')).toEqual({ raw: String(overall), min: '0', max: '100' });
    // scorm-again keeps the hours it was given without their leading zeros.
    expect(stored(api, 'cmi.core.session_time')).toBe('01:02:03.45');
    expect(stored(api, 'cmi.core.exit')).toBe('');
    expect(stored(api, 'cmi.suspend_data')).toBe('');
    for (const [n, d] of decisions.entries()) {
      const sent = interactions[n];
      expect(sent).toMatchObject({
        id: d.id,
        type: d.kind === 'reply' ? 'fill-in' : 'performance',
        result: d.result,
        weighting: String(Math.min(Math.abs(d.points), 100)),
        student_response: clip(d.response, 255),
      });
      // CMIIdentifier as 1.2 defines it (scorm-again checks more loosely): no periods, no spaces.
      expect(sent?.id).toMatch(/^[A-Za-z0-9_-]{1,255}$/);
      const objectives = sent?.objectives as Record<string, { id: string }> | undefined;
      expect(objectives?.['0']?.id).toBe(d.evidenceKeys[0]?.replace('.', '_'));
      expect(sent?.time).toMatch(/^(0\d|1\d|2[0-3]):[0-5]\d:[0-5]\d$/);
    }
    const kept = decisions.findIndex((d) => d.kind === 'promise' && d.result === 'correct');
    expect(interactions[kept]).toMatchObject({
      result: 'correct',
      objectives: { 0: { id: 'promises_kept' } },
    });
  });

  it('sends SCORM 2004 completion and success apart, the scaled score and an ISO 8601 session time', async () => {
    const { api, reported, interactions } = await report('scorm2004', overall + 1, 754_300);
    expect(reported.ok).toBe(true);
    expect(stored(api, 'cmi.completion_status')).toBe('completed');
    expect(stored(api, 'cmi.success_status')).toBe('failed');
    expect(stored(api, 'cmi.score')).toEqual({
      raw: String(overall),
      min: '0',
      max: '100',
      scaled: String(overall / 100),
    });
    expect(stored(api, 'cmi.session_time')).toBe('PT12M34.3S');
    expect(stored(api, 'cmi.exit')).toBe('normal');
    for (const [n, d] of decisions.entries()) {
      const sent = interactions[n];
      expect(sent).toMatchObject({
        id: d.id,
        type: d.kind === 'reply' ? 'long-fill-in' : 'performance',
        result: d.result === 'wrong' ? 'incorrect' : d.result,
        learner_response:
          d.kind === 'reply' ? `{lang=en}${d.response}` : `${d.kind}[.]${d.response.replaceAll(',', ';')}`,
      });
      expect(sent?.timestamp).toMatch(/^2026-03-09T\d\d:\d\d:\d\d$/);
      expect(String(sent?.description)).toContain(d.evidenceKeys[0] ?? 'Not judged');
    }
  });

  it('passes at exactly the mastery score, and fails one point under it', async () => {
    for (const [masteryScore, status] of [
      [overall, 'passed'],
      [overall + 1, 'failed'],
    ] as const) {
      const api = lms('scorm12');
      await open('scorm12', api).session.finish({ scorecard: shiftCard, masteryScore, sessionMs: 0 });
      expect(stored(api, 'cmi.core.lesson_status')).toBe(status);
      expect(stored(api, 'cmi.core.session_time')).toBe('00:00:00');
    }
  });

  it('reports a scorecard with no overall score as finished, neither passed nor failed', async () => {
    const unscored = { ...shiftCard, score: { ...shiftCard.score, overall: null } };
    const api12 = lms('scorm12');
    await open('scorm12', api12).session.finish({ scorecard: unscored, masteryScore: 70, sessionMs: 1000 });
    expect(stored(api12, 'cmi.core.lesson_status')).toBe('completed');
    expect(stored(api12, 'cmi.core.score.raw')).toBe('');
    const api04 = lms('scorm2004');
    await open('scorm2004', api04).session.finish({ scorecard: unscored, masteryScore: 70, sessionMs: 1000 });
    expect(stored(api04, 'cmi.completion_status')).toBe('completed');
    expect(stored(api04, 'cmi.success_status')).toBe('unknown');
  });

  it('trims a very long reply to 1.2’s 255 characters, and keeps it whole in 2004', async () => {
    const scenario = scenarios.find((s) => s.channel === 'chat') ?? scenarios[0];
    if (!scenario) throw new Error('no scenario');
    const words = 'I am so sorry about this, and I will look into every detail of your order right now. ';
    const long = words.repeat(20).trim();
    expect(long.length).toBeGreaterThan(1500);
    const play = new Play(scenario).wait(5000);
    if (play.session.context.contacts[0]?.status === 'ringing') play.act({ type: 'answer' });
    play.reply(long);
    const card = createScorecard(play.session.transcript, [scenario], {
      trainee: { name: 'Ana Ruiz', id: 'trainee-1' },
      attemptId: 'long',
      language: 'en',
      finishedAt: null,
    });
    const index = decisionsOf(card).findIndex((d) => d.kind === 'reply');
    expect(index).toBeGreaterThanOrEqual(0);
    const api12 = lms('scorm12');
    await open('scorm12', api12).session.finish({ scorecard: card, masteryScore: 70, sessionMs: 1000 });
    const response = String(stored(api12, `cmi.interactions.${index}.student_response`));
    expect(response.length).toBeLessThanOrEqual(255);
    expect(response.length).toBeGreaterThan(250);
    expect(response.endsWith('...')).toBe(true);
    expect(long.startsWith(response.slice(0, -3))).toBe(true);
    const api04 = lms('scorm2004');
    await open('scorm2004', api04).session.finish({ scorecard: card, masteryScore: 70, sessionMs: 1000 });
    expect(stored(api04, `cmi.interactions.${index}.learner_response`)).toBe(`{lang=en}${long}`);
  });
});

describe('words that look like SCORM syntax', () => {
  it('reaches both standards as the trainee wrote it, without breaking their formats', async () => {
    const scenario = scenarios.find((s) => s.channel === 'chat') ?? scenarios[0];
    if (!scenario) throw new Error('no scenario');
    const play = new Play(scenario).wait(5000);
    play.reply('{lang=fr} Order [.] 1001,\nsorry!');
    play.act({ type: 'escalate', tier: 2, note: 'Order [.] 1001 [,] cracked [:] lid' });
    const card = createScorecard(play.session.transcript, [scenario], {
      trainee: { name: 'Ana Ruiz', id: 'trainee-1' },
      attemptId: 'syntax',
      language: 'en',
      finishedAt: null,
    });
    const decisions = decisionsOf(card);
    const reply = decisions.findIndex((d) => d.kind === 'reply');
    const escalation = decisions.findIndex((d) => d.kind === 'escalation');
    expect(reply).toBeGreaterThanOrEqual(0);
    expect(escalation).toBeGreaterThanOrEqual(0);
    const { api: api12, reported: reported12 } = await finished('scorm12', card);
    expect(reported12).toMatchObject({ ok: true, problems: [] });
    expect(stored(api12, `cmi.interactions.${reply}.student_response`)).toBe(
      '{lang=fr} Order [.] 1001, sorry!',
    );
    const { api: api04, reported: reported04 } = await finished('scorm2004', card);
    expect(reported04).toMatchObject({ ok: true, problems: [] });
    expect(stored(api04, `cmi.interactions.${reply}.learner_response`)).toBe(
      '{lang=en} {lang=fr} Order [.] 1001, sorry!',
    );
    expect(stored(api04, `cmi.interactions.${escalation}.learner_response`)).toBe(
      'escalation[.]escalated to tier 2: Order (.) 1001 (;) cracked (:) lid',
    );
  });

  it.each([
    ['the reference attempt (escalation notes, a Spanish reply)', playReference],
    ['a busy trainee on the longest shift (promises in words with commas)', () => scorecardOf(busiestPlay())],
  ])('takes every decision of %s in both standards', async (_, made) => {
    const card = made();
    for (const standard of ['scorm12', 'scorm2004'] as const) {
      const api = lms(standard);
      const reported = await open(standard, api).session.finish({
        scorecard: card,
        masteryScore: 70,
        sessionMs: 1,
      });
      expect(reported).toEqual({ ok: true, value: undefined, problems: [] });
      expect(Object.keys(stored(api, 'cmi.interactions') as object)).toHaveLength(decisionsOf(card).length);
    }
  });
});

describe('resume data', () => {
  const played = saveSession(playedToEnd());

  function resumeFrom(standard: ScormStandard, data: string): ReportingSession & { warnings: unknown[] } {
    const core = standard === 'scorm12' ? { core: { entry: 'resume' } } : { entry: 'resume' };
    const { session, warnings } = open(standard, lms(standard, { ...core, suspend_data: data }));
    return Object.assign(session, { warnings: [...warnings] });
  }

  it('keeps the longest shift, played to its end, within 1.2’s 4,096 characters, and resumes it', () => {
    const api = lms('scorm12');
    const { session } = open('scorm12', api);
    const kept = session.suspend(played);
    expect(kept).toMatchObject({ kept: 'whole', cutAt: null });
    const data = String(stored(api, 'cmi.suspend_data'));
    expect(data.length).toBe(kept.chars);
    expect(data.length).toBeLessThanOrEqual(4096);
    const resumed = resumeFrom('scorm12', data);
    expect(resumed.warnings).toEqual([]);
    expect(resumed.resume).toEqual({ save: played, cutAt: null });
    expect(restoreSession(resumed.resume?.save ?? '', scenarios, lexiconAnalyser).ok).toBe(true);
  });

  it('cuts a save past the field’s limit to inputs that replay, and the resumed game knows where', () => {
    const busiest = saveSession(busiestPlay());
    const api = lms('scorm2004');
    const { session } = open('scorm2004', api, { suspendLimit: 1500 });
    const kept = session.suspend(busiest);
    expect(kept.kept).toBe('cut');
    expect(kept.chars).toBeLessThanOrEqual(1500);
    const resumed = resumeFrom('scorm2004', String(stored(api, 'cmi.suspend_data')));
    expect(resumed.resume?.cutAt).toBe(kept.cutAt);
    const restored = restoreSession(resumed.resume?.save ?? '', scenarios, lexiconAnalyser);
    if (!restored.ok) throw new Error(restored.problems[0]?.message);
    expect(restored.value.session.now).toBe(kept.cutAt);
  });

  it('starts afresh, with a warning, from resume data that is damaged or not this game’s', () => {
    for (const standard of ['scorm12', 'scorm2004'] as const) {
      const resumed = resumeFrom(standard, 'bookmark=page-7');
      expect(resumed.resume).toBeNull();
      expect(resumed.warnings).toEqual([
        expect.objectContaining({ code: 'resume-unreadable', lmsError: '0' }),
      ]);
    }
  });

  it('leaves no resume data behind a finished attempt, and takes none after it', async () => {
    const api = lms('scorm12');
    const { session } = open('scorm12', api);
    session.suspend(played);
    await session.finish({ scorecard: shiftCard, masteryScore: 70, sessionMs: 1000 });
    expect(session.suspend(played).kept).toBe('nothing');
    expect(stored(api, 'cmi.suspend_data')).toBe('');
  });

  it('spaces the commits of resume data, and commits the last one when the session ends', () => {
    let now = 0;
    const http = refusing(0);
    const { session } = open('scorm2004', lms('scorm2004', {}, http), {
      now: () => now,
      commitEveryMs: 30_000,
    });
    session.suspend(played);
    expect(http.tries).toBe(1);
    now = 10_000;
    session.suspend(played);
    expect(http.tries).toBe(1);
    // Our commit of the pending save, then the one scorm-again makes on Terminate.
    session.end();
    expect(http.tries).toBe(3);
    session.end();
    expect(http.tries).toBe(3);
  });
});

describe('when the learning system fails', () => {
  it('retries a refused commit after 0.5 s, 2 s and 5 s, then says what the LMS said', async () => {
    for (const standard of ['scorm12', 'scorm2004'] as const) {
      const http = refusing(Number.POSITIVE_INFINITY);
      const { session, waited } = open(standard, lms(standard, {}, http));
      const reported = await session.finish({ scorecard: shiftCard, masteryScore: 70, sessionMs: 1000 });
      expect(reported.ok).toBe(false);
      expect(reported.problems[0]).toMatchObject({
        code: 'commit-failed',
        lmsError: '101 General Exception',
      });
      expect(reported.problems[0]?.message).toMatch(
        /error 101: General Exception.*kept on this device.*4 times/,
      );
      expect(waited).toEqual([500, 2000, 5000]);
      expect(http.tries).toBe(4);
    }
  });

  it('reports the attempt when a retry gets through', async () => {
    const http = refusing(2);
    const api = lms('scorm12', {}, http);
    const { session, waited } = open('scorm12', api);
    const reported = await session.finish({ scorecard: shiftCard, masteryScore: 70, sessionMs: 1000 });
    expect(reported.ok).toBe(true);
    expect(waited).toEqual([500, 2000]);
    expect(stored(api, 'cmi.core.lesson_status')).toBe('failed');
  });

  it('calls a session the LMS has terminated closed, without retrying', async () => {
    const api = lms('scorm2004') as Scorm2004API;
    const { session, waited } = open('scorm2004', api);
    api.Terminate('');
    const reported = await session.finish({ scorecard: shiftCard, masteryScore: 70, sessionMs: 1000 });
    expect(reported.ok).toBe(false);
    expect(reported.problems[0]).toMatchObject({
      code: 'closed',
      lmsError: '133 Store Data After Termination',
    });
    expect(waited).toEqual([]);
  });

  it('calls an API that throws (its window gone) closed, and never throws into the game', async () => {
    const http: HttpService = {
      processHttpRequest() {
        throw new Error('The window holding the LMS was closed.');
      },
      updateSettings() {},
    };
    const { session } = open('scorm2004', lms('scorm2004', {}, http));
    expect(session.suspend(saveSession(playedToEnd())).problem).toMatchObject({ code: 'closed' });
    const reported = await session.finish({ scorecard: shiftCard, masteryScore: 70, sessionMs: 1000 });
    expect(reported.problems[0]).toMatchObject({ code: 'closed' });
    expect(reported.problems[0]?.message).toMatch(/window holding the LMS was closed/);
    expect(() => session.end()).not.toThrow();
  });

  it('refuses to report on a session the game has ended', async () => {
    const { session } = open('scorm12', lms('scorm12'));
    session.end();
    const reported = await session.finish({ scorecard: shiftCard, masteryScore: 70, sessionMs: 1000 });
    expect(reported.problems[0]?.code).toBe('closed');
  });
});

/** A fresh runtime of `standard`, initialised, and its SetValue. */
function initialized(standard: ScormStandard): (element: string, value: string) => string {
  if (standard === 'scorm12') {
    const api = new Scorm12API({ logLevel: 5, lmsCommitUrl: false });
    api.LMSInitialize('');
    return (element, value) => api.LMSSetValue(element, value);
  }
  const api = new Scorm2004API({ logLevel: 5, lmsCommitUrl: false });
  api.Initialize('');
  return (element, value) => api.SetValue(element, value);
}

describe('any decision, any words', () => {
  it('is written in a form each runtime accepts, its text within the field', () => {
    const decision = fc.record({
      id: fc.constantFrom('c1-reply-3', 'c12-escalation-240'),
      kind: fc.constantFrom('reply', 'promise', 'escalation', 'resolution' as const),
      contact: fc.constant('c1'),
      scenario: fc.constant('any'),
      at: fc.integer({ min: 0, max: 30 * 24 * 3_600_000 }),
      // Words with SCORM's own syntax in them more often than chance would write it.
      response: fc
        .array(
          fc.oneof(
            fc.constantFrom('{', '}', '{lang=fr}', '[,]', '[.]', '[:]', ',', '.', '\n', '\\', '😀', ' ', 'é'),
            fc.string({ unit: 'grapheme', maxLength: 60 }),
          ),
          { minLength: 1, maxLength: 120 },
        )
        .map((parts) => parts.join('').slice(0, 2000)),
      language: fc.constantFrom(null, 'en', 'es-ES'),
      result: fc.constantFrom('correct', 'wrong', 'neutral' as const),
      evidenceKeys: fc.array(fc.constantFrom('promises.kept', 'phrase.matched', 'tier.late'), {
        maxLength: 3,
      }),
      points: fc.double({ min: -500, max: 500, noNaN: true }).map((p) => Math.round(p * 10) / 10),
    });
    fc.assert(
      fc.property(decision, (d) => {
        for (const standard of ['scorm12', 'scorm2004'] as const) {
          const call = initialized(standard);
          for (const [element, value] of STANDARDS[standard].interaction(0, d)) {
            expect([element, call(element, value)]).toEqual([element, 'true']);
            if (element.endsWith('_response'))
              expect(value.length).toBeLessThanOrEqual(standard === 'scorm12' ? 255 : 4000);
          }
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe('time formats', () => {
  it.each([
    [0, '0000:00:00.00', 'PT0S'],
    [1_005, '0000:00:01.01', 'PT1.01S'],
    [3_600_000, '0001:00:00.00', 'PT1H'],
    [90_061_230, '0025:01:01.23', 'PT25H1M1.23S'],
  ])('%d ms is %s in 1.2 and %s in 2004', (ms, timespan, duration) => {
    expect(scorm12Timespan(ms)).toBe(timespan);
    expect(scorm2004Duration(ms)).toBe(duration);
  });

  it('holds 1.2’s session time at its largest, 9999 hours', () => {
    expect(scorm12Timespan(1e12)).toBe('9999:59:59.99');
  });
});
