/**
 * The manager reads a team from a real learning record store (Learning Locker's statement service, in
 * memory), as a manager would: the form filled from the keyboard, two trainees whose attempts came
 * with their scorecards (verified) and one whose completed statement came alone (not re-checked). The
 * rows join the same team, trainee and drill-down views as imported files; a second read adds nothing;
 * a reload keeps the team and the store's address but never the key or secret; refused credentials
 * and an unreachable store are said plainly; axe finds nothing serious in English or Spanish.
 *
 * The store runs on an origin of its own, as a real one does: the page reaches it across origins, so
 * the page's Content-Security-Policy and the store's CORS answers are part of what is tested.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Scorecard } from '../../src/core/scoring/scorecard';
import type { XapiStatementBatch } from '../../src/game/reporting/xapi';
import { postStatements } from '../../src/game/reporting/xapiSend';
import { startLrs, type TestLrs } from '../support/lrs';
import { namedScorecard, statementBatch } from '../support/lrsStatements';
import { browserPerFile, noSeriousViolations, SHOTS } from './session';

const session = browserPerFile();

const WELL = 'scenarios/level-1/locked-out-before-payroll.handled-well.playthrough.yaml';
const BADLY = 'scenarios/level-1/locked-out-before-payroll.handled-badly.playthrough.yaml';
const SECRET = 'correct-horse-battery-staple';

const card = namedScorecard;
const batch = (scorecard: Scorecard): XapiStatementBatch => statementBatch(scorecard);

let lrs: TestLrs;
const eliCard = card(BADLY, 'Eli Park', 'attempt-eli', 3);

beforeAll(async () => {
  lrs = await startLrs();
  const eli = batch(eliCard);
  const batches = [
    batch(card(WELL, 'Ana Ruiz', 'attempt-ana', 1)),
    batch(card(BADLY, 'Bo Chen', 'attempt-bo', 2)),
    // Kept by a store that dropped the scorecard: the completed statement alone.
    { statements: eli.statements.map(({ attachments: _, ...s }) => s), attachments: [] },
  ];
  for (const b of batches) {
    const sent = await postStatements(
      { endpoint: lrs.endpoint, auth: lrs.auth },
      b.statements,
      b.attachments,
    );
    if (sent.kind !== 'sent') throw new Error(`${JSON.stringify(sent)}\n${lrs.log()}`);
  }
}, 60_000);

afterAll(async () => {
  await lrs?.stop();
});

async function openManager(page: Page): Promise<void> {
  await page.goto(`${inject('baseUrl')}manager.html`);
  await page.waitForFunction(() => document.body.dataset.page === 'manager', null, { timeout: 30_000 });
}

/** Fills the form from the keyboard, as a manager would, and reads. */
async function readStore(page: Page, endpoint: string, key: string, secret: string): Promise<void> {
  const address = page.getByLabel('Store address (xAPI endpoint)');
  await address.focus();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(endpoint);
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('key');
  await page.keyboard.type(key);
  await page.keyboard.press('Tab');
  await page.keyboard.type(secret);
  await page.keyboard.press('Enter');
}

const outcome = (page: Page) => page.locator('.lrs-outcome').textContent();

describe('reading a team from a learning record store', () => {
  it('reads the team, verifies the scorecards, and marks the attempt that came alone', async () => {
    const { page } = session();
    await page.setViewportSize({ width: 1366, height: 900 });
    await openManager(page);
    const endpoint = lrs.endpoint;
    expect(new URL(endpoint).origin).not.toBe(new URL(inject('baseUrl')).origin);
    await readStore(page, endpoint, 'escalation-desk', SECRET);
    await expect
      .poll(() => outcome(page), { timeout: 30_000 })
      .toBe('Read 1 page: 3 attempts, 1 not re-checked. Added: 3. Already here: 0. Rejected: 0.');
    // Said, too, for a reader who cannot see it.
    await expect.poll(() => page.locator('#announcer').textContent()).toMatch(/^Read 1 page: 3 attempts/);

    const team = page.getByRole('table', { name: 'Team' });
    await expect.poll(() => team.locator('tbody tr').count()).toBe(3);
    const eli = team.getByRole('row').filter({ has: page.getByRole('link', { name: 'Eli Park' }) });
    expect(await eli.locator('td').last().textContent()).toBe('0 of 1 1 not re-checked');
    expect(await team.locator('[data-trust="not-rechecked"]').count()).toBe(1);
    const list = page.locator('.attempt-list');
    expect(await list.locator('[data-trust="verified"]').count()).toBe(2);
    expect(await list.locator('[data-trust="not-rechecked"]').textContent()).toMatch(
      /^\s*From the learning record store, not re-checked\s*Eli Park/,
    );
    await page.screenshot({ path: `${SHOTS}/manager-lrs.png`, fullPage: true });
    await noSeriousViolations(page);

    // Only trainees whose attempts all verified: Eli's is not among them.
    await page.getByLabel('Only trainees whose scorecards all verified').check();
    await expect.poll(() => team.locator('tbody tr').count()).toBe(2);
    await page.getByLabel('Only trainees whose scorecards all verified').uncheck();

    // Eli's own view, and the attempt: the score the store gave, no debrief, never "Verified".
    await eli.getByRole('link', { name: 'Eli Park' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Eli Park', level: 2 }).count()).toBe(1);
    expect(await page.getByText(/1 came from a learning record store without its scorecard/).count()).toBe(1);
    const attempts = page.getByRole('table', { name: "Eli Park's attempts, newest first" });
    expect(await attempts.locator('[data-trust="not-rechecked"]').count()).toBe(1);
    await page.screenshot({ path: `${SHOTS}/manager-lrs-trainee.png`, fullPage: true });
    await noSeriousViolations(page);
    await attempts.getByRole('link').click();
    await expect
      .poll(() => page.locator('section[data-trust="not-rechecked"]').textContent())
      .toMatch(
        /cannot be checked[\s\S]*learning record store · [^ ]+ · statement [0-9a-f-]{36}[\s\S]*debrief cannot be shown/,
      );
    expect(await page.locator('#drill').count()).toBe(0);
    await noSeriousViolations(page);

    // Ana's came with its scorecard: verified, and its debrief opens.
    await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Team' }).click();
    await team.getByRole('link', { name: 'Ana Ruiz' }).click();
    await page.getByRole('table', { name: "Ana Ruiz's attempts, newest first" }).getByRole('link').click();
    await page.locator('.drill #debrief-transcript').waitFor({ timeout: 30_000 });
    expect(await page.locator('section[data-trust="verified"]').count()).toBe(1);
    await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Team' }).click();

    // Read again: the same attempts, counted once.
    await readStore(page, endpoint, 'escalation-desk', SECRET);
    await expect
      .poll(() => outcome(page), { timeout: 30_000 })
      .toBe('Read 1 page: 3 attempts, 1 not re-checked. Added: 0. Already here: 3. Rejected: 0.');

    // A reload keeps the team and the address; the key and secret are nowhere.
    await page.reload();
    await page.waitForFunction(() => document.body.dataset.page === 'manager', null, { timeout: 30_000 });
    await expect.poll(() => team.locator('tbody tr').count()).toBe(3);
    await expect.poll(() => team.locator('[data-trust="not-rechecked"]').count()).toBe(1);
    expect(await page.getByLabel('Store address (xAPI endpoint)').inputValue()).toBe(endpoint);
    expect(await page.getByLabel('Key', { exact: true }).inputValue()).toBe('');
    expect(await page.getByLabel('Secret', { exact: true }).getAttribute('type')).toBe('password');
    expect(await page.getByLabel('Secret', { exact: true }).inputValue()).toBe('');
    const kept = await page.evaluate(async () => {
      const all: unknown[] = [JSON.stringify(localStorage)];
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('escalation-desk-manager');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      for (const name of db.objectStoreNames) {
        const records = await new Promise<unknown[]>((resolve) => {
          const request = db.transaction(name).objectStore(name).getAll();
          request.onsuccess = () => resolve(request.result);
        });
        all.push(...records);
      }
      db.close();
      return JSON.stringify(all);
    });
    expect(kept).toContain('attempt-eli');
    expect(kept).not.toContain(SECRET);
    expect(kept).not.toContain(btoa(`escalation-desk:${SECRET}`));

    // Eli's scorecard, imported from a file, takes the place of the statement: one attempt, verified.
    await page
      .getByLabel('Import scorecards')
      .setInputFiles([
        { name: 'eli.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(eliCard)) },
      ]);
    await expect
      .poll(() => page.locator('.summary').textContent(), { timeout: 30_000 })
      .toBe('Added: 1. Already here: 0. Rejected: 0.');
    await expect.poll(() => team.locator('[data-trust="not-rechecked"]').count()).toBe(0);
    expect(await eli.locator('td').first().textContent()).toBe('1');
    expect(await eli.locator('td').last().textContent()).toBe('1 of 1');
    expect(session().errors).toEqual([]);
  });

  it('says plainly when the key and secret are refused, or the store cannot be reached', async () => {
    const { page } = session();
    const origin = new URL(inject('baseUrl')).origin;
    await page.route(`${origin}/refusing/**`, (route) =>
      route.fulfill({ status: 401, contentType: 'application/json', body: '{"message":"Unauthorised"}' }),
    );
    await page.route(`${origin}/down/**`, (route) => route.abort('connectionrefused'));
    await openManager(page);
    await readStore(page, `${origin}/refusing/xAPI/`, 'escalation-desk', 'wrong');
    await expect
      .poll(() => outcome(page), { timeout: 30_000 })
      .toBe('The store did not accept the key and secret (401). Check them and read again.');
    await readStore(page, `${origin}/down/xAPI/`, 'escalation-desk', 'wrong');
    await expect
      .poll(() => outcome(page), { timeout: 30_000 })
      .toBe(
        `Could not reach the store. Check the address, and that the store allows this page's origin (${origin}) to read from it (CORS).`,
      );
    expect(await page.locator('.lrs-outcome.warning-text').count()).toBe(1);
    await noSeriousViolations(page);

    // In Spanish, the form and its words.
    await page.getByLabel('Language').selectOption('es');
    await expect
      .poll(() =>
        page.getByRole('heading', { name: 'Leer de un almacén de registros de aprendizaje' }).count(),
      )
      .toBe(1);
    expect(await page.getByLabel('Secreto', { exact: true }).getAttribute('type')).toBe('password');
    expect(await outcome(page)).toMatch(/^No se pudo contactar con el almacén\./);
    await page.screenshot({ path: `${SHOTS}/manager-lrs-es.png`, fullPage: true });
    await noSeriousViolations(page);
    await page.getByLabel('Idioma').selectOption('en');
    // The browser reports the refused and the failed request itself; nothing else went wrong.
    expect(session().errors.filter((e) => !/^Failed to load resource/.test(e))).toEqual([]);
  });
});
