/**
 * The trainee's finished attempts in Chromium's real IndexedDB: two attempts finished survive a
 * reload, "Export my attempts" downloads JSON Lines whose every line reads as a scorecard carrying the
 * trainee's id and the employee id typed in the menu, and where IndexedDB is refused the menu says so
 * and keeps attempts the old way.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { parseScorecard } from '../../src/core/scoring/readScorecard';
import { openBrowser } from './chromium';
import { browserPerFile, forgetEverything, noSeriousViolations, SHOTS } from './session';

const session = browserPerFile();
const URL_ = () => `${inject('baseUrl')}?renderer=canvas`;

async function toMenu(page: Page): Promise<void> {
  await page.waitForFunction(() => document.body.dataset.scene === 'menu', null, { timeout: 30_000 });
}

async function finishOne(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Start practice' }).click();
  await page.waitForFunction(() => document.body.dataset.scene === 'desk', null, { timeout: 30_000 });
  await page.getByRole('button', { name: 'End attempt' }).click();
  await page.waitForFunction(() => document.body.dataset.scene === 'debrief', null, { timeout: 30_000 });
  await page.getByRole('button', { name: /menu/i }).first().click();
  await toMenu(page);
}

const history = (page: Page) => page.locator('[aria-labelledby="menu-history"]');

describe('finished attempts', () => {
  it('survive a reload and export as JSON Lines with the trainee’s ids', { timeout: 120_000 }, async () => {
    const { page } = session();
    await page.goto(URL_());
    await forgetEverything(page);
    await page.goto(URL_());
    await toMenu(page);
    const exportButton = page.getByRole('button', { name: 'Export my attempts' });
    await expect.poll(() => history(page).textContent()).toMatch(/No finished attempts yet/);
    expect(await exportButton.isDisabled()).toBe(true);
    expect(await history(page).textContent()).toMatch(/Nothing to export yet/);

    await page.getByLabel('Your name').fill('Alex');
    await page.getByLabel('Your name').press('Tab');
    await page.getByLabel('Employee ID (optional)').fill('E-1042');
    await page.getByLabel('Employee ID (optional)').press('Tab');
    await finishOne(page);
    await finishOne(page);

    await page.reload();
    await toMenu(page);
    await expect.poll(() => history(page).locator('li').count()).toBe(2);
    expect(await page.getByLabel('Employee ID (optional)').inputValue()).toBe('E-1042');
    expect(await exportButton.isDisabled()).toBe(false);
    await noSeriousViolations(page);
    await page.screenshot({ path: `${SHOTS}/menu-history.png` });

    const [download] = await Promise.all([page.waitForEvent('download'), exportButton.click()]);
    expect(download.suggestedFilename()).toMatch(/^escalation-desk-attempts-\d{4}-\d{2}-\d{2}\.jsonl$/);
    const text = await readFile((await download.path()) ?? '', 'utf8');
    const lines = text.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    const ids = new Set<string>();
    for (const [i, line] of lines.entries()) {
      const read = parseScorecard(line, `line ${i + 1}`);
      if (!read.ok || !read.value.current) throw new Error(`line ${i + 1} is not a scorecard`);
      const { trainee } = read.value.scorecard;
      expect(trainee.name).toBe('Alex');
      expect(trainee.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(trainee.employeeId).toBe('E-1042');
      ids.add(trainee.id ?? '');
    }
    // Made once per browser: both attempts carry the same id.
    expect(ids.size).toBe(1);
    expect(session().errors).toEqual([]);
  });

  it('where IndexedDB is refused, says so plainly and keeps attempts the old way', {
    timeout: 90_000,
  }, async () => {
    const own = await openBrowser();
    try {
      const { page } = own;
      await page.addInitScript(() => {
        Object.defineProperty(window, 'indexedDB', {
          get() {
            throw new DOMException('The user denied permission to access the database.', 'SecurityError');
          },
        });
      });
      await page.goto(URL_());
      await page.evaluate(() => localStorage.clear());
      await page.goto(URL_());
      await toMenu(page);
      await expect.poll(() => history(page).textContent()).toMatch(/will not let the game use its database/);
      await finishOne(page);
      await page.reload();
      await toMenu(page);
      await expect.poll(() => history(page).locator('li').count()).toBe(1);
      await noSeriousViolations(page);
      expect(own.errors).toEqual([]);
    } finally {
      await own.close();
    }
  });
});
