import { describe, expect, inject, it } from 'vitest';
import { openBrowser } from './chromium';
import {
  browserPerFile,
  forgetEverything,
  freshMenu,
  noSeriousViolations,
  SCREEN_SIZES,
  SHOTS,
} from './session';

const session = browserPerFile();

const menu = freshMenu;
const SIZES = SCREEN_SIZES;

describe('the menu', () => {
  it('shows the settings without scrolling at 1366×768', async () => {
    const { page } = session();
    await page.setViewportSize(SIZES[0]);
    await menu(page);
    const fit = await page.evaluate(() => ({
      page: document.documentElement.scrollHeight,
      settings:
        document.querySelector('[aria-labelledby="menu-settings"]')?.getBoundingClientRect().bottom ??
        Infinity,
      start:
        document.querySelector('[aria-labelledby="menu-practice"] .primary')?.getBoundingClientRect()
          .bottom ?? Infinity,
      height: innerHeight,
    }));
    expect(fit.page).toBeLessThanOrEqual(fit.height);
    expect(fit.settings).toBeLessThanOrEqual(fit.height);
    expect(fit.start).toBeLessThanOrEqual(fit.height);
    expect(session().errors).toEqual([]);
  });

  it.each(['en', 'es'] as const)('opens "How it works" from the menu and the desk (%s)', async (language) => {
    const { page } = session();
    const open = language === 'en' ? 'How it works' : 'Cómo funciona';
    for (const size of SIZES) {
      await page.setViewportSize(size);
      await menu(page, language);
      await page.screenshot({ path: `${SHOTS}/menu-${language}-${size.width}.png` });
      await page.getByRole('button', { name: open }).click();
      const guide = page.getByRole('dialog', { name: open });
      await expect.poll(() => guide.isVisible()).toBe(true);
      await page.screenshot({ path: `${SHOTS}/howto-${language}-${size.width}.png` });
      await page.keyboard.press('Escape');
      await expect.poll(() => guide.count()).toBe(0);
      // Focus goes back to the button that opened it.
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(open);
    }
    await noSeriousViolations(page);
    await page.getByRole('button', { name: open }).click();
    await expect
      .poll(() => page.getByRole('dialog', { name: open }).getByRole('heading', { level: 3 }).count())
      .toBe(6);
    await noSeriousViolations(page);
    await page.keyboard.press('Escape');

    // From the desk, the guide stops the clock while it is open.
    await page
      .locator('button.primary')
      .filter({ hasText: language === 'en' ? 'Start practice' : 'Empezar práctica' })
      .click();
    await page.waitForFunction(() => document.body.dataset.scene === 'desk', null, { timeout: 30_000 });
    await page.getByRole('button', { name: open }).click();
    await expect.poll(() => page.getByRole('dialog', { name: open }).isVisible()).toBe(true);
    const pause = page.locator('.desk-top button[aria-pressed]');
    expect(await pause.getAttribute('aria-pressed')).toBe('true');
    await page.keyboard.press('Escape');
    await expect.poll(() => pause.getAttribute('aria-pressed')).toBe('false');
    expect(session().errors).toEqual([]);
  });
});

describe('choosing a case', () => {
  it('names no tier before a case is played, and the level it needed once it has', async () => {
    const { page } = session();
    await page.setViewportSize(SIZES[0]);
    await menu(page);
    const practice = page.locator('[aria-labelledby="menu-practice"]');
    expect(await practice.textContent()).not.toMatch(/level|crisis|routine|handoff|front line|senior/i);
    expect(await practice.getByRole('group').count()).toBeGreaterThan(1);
    await page.getByRole('button', { name: 'Start practice' }).click();
    await page.waitForFunction(() => document.body.dataset.scene === 'desk', null, { timeout: 30_000 });
    await page.getByRole('button', { name: 'End attempt' }).click();
    await page.waitForFunction(() => document.body.dataset.scene === 'debrief', null, { timeout: 30_000 });
    await page.getByRole('button', { name: /menu/i }).first().click();
    await page.waitForFunction(() => document.body.dataset.scene === 'menu', null, { timeout: 30_000 });
    const played = page.locator('.scenario-option', { has: page.locator('input:checked') });
    expect(await played.textContent()).toMatch(/the case needed Level 1: front line/);
    expect(session().errors).toEqual([]);
  });

  it('shuffles authored replies per attempt from its seed, and a resumed attempt keeps the order', async () => {
    const orders: string[][] = [];
    for (const seed of [0.1, 0.6]) {
      // A browser of its own for each seed: the seed is fixed in the page before the game runs.
      const own = await openBrowser();
      try {
        const { page } = own;
        // The attempt's seed comes from Math.random: fix it, as a replay would.
        await page.addInitScript((r) => {
          Math.random = () => r;
        }, seed);
        await menu(page);
        await page.getByLabel('How you reply').selectOption('choices');
        await page.getByRole('button', { name: 'Start practice' }).click();
        await page.waitForFunction(() => document.body.dataset.scene === 'desk', null, { timeout: 30_000 });
        const choices = page.getByRole('group', { name: 'Replies you can send' }).getByRole('button');
        await expect.poll(() => choices.count()).toBeGreaterThan(1);
        const shown = await choices.allTextContents();
        orders.push(shown);
        // A refresh resumes the same attempt: the replies still offered keep their order.
        await page.getByRole('button', { name: 'Look up the record' }).click();
        await page.reload();
        await page.waitForFunction(() => document.body.dataset.scene === 'menu', null, { timeout: 30_000 });
        await page.getByRole('button', { name: 'Resume' }).click();
        await page.waitForFunction(() => document.body.dataset.scene === 'desk', null, { timeout: 30_000 });
        const again = await choices.allTextContents();
        expect(again.filter((c) => shown.includes(c))).toEqual(shown.filter((c) => again.includes(c)));
        expect(own.errors).toEqual([]);
      } finally {
        await own.close();
      }
    }
    expect(orders[0]).not.toEqual(orders[1]);
    expect([...(orders[0] ?? [])].sort()).toEqual([...(orders[1] ?? [])].sort());
  });
});

describe('loading', () => {
  it('tries a scenario library cut off part way again, from the start', async () => {
    const { page } = session();
    await menu(page);
    // Every download is cut off half way until the trainee is asked to try again; then it is whole.
    let whole = false;
    await page.route('**/scenario-pack.json', async (route) => {
      if (whole) return route.continue();
      const body = await (await route.fetch()).text();
      await route.fulfill({
        status: 200,
        contentType: 'application/json',
        body: body.slice(0, body.length / 2),
      });
    });
    await page.goto(`${inject('baseUrl')}?renderer=canvas`);
    // The menu does not need the library; starting does.
    await page.waitForFunction(() => document.body.dataset.scene === 'menu', null, { timeout: 30_000 });
    await page.getByRole('button', { name: 'Start practice' }).click();
    const retry = page.getByRole('button', { name: 'Try again' });
    await expect.poll(() => retry.count(), { timeout: 30_000 }).toBe(1);
    expect(await page.getByRole('alert').textContent()).toMatch(/./);
    await page.screenshot({ path: `${SHOTS}/loading-failed.png` });
    whole = true;
    await retry.click();
    await page.waitForFunction(() => document.body.dataset.scene === 'desk', null, { timeout: 30_000 });
    await page.unroute('**/scenario-pack.json');
  });

  it('offers Try again when the desk’s code fails to arrive, and then starts', async () => {
    const { page } = session();
    await page.goto(`${inject('baseUrl')}?renderer=canvas`);
    await forgetEverything(page);
    let failures = 0;
    // The menu fetches the desk in the background and again on Start: both fail once each.
    await page.route(/deskScenes-[^/]*\.js$/, async (route) => {
      if (failures < 2) {
        failures += 1;
        return route.abort('connectionreset');
      }
      return route.continue();
    });
    await page.goto(`${inject('baseUrl')}?renderer=canvas`);
    await page.waitForFunction(() => document.body.dataset.scene === 'menu', null, { timeout: 30_000 });
    await page.getByRole('button', { name: 'Start practice' }).click();
    const retry = page.getByRole('button', { name: 'Try again' });
    await expect.poll(() => retry.count(), { timeout: 30_000 }).toBe(1);
    expect(await page.getByRole('alert').textContent()).toMatch(/desk could not be loaded/);
    await page.screenshot({ path: `${SHOTS}/menu-desk-failed.png` });
    await retry.click();
    await page.waitForFunction(() => document.body.dataset.scene === 'desk', null, { timeout: 30_000 });
    await page.unroute(/deskScenes-[^/]*\.js$/);
  });

  it('shows the menu before Phaser arrives, and a start asked for meanwhile begins once it has', async () => {
    const { page } = session();
    await page.goto(`${inject('baseUrl')}?renderer=canvas`);
    await forgetEverything(page);
    // Phaser is held back until the trainee has pressed Start on the menu it did not draw.
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    await page.route(/phaser-[^/]*\.js$/, async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(`${inject('baseUrl')}?renderer=canvas`);
    await page.waitForFunction(() => document.body.dataset.scene === 'menu', null, { timeout: 30_000 });
    expect(await page.locator('#stage canvas').count()).toBe(0);
    await noSeriousViolations(page);
    // The settings answer at once.
    await page.getByLabel('Your name').fill('Rubén Castaño');
    await page.getByLabel('Your name').press('Tab');
    await page.getByRole('button', { name: 'Start practice' }).click();
    await expect.poll(() => page.locator('#announcer').textContent()).toBe('Getting the desk ready…');
    expect(await page.evaluate(() => document.body.dataset.scene)).toBe('menu');
    release();
    await page.waitForFunction(() => document.body.dataset.scene === 'desk', null, { timeout: 30_000 });
    expect(await page.locator('#stage canvas').count()).toBe(1);
    await page.unroute(/phaser-[^/]*\.js$/);
  });
});
