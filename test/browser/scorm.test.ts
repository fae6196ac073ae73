/**
 * The SCORM packages in Chromium against a real LMS runtime: scorm-again (MIT) provides the API in a
 * host page, as an LMS would, and the package built from this run's `dist/` plays in its frame. A
 * learner named by the LMS mishandles a crisis; what the LMS receives (status, score, session time, one
 * interaction per decision, resume data within the standard's limit) is read back from scorm-again's
 * own CMI data, for SCORM 1.2 and 2004. The 2004 learner then leaves mid-attempt and comes back on
 * another computer: the game resumes from the LMS's resume data alone.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Served, serveFolder as serve, unpackPackage as unpack } from '../support/serveFolder';
import {
  browserPerFile,
  escalateAndFinish,
  forgetEverything,
  noSeriousViolations,
  promiseEverything,
  SHOTS,
} from './session';

const session = browserPerFile();
const CRISIS = 'power-bank-burned-son';

/**
 * The LMS's page: scorm-again's API for `standard` on the window, loaded with what the LMS knows of
 * the learner (the JSON in the address's hash), and the package's launch page in a frame under it.
 */
const HOST = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>LMS</title>
<script src="scorm-again.min.js"></script></head>
<body><main><h1>Course</h1></main>
<script>
  const { standard, cmi, launch, lms } = JSON.parse(decodeURIComponent(location.hash.slice(1)));
  const settings = { logLevel: 5, lmsCommitUrl: false, autocommit: false, ...lms };
  const api = standard === 'scorm12' ? new Scorm12API(settings) : new Scorm2004API(settings);
  api.loadFromJSON(cmi, '');
  window.commits = 0;
  api.on(standard === 'scorm12' ? 'LMSCommit' : 'Commit', () => { window.commits += 1; });
  window[standard === 'scorm12' ? 'API' : 'API_1484_11'] = api;
  const frame = document.createElement('iframe');
  frame.title = 'Escalation Desk';
  frame.style.cssText = 'width: 1360px; height: 900px; border: 0';
  frame.src = launch + '?renderer=canvas';
  document.body.append(frame);
</script></body></html>`;

let root = '';
let server: Served;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'escalation-desk-lms-'));
  await writeFile(join(root, 'host.html'), HOST);
  await writeFile(
    join(root, 'scorm-again.min.js'),
    await readFile('node_modules/scorm-again/dist/scorm-again.min.js'),
  );
  await unpack(root, 'crisis12', 'scorm12', CRISIS);
  await unpack(root, 'library2004', 'scorm2004');
  await unpack(root, 'shift12', 'scorm12', undefined, 'monday-morning');
  server = await serve(root);
}, 120_000);

afterAll(async () => {
  await server?.close();
  if (root) await rm(root, { recursive: true, force: true });
});

/** Opens the LMS's page with `cmi` loaded, and waits for the package's menu in its frame. */
async function launch(
  page: Page,
  standard: 'scorm12' | 'scorm2004',
  folder: string,
  cmi: object,
  lms: object = {},
) {
  const hash = encodeURIComponent(JSON.stringify({ standard, cmi, lms, launch: `${folder}/index.html` }));
  // Only the hash would differ from the page before: leave first, so the LMS's page loads afresh.
  await page.goto('about:blank');
  await page.goto(`${server.base}host.html#${hash}`);
  const frame = await gameFrame(page);
  await frame.waitForFunction(() => document.body.dataset.scene === 'menu', null, { timeout: 30_000 });
  return frame;
}

async function gameFrame(page: Page): Promise<Frame> {
  await page.waitForSelector('iframe');
  const handle = await page.$('iframe');
  const frame = await handle?.contentFrame();
  if (!frame) throw new Error('The package did not open in its frame.');
  return frame;
}

/** What the LMS holds, as scorm-again renders its CMI data (interactions are write-only in 1.2). */
function lmsData(
  page: Page,
): Promise<Record<string, unknown> & { interactions?: Record<string, Record<string, unknown>> }> {
  return page.evaluate(() => {
    const w = window as unknown as Record<string, { renderCMIToJSONObject(): unknown } | undefined>;
    // scorm-again renders the data model under its root, `cmi`.
    return JSON.parse(JSON.stringify((w.API ?? w.API_1484_11)?.renderCMIToJSONObject())).cmi;
  });
}

describe('a SCORM package in a learning management system', () => {
  it('SCORM 1.2: the LMS names the learner and their language, and receives the failed crisis with its decisions', async () => {
    const { page } = session();
    await page.setViewportSize({ width: 1366, height: 920 });
    const frame = await launch(page, 'scorm12', 'crisis12', {
      core: { student_id: 'emp-042', student_name: 'Castaño, Rubén' },
      student_preference: { language: 'es-ES' },
    });
    // The learner's name comes from the LMS, so it is not asked for; the language is theirs.
    expect(await frame.evaluate(() => document.documentElement.lang)).toBe('es');
    await expect.poll(() => frame.locator('.learner').textContent()).toContain('Rubén Castaño');
    expect(await frame.getByRole('textbox', { name: 'Su nombre' }).count()).toBe(0);
    // Only the packaged scenario is offered, and no link leads out of the package.
    expect(await frame.getByRole('radio').count()).toBe(1);
    expect(await frame.locator(`input[name="scenario"][value="${CRISIS}"]`).count()).toBe(1);
    expect(await frame.locator('a[href="manager.html"], a[href="studio.html"]').count()).toBe(0);
    await page.screenshot({ path: `${SHOTS}/lms-scorm12-menu.png` });
    await noSeriousViolations(page);

    await promiseEverything(frame, 'es');
    // Every save is kept in the LMS as resume data, within SCORM 1.2's 4,096 characters.
    await expect.poll(async () => String((await lmsData(page)).suspend_data ?? '').length).toBeGreaterThan(0);
    const suspend = String((await lmsData(page)).suspend_data);
    expect(suspend.length).toBeLessThanOrEqual(4096);
    expect(suspend.startsWith('ED1:')).toBe(true);

    await escalateAndFinish(frame, 'es');
    await expect
      .poll(() => frame.locator('#notice').textContent(), { timeout: 20_000 })
      .toContain('plataforma de formación');
    const cmi = await lmsData(page);
    const core = cmi.core as Record<string, unknown>;
    expect(core.lesson_status).toBe('failed');
    const raw = Number((core.score as Record<string, unknown>).raw);
    expect(raw).toBeGreaterThanOrEqual(0);
    expect(raw).toBeLessThan(70);
    expect(String(core.session_time)).toMatch(/^\d{2,4}:\d{2}:\d{2}/);
    const interactions = Object.values(cmi.interactions ?? {});
    const kinds = interactions.map((i) => String(i.id));
    // The reply and the handoff to the wrong tier are the trainee's two decisions, both judged wrong:
    // the reply promises everything without a word for the burned child.
    expect(kinds).toEqual([expect.stringMatching(/^c1-reply-/), expect.stringMatching(/^c1-escalation-/)]);
    expect(interactions[0]?.student_response).toContain('le prometo que lo cubriremos todo');
    for (const interaction of interactions) {
      expect(['correct', 'wrong', 'neutral', 'unanticipated']).toContain(interaction.result);
      expect(String(interaction.student_response ?? '').length).toBeLessThanOrEqual(255);
      const objectives = Object.values((interaction.objectives ?? {}) as Record<string, { id: string }>);
      // The evidence key (empathy.noAcknowledgement), as a 1.2 identifier holds it.
      expect(objectives[0]?.id).toMatch(/^[a-z]+_[A-Za-z-]+$/);
    }
    const escalation = interactions.find((i) => String(i.id).includes('escalation'));
    expect(escalation?.result).toBe('wrong');
    expect(await page.evaluate(() => (window as unknown as { commits: number }).commits)).toBeGreaterThan(0);
    await page.screenshot({ path: `${SHOTS}/lms-scorm12-debrief.png` });
  });

  it('SCORM 2004: the whole library, scaled score and completion, and a resume on another computer from the LMS alone', async () => {
    const { page } = session();
    await page.setViewportSize({ width: 1366, height: 920 });
    const learner = {
      learner_id: 'emp-077',
      learner_name: 'Hannah Reyes',
      learner_preference: { language: 'en' },
    };
    let frame = await launch(page, 'scorm2004', 'library2004', learner);
    // The whole library: every scenario and the shifts.
    expect(await frame.getByRole('radio').count()).toBeGreaterThan(1);
    await frame.locator(`input[name="scenario"][value="${CRISIS}"]`).check();
    await promiseEverything(frame, 'en');
    await expect.poll(async () => String((await lmsData(page)).suspend_data ?? '').length).toBeGreaterThan(0);
    const left = await lmsData(page);
    expect(String(left.completion_status)).toBe('incomplete');

    // Another computer: nothing in this browser, only what the LMS kept.
    await forgetEverything(frame);
    frame = await launch(page, 'scorm2004', 'library2004', {
      ...learner,
      entry: 'resume',
      suspend_data: left.suspend_data,
    });
    await frame.getByRole('button', { name: 'Resume' }).click();
    await frame.waitForFunction(() => document.body.dataset.scene === 'desk', null, { timeout: 30_000 });
    await expect
      .poll(() => frame.locator('.line.from-trainee').allTextContents())
      .toEqual([expect.stringContaining('cover everything')]);

    await escalateAndFinish(frame, 'en');
    await expect
      .poll(() => frame.locator('#notice').textContent(), { timeout: 20_000 })
      .toContain('learning system');
    const cmi = await lmsData(page);
    expect(cmi.completion_status).toBe('completed');
    expect(cmi.success_status).toBe('failed');
    const score = cmi.score as Record<string, unknown>;
    expect(Number(score.scaled)).toBeCloseTo(Number(score.raw) / 100, 5);
    expect(String(cmi.session_time)).toMatch(/^P/);
    const interactions = Object.values(cmi.interactions ?? {});
    expect(interactions.map((i) => String(i.id))).toEqual([
      expect.stringMatching(/^c1-reply-/),
      expect.stringMatching(/^c1-escalation-/),
    ]);
    expect(interactions[1]?.result).toBe('incorrect');
    for (const interaction of interactions) {
      expect(['correct', 'incorrect', 'neutral', 'unanticipated']).toContain(interaction.result);
      expect(String(interaction.description ?? '').length).toBeLessThanOrEqual(250);
    }
    await page.screenshot({ path: `${SHOTS}/lms-scorm2004-debrief.png` });
  });

  it('says plainly when the LMS will not store the result, after retrying, and keeps it on this device', async () => {
    const { page } = session();
    await page.setViewportSize({ width: 1366, height: 920 });
    // The LMS's server refuses every commit (this test's server answers 404 to the address).
    const frame = await launch(
      page,
      'scorm12',
      'crisis12',
      { core: { student_id: 'emp-051', student_name: 'Okafor, Ada' } },
      { lmsCommitUrl: '/commit-refused', asyncCommit: false },
    );
    await promiseEverything(frame, 'en');
    await escalateAndFinish(frame, 'en');
    await expect
      .poll(() => frame.locator('#notice').textContent(), { timeout: 30_000 })
      .toContain('Your learning system did not take this result');
    expect(await frame.locator('#notice').textContent()).toContain('Export scorecard');
    // Kept on this device: the finished attempt is in the menu's recent attempts.
    await frame.getByRole('button', { name: 'Back to the menu' }).click();
    await page.screenshot({ path: `${SHOTS}/lms-commit-refused.png` });
    await expect
      .poll(() => frame.locator('ul.history li').first().textContent(), { timeout: 10_000 })
      .toContain('Ada Okafor');
  }, 60_000);

  it('lists only the shift a shift package was built for, with no empty practice column', async () => {
    const { page } = session();
    await page.setViewportSize({ width: 1366, height: 920 });
    const frame = await launch(page, 'scorm12', 'shift12', {
      core: { student_id: 'emp-063', student_name: 'Ruiz, Ana' },
    });
    expect(await frame.getByRole('radio').count()).toBe(0);
    expect(await frame.getByLabel('Choose a shift').locator('option').allTextContents()).toEqual([
      expect.stringContaining('Monday morning'),
    ]);
    expect(await frame.locator('.menu-grid > .menu-col').count()).toBe(2);
    await page.screenshot({ path: `${SHOTS}/lms-scorm12-shift-menu.png` });
    await noSeriousViolations(page);
  });
});
