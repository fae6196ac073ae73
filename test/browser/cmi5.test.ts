/**
 * The game as a cmi5 assignable unit in Chromium, against a real learning record store (Learning
 * Locker's statement service) behind a learning system's launch server (`test/support/cmi5Lms.ts`:
 * the token, the launch data, the learner's preferences and state, as an LMS provides them). The
 * package is built from this run's `dist/` with the real command (`npm run build:cmi5`'s function). What the store keeps is read back
 * from the store itself: the statement order cmi5 requires, the launch's registration, session id and
 * mastery score, each decision's evidence, and the scorecard attached to `completed`. Then the store
 * goes offline and busy while an attempt finishes: nothing is lost and nothing is stored twice.
 */
import { createHash } from 'node:crypto';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { scorecardUsageType, xapiExtensions } from '../../src/game/reporting/xapi';
import { lrsHeaders } from '../../src/game/reporting/xapiSend';
import { type Registration, storeCourse } from '../support/cmi5Lms';
import {
  browserPerFile,
  escalateAndFinish,
  forgetEverything,
  noSeriousViolations,
  promiseEverything,
  SHOTS,
  waitForScene,
} from './session';

const session = browserPerFile();
const CRISIS = 'power-bank-burned-son';
const SESSION_ID = 'https://w3id.org/xapi/cmi5/context/extensions/sessionid';
const MASTERY = 'https://w3id.org/xapi/cmi5/context/extensions/masteryscore';
const CMI5_CATEGORY = 'https://w3id.org/xapi/cmi5/context/categories/cmi5';
const MOVE_ON = 'https://w3id.org/xapi/cmi5/context/categories/moveon';
const COURSE = 'https://lms.example.com/courses/escalation-desk';
const ext = xapiExtensions();

function registration(n: number, fields: Partial<Registration> & Pick<Registration, 'actor'>): Registration {
  return {
    registration: `0f6d2a1c-9b1e-4c3a-8d2f-00000000000${n}`,
    activityId: `${COURSE}/au`,
    launchData: {
      contextTemplate: {
        contextActivities: { grouping: [{ id: COURSE }] },
        extensions: { [SESSION_ID]: `session-${n}` },
      },
      launchMode: 'Normal',
      moveOn: 'CompletedAndPassed',
      returnURL: 'https://lms.example.com/courses',
    },
    ...fields,
  };
}

// Rubén's learning system asks for 30 of 100, below the package's own 70: its word decides.
const RUBEN = registration(1, {
  actor: {
    objectType: 'Agent',
    name: 'Rubén Castaño',
    account: { homePage: 'https://lms.example.com', name: 'emp-042' },
  },
  preferences: { languagePreference: 'es-ES,en-US', audioPreference: 'on' },
  launchData: {
    contextTemplate: {
      contextActivities: { grouping: [{ id: COURSE }] },
      extensions: { [SESSION_ID]: 'session-1' },
    },
    launchMode: 'Normal',
    masteryScore: 0.3,
    moveOn: 'CompletedAndPassed',
    returnURL: 'https://lms.example.com/courses',
  },
});
const ADA = registration(3, {
  actor: {
    objectType: 'Agent',
    name: 'Ada Okafor',
    account: { homePage: 'https://lms.example.com', name: 'emp-051' },
  },
});
const HANNAH = registration(2, {
  actor: {
    objectType: 'Agent',
    name: 'Hannah Reyes',
    account: { homePage: 'https://lms.example.com', name: 'emp-077' },
  },
});

const course = storeCourse('cmi5', CRISIS, [RUBEN, HANNAH, ADA]);

interface Stored {
  id: string;
  verb: { id: string };
  object: { id: string };
  actor: { account: { name: string } };
  result?: { success?: boolean; score?: { scaled: number }; extensions?: Record<string, unknown> };
  context: {
    registration: string;
    contextActivities?: Record<string, { id: string }[]>;
    extensions?: Record<string, unknown>;
  };
  attachments?: { usageType: string; sha2: string; length: number }[];
}

/** Every statement the store holds for a registration, oldest first, following `more` links. */
async function storedFor(r: Registration): Promise<Stored[]> {
  const found: Stored[] = [];
  let next: string | null = `statements?registration=${r.registration}&ascending=true&limit=4`;
  while (next) {
    const url: string = next.startsWith('/')
      ? new URL(next, course().lrs.endpoint).href
      : `${course().lrs.endpoint}${next}`;
    const page = (await (await fetch(url, { headers: lrsHeaders(course().lrs) })).json()) as {
      statements: Stored[];
      more: string;
    };
    found.push(...page.statements);
    next = page.more || null;
  }
  return found;
}

const verbsOf = (statements: readonly Stored[]) => statements.map((s) => s.verb.id.split('/').pop());

async function launch(page: Page, r: Registration) {
  await page.goto(course().lms.launchUrl(`${course().served.base}crisis/index.html?renderer=canvas`, r));
  await waitForScene(page, 'menu');
}

describe('a cmi5 assignable unit with a real learning record store', () => {
  it('follows the launch: the learner, their language and mastery score, and the statements cmi5 requires', async () => {
    const { page } = session();
    await page.setViewportSize({ width: 1366, height: 920 });
    await launch(page, RUBEN);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('es');
    await expect.poll(() => page.locator('.learner').textContent()).toContain('Rubén Castaño');
    expect(await page.getByRole('textbox', { name: 'Su nombre' }).count()).toBe(0);
    await noSeriousViolations(page);
    await page.screenshot({ path: `${SHOTS}/lms-cmi5-menu.png` });
    // `initialized` is the first statement, sent at launch.
    await expect.poll(async () => verbsOf(await storedFor(RUBEN))).toEqual(['initialized']);

    await promiseEverything(page, 'es');
    // The save is kept in the learning system's State API, for another computer.
    await expect.poll(() => course().lms.states.size).toBe(1);
    await escalateAndFinish(page, 'es');
    // 40 of 100 fails the package's 70, but the learning system asked for 30.
    await expect.poll(() => page.locator('#notice').textContent(), { timeout: 20_000 }).toContain('aprobado');
    expect(await page.locator('#notice').textContent()).toContain('30');
    await page.screenshot({ path: `${SHOTS}/lms-cmi5-debrief.png` });

    const statements = await storedFor(RUBEN);
    expect(verbsOf(statements)).toEqual([
      'initialized',
      'answered',
      'answered',
      'passed',
      'completed',
      'terminated',
    ]);
    for (const s of statements) {
      expect(s.context.registration).toBe(RUBEN.registration);
      expect(s.context.extensions?.[SESSION_ID]).toBe('session-1');
      expect(s.actor.account.name).toBe('emp-042');
      expect(s.context.contextActivities?.grouping?.map((g) => g.id)).toContain(COURSE);
    }
    const defined = statements.filter((s) => s.verb.id.split('/').pop() !== 'answered');
    for (const s of defined) {
      expect(s.object.id).toBe(RUBEN.activityId);
      expect(s.context.contextActivities?.category?.map((c) => c.id)).toContain(CMI5_CATEGORY);
    }
    // The answered statements are the game's own, allowed by cmi5, with no cmi5 category.
    const answered = statements.filter((s) => s.verb.id.endsWith('/answered'));
    for (const s of answered) expect(s.context.contextActivities?.category).toBeUndefined();
    expect(answered[0]?.result?.success).toBe(false);
    expect(answered[0]?.result?.extensions?.[ext.evidence]).toEqual({
      keys: expect.arrayContaining(['empathy.noAcknowledgement']),
      points: expect.any(Number),
    });
    const passed = statements[3];
    expect(passed?.result?.success).toBe(true);
    expect(passed?.result?.score?.scaled).toBeCloseTo(0.4, 1);
    expect(passed?.context.extensions?.[MASTERY]).toBe(0.3);
    expect(passed?.context.contextActivities?.category?.map((c) => c.id)).toContain(MOVE_ON);
    const completed = statements[4];
    expect(completed?.result?.extensions?.[ext.empathy]).toMatchObject({ score: expect.any(Number) });
    expect(completed?.result?.extensions?.[ext.grade]).toBeTruthy();
    const attached = completed?.attachments?.find((a) => a.usageType === scorecardUsageType());
    expect(attached).toBeDefined();

    // The attached scorecard's bytes are in the store, and they are the hash the statement declares.
    const withBytes = await fetch(
      `${course().lrs.endpoint}statements?statementId=${completed?.id}&attachments=true`,
      {
        headers: lrsHeaders(course().lrs),
      },
    );
    const boundary = /boundary=([^;]+)/.exec(withBytes.headers.get('content-type') ?? '')?.[1];
    const parts = Buffer.from(await withBytes.arrayBuffer())
      .toString('latin1')
      .split(`--${boundary}`)
      .map((part) => Buffer.from(part, 'latin1'));
    const part = parts.find(
      (p) =>
        p.toString('latin1').includes(`X-Experience-API-Hash:${attached?.sha2}`) ||
        p.toString('latin1').toLowerCase().includes(`x-experience-api-hash: ${attached?.sha2}`),
    );
    const raw = part?.toString('latin1') ?? '';
    const bytes = Buffer.from(raw.slice(raw.indexOf('\r\n\r\n') + 4, raw.lastIndexOf('\r\n')), 'latin1');
    expect(bytes.length).toBe(attached?.length);
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(attached?.sha2);
    const card = bytes.toString('utf8');
    expect(JSON.parse(card).trainee.employeeId).toBe('emp-042');
    // Its save is gone from the learning system once the attempt is finished.
    await expect.poll(() => course().lms.states.size).toBe(0);
  });

  it('loses nothing and stores nothing twice when the store is offline, then busy, as the attempt ends', async () => {
    const { page } = session();
    await page.setViewportSize({ width: 1366, height: 920 });
    await page.goto(`${course().served.base}crisis/index.html`);
    await forgetEverything(page);
    await launch(page, HANNAH);
    await expect.poll(async () => verbsOf(await storedFor(HANNAH))).toEqual(['initialized']);
    await promiseEverything(page, 'en');

    course().lms.mode = 'offline';
    await escalateAndFinish(page, 'en');
    await expect
      .poll(() => page.locator('#notice').textContent(), { timeout: 20_000 })
      .toContain('nothing is lost');
    await page.screenshot({ path: `${SHOTS}/lms-cmi5-queued.png` });
    expect(verbsOf(await storedFor(HANNAH))).toEqual(['initialized']);

    course().lms.mode = 'busy';
    const before = course().lms.statementRequests.length;
    await expect
      .poll(() => course().lms.statementRequests.length, { timeout: 20_000 })
      .toBeGreaterThan(before);
    expect(course().lms.statementRequests.at(-1)?.status).toBe(503);

    course().lms.mode = 'up';
    await expect
      .poll(async () => verbsOf(await storedFor(HANNAH)), { timeout: 30_000 })
      .toEqual(['initialized', 'answered', 'answered', 'failed', 'completed', 'terminated']);
    // The learner is told it arrived.
    await expect
      .poll(() => page.locator('#notice').textContent(), { timeout: 10_000 })
      .toBe('Your result has now reached your learning system.');
    const statements = await storedFor(HANNAH);
    expect(new Set(statements.map((s) => s.id)).size).toBe(statements.length);
    // No mastery score in this launch: the package's 70 decides, and the verdict names it.
    expect(statements[3]?.result?.success).toBe(false);
    expect(statements[3]?.context.extensions?.[MASTERY]).toBe(0.7);
    // Nothing is left waiting in the browser.
    await expect
      .poll(() =>
        page.evaluate(
          () =>
            new Promise<number>((resolve) => {
              const open = indexedDB.open('escalation-desk-xapi-outbox');
              open.onsuccess = () => {
                const count = open.result.transaction('batches').objectStore('batches').count();
                count.onsuccess = () => resolve(count.result);
              };
            }),
        ),
      )
      .toBe(0);
  }, 90_000);

  it('resumes on another computer from the save the learning system keeps', async () => {
    const { page } = session();
    await page.setViewportSize({ width: 1366, height: 920 });
    await page.goto(`${course().served.base}crisis/index.html`);
    await forgetEverything(page);
    await launch(page, ADA);
    await promiseEverything(page, 'en');
    await expect.poll(() => course().lms.states.size).toBe(1);

    // Another computer: nothing in this browser; the learning system launches the course again.
    await page.goto(`${course().served.base}crisis/index.html`);
    await forgetEverything(page);
    await launch(page, ADA);
    await page.getByRole('button', { name: 'Resume' }).click();
    await waitForScene(page, 'desk');
    await expect
      .poll(() => page.locator('.line.from-trainee').allTextContents())
      .toEqual([expect.stringContaining('cover everything')]);
    await escalateAndFinish(page, 'en');
    await expect
      .poll(() => page.locator('#notice').textContent(), { timeout: 20_000 })
      .toContain('Sent to your learning system');
    const verbs = verbsOf(await storedFor(ADA));
    // Two sessions, each opened by `initialized`; the second carries the decisions and the end.
    expect(verbs.filter((v) => v === 'initialized')).toHaveLength(2);
    expect(verbs.slice(-5)).toEqual(['answered', 'answered', 'failed', 'completed', 'terminated']);
  }, 90_000);
});
