/**
 * What the game takes from a cmi5 launch address, as untrusted text: each parameter checked and named
 * when wrong, the learner only by an account; and how the game's own statements become cmi5 "allowed"
 * statements: the launch's actor and registration, the context template's activities and session id
 * beside the game's own, and never the cmi5 category, which only cmi5's defined statements carry.
 */
import { describe, expect, it } from 'vitest';
import { cmi5Allowed, readCmi5Launch } from '../../../src/game/reporting/cmi5Launch';
import { attemptStatements } from '../../../src/game/reporting/xapi';
import { LAUNCH_ACTOR, launchSearch } from '../../support/launchAddress';
import { playReference } from '../../support/referenceScorecards';

const ACTOR = LAUNCH_ACTOR;
const GOOD = {
  endpoint: 'https://lms.example.com/lrs',
  fetch: 'https://lms.example.com/fetch/abc',
  actor: JSON.stringify(ACTOR),
  registration: '0f6d2a1c-9b1e-4c3a-8d2f-000000000001',
  activityId: 'https://lms.example.com/courses/escalation-desk/au',
};
const search = (over: Record<string, string | null> = {}) => launchSearch(GOOD, over, 'renderer=canvas&');

describe('reading a cmi5 launch address', () => {
  it('reads the five parameters, with the endpoint ending in a slash', () => {
    const read = readCmi5Launch(search());
    expect(read.ok && read.value).toEqual({
      endpoint: 'https://lms.example.com/lrs/',
      fetch: GOOD.fetch,
      actor: ACTOR,
      registration: GOOD.registration,
      activityId: GOOD.activityId,
    });
  });

  it('says the page was not launched by a learning system when the address carries none of it', () => {
    const read = readCmi5Launch('?renderer=canvas');
    expect(read.ok).toBe(false);
    expect(read.problems[0]?.message).toContain('not launched by a cmi5 learning system');
  });

  it.each([
    ['endpoint', 'ftp://lms.example.com/lrs', 'endpoint is not an http(s) address'],
    ['fetch', 'javascript:alert(1)', 'fetch is not an http(s) address'],
    ['registration', 'not-a-uuid', 'registration is not a UUID'],
    ['activityId', 'no iri', 'activityId is not an IRI'],
    ['actor', '{"name":', 'actor is not JSON'],
    [
      'actor',
      JSON.stringify({ mbox: 'mailto:hannah@example.com' }),
      'actor does not name the learner by an account',
    ],
    [
      'actor',
      JSON.stringify({ account: { homePage: 'https://lms.example.com', name: '' } }),
      'actor does not name',
    ],
  ])('refuses a launch whose %s is %s, naming it', (field, value, said) => {
    const read = readCmi5Launch(search({ [field]: value }));
    expect(read.ok).toBe(false);
    expect(read.problems[0]?.message).toContain(said);
    expect(read.problems[0]?.message).toContain('administrator');
  });

  it('keeps no more of the actor than the account and a name', () => {
    const read = readCmi5Launch(
      search({ actor: JSON.stringify({ ...ACTOR, mbox: 'mailto:x@example.com', extra: 1 }) }),
    );
    expect(read.ok && read.value.actor).toEqual(ACTOR);
  });
});

describe('the game’s statements inside a cmi5 launch', () => {
  const built = attemptStatements({
    scorecard: playReference(),
    masteryScore: 70,
    sessionMs: 1000,
    startedAt: '2026-12-01T09:00:00.000Z',
    registration: '00000000-0000-4000-8000-000000000000',
    homePage: 'https://example.com',
    newId: () => crypto.randomUUID(),
  });
  if (!built.ok) throw new Error('no statements');
  const answered = built.value.statements.find((s) => s.verb.id.endsWith('/answered'));
  if (!answered) throw new Error('no answered statement');
  const read = readCmi5Launch(search());
  if (!read.ok) throw new Error('no launch');
  const SESSION = 'https://w3id.org/xapi/cmi5/context/extensions/sessionid';
  const template = {
    contextActivities: {
      grouping: [{ id: 'https://lms.example.com/courses/escalation-desk' }],
      category: [{ id: 'https://w3id.org/xapi/cmi5/context/categories/cmi5' }],
    },
    extensions: { [SESSION]: 'session-9' },
  };
  const allowed = cmi5Allowed(answered, read.value, template);

  it('takes the launch’s actor and registration', () => {
    expect(allowed.actor).toEqual(ACTOR);
    expect(allowed.context.registration).toBe(GOOD.registration);
    expect(allowed.id).toBe(answered.id);
  });

  it('keeps the game’s parent and the template’s grouping, with the session id beside the evidence', () => {
    expect(allowed.context.contextActivities?.parent).toEqual(answered.context.contextActivities?.parent);
    expect(allowed.context.contextActivities?.grouping?.[0]?.id).toBe(
      'https://lms.example.com/courses/escalation-desk',
    );
    expect(allowed.context.extensions[SESSION]).toBe('session-9');
    for (const key of Object.keys(answered.context.extensions))
      expect(allowed.context.extensions).toHaveProperty([key]);
  });

  it('carries no cmi5 category, which only cmi5’s defined statements may', () => {
    expect(allowed.context.contextActivities).not.toHaveProperty('category');
  });
});
