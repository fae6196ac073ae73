/**
 * The entry page compiles the bundled scenario library with the headless core inside Chromium and
 * lists it by level, in English and in Spanish. Screenshots go to test-results/screenshots/.
 */
import { mkdir } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadStarterPack } from '../support/starterPack';
import { axeViolations } from './axe';
import { type BrowserSession, openBrowser } from './chromium';

const SHOTS = 'test-results/screenshots';
let browser: BrowserSession;

beforeAll(async () => {
  await mkdir(SHOTS, { recursive: true });
  browser = await openBrowser();
});

afterAll(async () => {
  await browser?.close();
});

describe('scenario library page', () => {
  it('lists every bundled scenario by level with no problems, and switches to Spanish', async () => {
    const { page } = browser;
    await page.goto(inject('baseUrl'));
    await page.waitForSelector('body[data-ready="true"]');

    const count = await page.locator('li.scenario').count();
    expect(count).toBeGreaterThanOrEqual(16);
    await expect.poll(() => page.locator('.problems').count()).toBe(0);
    for (const level of [1, 2, 3, 4]) {
      expect(
        await page.locator(`section[aria-labelledby="level-${level}"] li.scenario`).count(),
      ).toBeGreaterThanOrEqual(4);
    }
    await expect.poll(() => page.getByRole('heading', { name: 'Scenario library' }).count()).toBe(1);
    await page.screenshot({ path: `${SHOTS}/library-en.png`, fullPage: true });
    expect(await axeViolations(page)).toEqual([]);

    await page.getByLabel('Language').selectOption('es');
    await expect.poll(() => page.getByRole('heading', { name: 'Biblioteca de escenarios' }).count()).toBe(1);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('es');
    const spanishTitle =
      loadStarterPack().scenarios.find((x) => x.id === 'locked-out-before-payroll')?.title.es ?? '';
    await expect.poll(() => page.getByText(spanishTitle, { exact: true }).count()).toBe(1);
    await page.screenshot({ path: `${SHOTS}/library-es.png`, fullPage: true });
    expect(await axeViolations(page)).toEqual([]);

    expect(browser.errors).toEqual([]);
  });

  it('is reachable by keyboard: the language picker takes focus and has a name', async () => {
    const { page } = browser;
    await page.goto(inject('baseUrl'));
    await page.waitForSelector('body[data-ready="true"]');
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => ({
      tag: document.activeElement?.tagName,
      label: document.activeElement?.closest('label')?.textContent?.trim(),
    }));
    expect(focused.tag).toBe('SELECT');
    expect(focused.label).toContain('Language');
  });
});
