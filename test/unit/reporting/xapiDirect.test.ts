/**
 * The Tin Can launch, read as untrusted text (the store's address and credentials, the learner, the
 * registration and the launched activity, each named when wrong), and the statements re-aimed at the
 * launched activity for the learning system that tracks it, decisions left about themselves.
 */
import validate from '@learninglocker/xapi-validation';
import { describe, expect, it } from 'vitest';
import { attemptStatements } from '../../../src/game/reporting/xapi';
import { forLaunch, readXapiLaunch } from '../../../src/game/reporting/xapiDirect';
import { LAUNCH_ACTOR, launchSearch } from '../../support/launchAddress';
import { playReference } from '../../support/referenceScorecards';

const ACTOR = LAUNCH_ACTOR;
const GOOD = {
  endpoint: 'https://lrs.example.com/xapi',
  auth: 'Basic ZW1wLTA3Nzpzb21l',
  actor: JSON.stringify(ACTOR),
  registration: '0f6d2a1c-9b1e-4c3a-8d2f-000000000002',
  activity_id: 'https://lms.example.com/courses/escalation-desk',
};
const search = (over: Record<string, string | null> = {}) => launchSearch(GOOD, over);

describe('reading a Tin Can launch', () => {
  it('reads the store, its credentials, the learner, the registration and the activity', () => {
    const read = readXapiLaunch(search());
    expect(read.ok && read.value).toEqual({
      connection: { endpoint: 'https://lrs.example.com/xapi/', auth: GOOD.auth },
      actor: ACTOR,
      registration: GOOD.registration,
      activityId: GOOD.activity_id,
    });
  });

  it('reads the older Tin Can form of the actor, with lists and accountName', () => {
    const old = JSON.stringify({
      name: ['Hannah Reyes'],
      account: [{ accountServiceHomePage: 'https://lms.example.com', accountName: 'emp-077' }],
    });
    const read = readXapiLaunch(search({ actor: old }));
    expect(read.ok && read.value.actor).toEqual(ACTOR);
  });

  it('leaves the registration and activity to the game when the launch gives none', () => {
    const read = readXapiLaunch(search({ registration: null, activity_id: null }));
    expect(read.ok && [read.value.registration, read.value.activityId]).toEqual([null, null]);
  });

  it.each([
    ['endpoint', null, 'not launched with a learning record store'],
    ['endpoint', 'file:///etc/passwd', 'endpoint is not an http(s) address'],
    ['auth', null, 'no usable auth'],
    ['auth', 'Basic a\r\nX-Injected: 1', 'no usable auth'],
    [
      'actor',
      JSON.stringify({ mbox: 'mailto:hannah@example.com' }),
      'actor does not name the learner by an account',
    ],
    ['registration', '42', 'registration is not a UUID'],
    ['activity_id', 'not an iri', 'activity_id is not an IRI'],
  ])('refuses a launch whose %s is %s, naming it', (field, value, said) => {
    const read = readXapiLaunch(search({ [field]: value }));
    expect(read.ok).toBe(false);
    expect(read.problems[0]?.message).toContain(said);
  });
});

describe('statements about the launched activity', () => {
  const built = attemptStatements({
    scorecard: playReference(),
    masteryScore: 70,
    sessionMs: 754_321,
    startedAt: '2026-12-01T09:00:00.000Z',
    registration: GOOD.registration,
    homePage: 'https://lms.example.com',
    newId: () => crypto.randomUUID(),
  });
  if (!built.ok) throw new Error('no statements');
  const launched = forLaunch(built.value.statements, { actor: ACTOR as never, activityId: GOOD.activity_id });

  it('reports the start, the verdict, the completion and the end about the launched activity', () => {
    for (const s of launched.filter((s) => !s.verb.id.endsWith('/answered'))) {
      expect(s.object.id).toBe(GOOD.activity_id);
      // The scenario or shift played stays beside it.
      expect(s.context.contextActivities?.grouping?.at(-1)?.id).toMatch(/\/(scenarios|shifts)\//);
    }
  });

  it('leaves each decision about itself, and names the launch’s learner on every statement', () => {
    const answered = launched.filter((s) => s.verb.id.endsWith('/answered'));
    const before = built.value.statements.filter((s) => s.verb.id.endsWith('/answered'));
    expect(answered.map((s) => s.object)).toEqual(before.map((s) => s.object));
    for (const s of launched) expect(s.actor).toEqual(ACTOR);
  });

  it('makes statements the specification allows, with the same ids', () => {
    for (const s of launched) expect(validate(s)).toEqual([]);
    expect(launched.map((s) => s.id)).toEqual(built.value.statements.map((s) => s.id));
  });
});
