/**
 * Every screen at the three window sizes the game is made for (a laptop, a desktop, a narrow window),
 * photographed to be looked at (test-results/screenshots/screen-*.png): the menu, the desk with a call
 * ringing, the desk in conversation, the debrief, the trainer's studio and the manager's review, and
 * the menu and desk in Spanish. At each size no screen scrolls sideways, and where the office has a
 * strip it spans the window, in view, with the office drawn into it at its size.
 */
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { browserPerFile, forgetEverything, SCREEN_SIZES, SHOTS, waitForScene } from './session';

const session = browserPerFile();

/** Checks the page as it is now and photographs it as `screen-<name>-<width>.png`. */
async function photograph(page: Page, name: string, width: number): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, `${name} at ${width} px scrolls sideways`).toBeLessThanOrEqual(0);
  const strip = page.locator('[data-office]');
  if ((await strip.count()) > 0 && (await strip.isVisible())) {
    await expect
      .poll(() => page.evaluate(() => document.getElementById('stage')?.dataset.officeSize ?? ''))
      .toMatch(new RegExp(`^${width}x\\d+$`));
  }
  // Motion settles (a figure walking in, the grade's reveal) before the picture is taken.
  await page.waitForTimeout(700);
  await page.screenshot({ path: `${SHOTS}/screen-${name}-${width}.png` });
}

/** A fresh game's menu at `size`, in `language`. */
async function menu(page: Page, language: 'en' | 'es'): Promise<void> {
  const url = inject('baseUrl');
  await page.goto(url);
  await forgetEverything(page);
  await page.goto(url);
  await waitForScene(page, 'menu');
  if (language === 'es') await page.getByLabel('Language').selectOption('es');
  await page.getByLabel(language === 'es' ? 'Su nombre' : 'Your name').fill('Ana Ruiz');
}

describe('every screen at every size', () => {
  for (const size of SCREEN_SIZES) {
    it(`menu, desk, debrief, studio and manager's review at ${size.width} × ${size.height}`, async () => {
      const { page, errors } = session();
      await page.setViewportSize(size);
      await menu(page, 'en');
      await photograph(page, 'menu', size.width);

      await page.locator('input[name="scenario"][value="app-closes-on-use-photo"]').check();
      await page.getByRole('button', { name: 'Start practice' }).click();
      await waitForScene(page, 'desk');
      await expect
        .poll(() => page.evaluate(() => document.getElementById('stage')?.dataset.officeQueue ?? ''))
        .not.toBe('');
      await photograph(page, 'desk-ringing', size.width);
      await page.getByRole('button', { name: 'Answer' }).click();
      await expect
        .poll(() => page.evaluate(() => document.getElementById('stage')?.dataset.officeFaces ?? ''))
        .not.toBe('');
      await page
        .getByRole('textbox', { name: 'Reply' })
        .fill('I am sorry the app keeps closing on you, let us fix it.');
      await page.getByRole('button', { name: 'Send', exact: true }).click();
      await expect.poll(() => page.locator('.line.from-trainee').count()).toBe(1);
      await photograph(page, 'desk-conversation', size.width);

      await page.getByRole('button', { name: 'End attempt' }).click();
      await waitForScene(page, 'debrief');
      await photograph(page, 'debrief', size.width);

      await page.goto(`${inject('baseUrl')}studio.html`);
      await page.locator('.cm-content').first().waitFor();
      await photograph(page, 'studio', size.width);
      await page.goto(`${inject('baseUrl')}manager.html`);
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      await photograph(page, 'manager', size.width);
      expect(errors).toEqual([]);
    });
  }

  it('menu and desk in Spanish', async () => {
    const { page } = session();
    const size = SCREEN_SIZES[0];
    await page.setViewportSize(size);
    await menu(page, 'es');
    await photograph(page, 'menu-es', size.width);
    await page.getByRole('button', { name: 'Empezar práctica' }).click();
    await waitForScene(page, 'desk');
    await photograph(page, 'desk-es', size.width);
  });
});
