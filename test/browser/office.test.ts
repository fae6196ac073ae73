/**
 * The office in Chromium, read through the scene's state (the `data-office-*` attributes the office
 * writes on the stage), never its pixels: it has a real place on the desk at every window size and
 * redraws when the window is resized; a ringing call stands in the queue as a figure and, answered,
 * becomes a face on the trainee's monitor that changes expression as the mood crosses a band; under
 * reduced motion nothing in it moves. Photographs the desk at each size: test-results/screenshots/.
 */
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import {
  browserPerFile,
  forgetEverything,
  noSeriousViolations,
  SCREEN_SIZES,
  SHOTS,
  waitForScene,
} from './session';

const session = browserPerFile();

/** The office's state as the stage element carries it. */
const office = (page: Page) =>
  page.evaluate(() => ({ ...(document.getElementById('stage')?.dataset ?? {}) }));

/** Opens a fresh menu (reduced motion on or off) and starts a practice of `scenario`. */
async function practise(page: Page, scenario: string, reduceMotion = false): Promise<void> {
  const url = `${inject('baseUrl')}?renderer=canvas`;
  await page.goto(url);
  await forgetEverything(page);
  await page.goto(url);
  await waitForScene(page, 'menu');
  const reduce = page.getByLabel('Reduce motion');
  if ((await reduce.isChecked()) !== reduceMotion) await reduce.setChecked(reduceMotion);
  await page.locator(`input[name="scenario"][value="${scenario}"]`).check();
  await page.getByRole('button', { name: 'Start practice' }).click();
  await waitForScene(page, 'desk');
  await expect.poll(async () => Number((await office(page)).officeDraws ?? 0)).toBeGreaterThan(0);
}

describe('the office', () => {
  it('has a real place on the desk at every window size, and redraws to fit when the window is resized', async () => {
    const { page } = session();
    const [first] = SCREEN_SIZES;
    await page.setViewportSize(first);
    await practise(page, 'locked-out-before-payroll');
    let draws = Number((await office(page)).officeDraws);
    for (const size of SCREEN_SIZES) {
      await page.setViewportSize(size);
      const strip = page.locator('[data-office]');
      // The office draws at the strip's size as it is now.
      await expect
        .poll(async () => {
          const box = await strip.boundingBox();
          const drawn = (await office(page)).officeSize;
          return box && drawn === `${Math.round(box.width)}x${Math.round(box.height)}`
            ? drawn
            : `not ${drawn}`;
        })
        .toMatch(new RegExp(`^${size.width}x\\d+$`));
      const box = await strip.boundingBox();
      // The whole width of the window, and a band tall enough to show people in.
      expect(box?.width).toBeGreaterThan(size.width * 0.95);
      expect(box?.height).toBeGreaterThanOrEqual(88);
      expect(await strip.getAttribute('aria-hidden')).toBe('true');
      if (size !== first) {
        const now = Number((await office(page)).officeDraws);
        expect(now).toBeGreaterThan(draws);
        draws = now;
      }
      // The panels leave the strip uncovered: nothing of the DOM is drawn over its middle.
      const covering = await page.evaluate(() => {
        const r = document.querySelector('[data-office]')?.getBoundingClientRect();
        if (!r) return 'no strip';
        const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
        return hit?.hasAttribute('data-office') ? '' : (hit?.className ?? 'nothing');
      });
      expect(covering).toBe('');
      // A sound's caption sits over the strip, not over a panel.
      const caption = await page.evaluate(() => {
        const captions = document.getElementById('captions') as HTMLElement;
        captions.hidden = false;
        if (!captions.textContent) captions.textContent = 'Phone ringing: Rubén Castaño';
        const c = captions.getBoundingClientRect();
        const r = document.querySelector('[data-office]')?.getBoundingClientRect();
        return r && c.top >= r.top && c.bottom <= r.bottom && c.height > 0;
      });
      expect(caption, `the caption at ${size.width} px`).toBe(true);
      await page.waitForTimeout(300);
      await page.screenshot({ path: `${SHOTS}/office-desk-${size.width}.png` });
    }
    await noSeriousViolations(page);
  });

  it('puts a ringing call in the queue as a figure, and the answered customer on the monitor', async () => {
    const { page } = session();
    await page.setViewportSize({ width: 1366, height: 768 });
    await practise(page, 'app-closes-on-use-photo');
    const contact = (await page.evaluate(() => document.getElementById('stage')?.dataset.officeQueue)) ?? '';
    await expect.poll(async () => (await office(page)).officeQueue).toMatch(/^c\d+$/);
    expect((await office(page)).officeFaces).toBe('');
    expect((await office(page)).officePhase).toBe('morning');
    const waiting = (await office(page)).officeQueue;
    expect(contact === '' || contact === waiting).toBe(true);
    await page.getByRole('button', { name: 'Answer' }).click();
    await expect.poll(async () => (await office(page)).officeQueue).toBe('');
    await expect
      .poll(async () => (await office(page)).officeFaces)
      .toMatch(new RegExp(`^${waiting}:[a-z-]+-[a-z]+$`));
  });

  it('changes the face on the monitor when the mood crosses a band', async () => {
    const { page } = session();
    await practise(page, 'locked-out-before-payroll');
    // Dana starts uneasy: worried.
    await expect.poll(async () => (await office(page)).officeFaces).toBe('c1:baker-worried');
    const reply = page.getByRole('textbox', { name: 'Reply' });
    for (let i = 0; i < 4; i += 1) {
      if (!/worried/.test((await office(page)).officeFaces ?? '')) break;
      await reply.fill('Calm down. That is not my problem, whatever.');
      await page.getByRole('button', { name: 'Send' }).click();
      await expect.poll(() => page.locator('.line.from-trainee').count()).toBe(i + 1);
      await page.waitForTimeout(600);
    }
    await expect.poll(async () => (await office(page)).officeFaces).toMatch(/^c1:baker-(annoyed|angry)$/);
    // The DOM's portrait says the same as the office's face.
    const expression = await page.locator('.conversation .portrait').getAttribute('data-expression');
    expect((await office(page)).officeFaces).toBe(`c1:baker-${expression}`);
  });

  it('moves (colleagues, the ringing bubble) unless motion is reduced, and then nothing moves', async () => {
    const { page } = session();
    await practise(page, 'app-closes-on-use-photo');
    await expect.poll(async () => Number((await office(page)).officeAnimations)).toBeGreaterThan(0);
    await practise(page, 'app-closes-on-use-photo', true);
    await expect.poll(async () => (await office(page)).officeQueue).toMatch(/^c\d+$/);
    await page.getByRole('button', { name: 'Answer' }).click();
    await expect.poll(async () => (await office(page)).officeFaces).not.toBe('');
    expect((await office(page)).officeAnimations).toBe('0');
    // The browser's own preference does the same.
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await practise(page, 'app-closes-on-use-photo');
    expect((await office(page)).officeAnimations).toBe('0');
    await page.emulateMedia({ reducedMotion: 'no-preference' });
  });
});
