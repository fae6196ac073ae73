/**
 * The game as an xAPI ("Tin Can") package in Chromium: launched, as a learning system or portal does,
 * with the store's address, credentials, the learner, a registration and the tracked activity in its
 * address, and reporting to a real learning record store (Learning Locker's statement service) behind
 * the learning system's server (which adds the State API the store lacks). The package is built from
 * this run's `dist/` with `npm run build:xapi`'s function. What the store keeps is read back from it.
 */
import { describe, expect, it } from 'vitest';
import { scorecardUsageType, xapiExtensions } from '../../src/game/reporting/xapi';
import { lrsHeaders } from '../../src/game/reporting/xapiSend';
import { storeCourse } from '../support/cmi5Lms';
import {
  browserPerFile,
  escalateAndFinish,
  noSeriousViolations,
  promiseEverything,
  SHOTS,
  waitForScene,
} from './session';

const session = browserPerFile();
const CRISIS = 'power-bank-burned-son';
const ACTIVITY = 'https://lms.example.com/courses/escalation-desk-xapi';
const REGISTRATION = '5a0c7e1d-2b3f-4a5e-9c6d-000000000007';
const ACTOR = {
  objectType: 'Agent',
  name: 'Noor Haddad',
  account: { homePage: 'https://lms.example.com', name: 'emp-103' },
} as const;
const ext = xapiExtensions();

const course = storeCourse('xapi', CRISIS, []);

describe('an xAPI package launched with its store in the address', () => {
  it('names the learner from the launch and reports the attempt about the launched activity', async () => {
    const { page } = session();
    await page.setViewportSize({ width: 1366, height: 920 });
    const query = new URLSearchParams({
      renderer: 'canvas',
      endpoint: course().lms.endpoint,
      auth: course().lms.storeAuth(),
      actor: JSON.stringify(ACTOR),
      registration: REGISTRATION,
      activity_id: ACTIVITY,
    });
    await page.goto(`${course().served.base}crisis/index.html?${query}`);
    await waitForScene(page, 'menu');
    await expect.poll(() => page.locator('.learner').textContent()).toContain('Noor Haddad');
    expect(await page.getByRole('textbox', { name: 'Your name' }).count()).toBe(0);
    await noSeriousViolations(page);

    await promiseEverything(page, 'en');
    // The save is kept in the store's State API, under the launched activity.
    await expect.poll(() => course().lms.states.size).toBe(1);
    await escalateAndFinish(page, 'en');
    await expect
      .poll(() => page.locator('#notice').textContent(), { timeout: 20_000 })
      .toContain('Sent to your learning system: not yet passed');
    await page.screenshot({ path: `${SHOTS}/lms-xapi-debrief.png` });

    const answer = await fetch(
      `${course().lrs.endpoint}statements?registration=${REGISTRATION}&ascending=true`,
      {
        headers: lrsHeaders(course().lrs),
      },
    );
    const { statements } = (await answer.json()) as {
      statements: {
        verb: { id: string };
        object: { id: string };
        actor: unknown;
        result?: { extensions?: Record<string, unknown> };
        context: { contextActivities?: { grouping?: { id: string }[] } };
        attachments?: { usageType: string }[];
      }[];
    };
    expect(statements.map((s) => s.verb.id.split('/').pop())).toEqual([
      'initialized',
      'answered',
      'answered',
      'failed',
      'completed',
      'terminated',
    ]);
    for (const s of statements) expect(s.actor).toEqual(ACTOR);
    const tracked = statements.filter((s) => !s.verb.id.endsWith('/answered'));
    for (const s of tracked) {
      expect(s.object.id).toBe(ACTIVITY);
      expect(s.context.contextActivities?.grouping?.map((g) => g.id)).toContain(
        `https://w3id.org/escalation-desk/xapi/scenarios/${CRISIS}`,
      );
    }
    const answered = statements.filter((s) => s.verb.id.endsWith('/answered'));
    expect(answered[0]?.result?.extensions?.[ext.evidence]).toBeDefined();
    expect(statements[4]?.attachments?.[0]?.usageType).toBe(scorecardUsageType());
    // The finished attempt's save is gone from the store.
    await expect.poll(() => course().lms.states.size).toBe(0);
  });
});
