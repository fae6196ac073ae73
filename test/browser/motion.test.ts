/**
 * Motion on the desk, read from the page's animation state (never pixels or timing): a contact that
 * arrives slides into the queue once, and the desk's redraws never slide an item again; a promise
 * coming due pulses until it breaks, and then shows that it broke; with "Reduce motion" set, or the
 * browser asking for reduced motion, nothing animates, and the words and highlight stay.
 *
 * A script installed before the page loads watches the queue: for each item added to it, it records
 * the animations the item has at that moment (`getAnimations()` starts its CSS animation there), once
 * per element, so an item drawn again as a new element would show up twice.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openBrowser } from './chromium';
import { browserPerFile, freshMenu, noSeriousViolations, SHOTS, waitForScene } from './session';

const session = browserPerFile();

/** A queue item as the watcher saw it added, with the animations it had then. */
interface Added {
  readonly contact: string;
  readonly animations: readonly { readonly name: string; readonly state: string }[];
}

/** Source text (tsx would wrap a function with helpers the page does not have). */
const WATCH_QUEUE = `(() => {
  if (window.__queueAdded) return;
  const added = [];
  window.__queueAdded = added;
  // One mutation batch can name an item twice (its panel, and the panel's container, both added).
  const seen = new WeakSet();
  const note = (li) => !seen.has(li) && seen.add(li) && added.push({
    contact: li.dataset.contact,
    animations: li.getAnimations().map((a) => ({ name: a.animationName, state: a.playState })),
  });
  new MutationObserver((records) => {
    for (const record of records)
      for (const node of record.addedNodes) {
        if (!(node instanceof Element)) continue;
        if (node.matches('.queue-list > li')) note(node);
        else for (const li of node.querySelectorAll('.queue-list > li')) note(li);
      }
  }).observe(document, { childList: true, subtree: true });
})()`;

const addedItems = (page: Page) =>
  page.evaluate(() => (window as unknown as { __queueAdded: Added[] }).__queueAdded);

/** The names of the animations running on the first element `selector` matches now. */
const animationsOf = (page: Page, selector: string) =>
  page.evaluate(
    (s) =>
      document
        .querySelector(s)
        ?.getAnimations()
        .filter((a) => a.playState === 'running')
        .map((a) => (a as CSSAnimation).animationName) ?? null,
    selector,
  );

/** Moves the page's installed clock on a few seconds at a time until `done`, for at most `limit` ms. */
async function passUntil(page: Page, done: () => Promise<boolean>, limit: number): Promise<void> {
  for (let spent = 0; spent < limit && !(await done()); spent += 5000) await page.clock.runFor(5000);
  expect(await done()).toBe(true);
}

/** From a fresh menu (with the queue watched), optionally set "Reduce motion", and start `start`. */
async function startDesk(
  page: Page,
  start: 'Start practice' | 'Start shift',
  reduceMotion: boolean | null = null,
): Promise<void> {
  await freshMenu(page);
  if (reduceMotion !== null) await page.getByLabel('Reduce motion').setChecked(reduceMotion);
  await page.getByRole('button', { name: start }).click();
  await waitForScene(page, 'desk');
}

/** Promises Dana an email within one game minute: inside the warning, so coming due at once. */
async function promiseEmailInAMinute(page: Page): Promise<void> {
  await page.getByLabel('What you promise').selectOption('email');
  await page.getByLabel('Due in (game minutes)').fill('1');
  await page.getByRole('button', { name: 'Make a promise' }).click();
  await expect.poll(() => page.locator('.promise.open').count()).toBe(1);
}

describe('motion on the desk', () => {
  it('slides a newly arrived contact into the queue once; redraws never slide it again', async () => {
    // A browser of its own, whose clock the test moves: the second customer arrives a game minute
    // in, and the clock runs in real time while the first one's chat is open.
    const own = await openBrowser();
    try {
      const { page } = own;
      await own.context.clock.install();
      await page.addInitScript(WATCH_QUEUE);
      await startDesk(page, 'Start shift');
      await expect.poll(() => page.locator('.queue-list > li').count()).toBe(1);
      const first = await page.locator('.queue-list > li').first().getAttribute('data-contact');
      // The first customer arrived as the shift began, with the desk open: it slid in.
      expect(await addedItems(page)).toEqual([
        { contact: first, animations: [{ name: 'queue-arrive', state: 'running' }] },
      ]);
      await page.evaluate(() => {
        (document.querySelector('.queue-list > li') as HTMLElement & { mark?: boolean }).mark = true;
      });

      // A game minute of real time: the desk redraws every 500 ms, and the next customer arrives.
      await passUntil(page, async () => (await page.locator('.queue-list > li').count()) === 2, 90_000);
      const added = await addedItems(page);
      expect(added).toHaveLength(2);
      expect(added[1]?.contact).not.toBe(first);
      expect(added[1]?.animations).toEqual([{ name: 'queue-arrive', state: 'running' }]);
      // The first item is the element it was (never added again), and nothing runs on it.
      expect(
        await page.evaluate(
          () => (document.querySelector('.queue-list > li') as HTMLElement & { mark?: boolean }).mark,
        ),
      ).toBe(true);
      expect(added.filter((a) => a.contact === first)).toHaveLength(1);
      expect(await animationsOf(page, `.queue-list > li[data-contact="${first}"]`)).toEqual([]);
      expect(own.errors).toEqual([]);
    } finally {
      await own.close();
    }
  });

  it('pulses a promise coming due, and stops when it breaks, saying so', async () => {
    const own = await openBrowser();
    try {
      const { page } = own;
      await own.context.clock.install();
      await page.setViewportSize({ width: 1366, height: 768 });
      await startDesk(page, 'Start practice');
      await promiseEmailInAMinute(page);
      const promise = page.locator('[data-role="tracker"] li.promise');
      expect(await promise.getAttribute('class')).toMatch(/\bcoming-due\b/);
      // The words say what the pulse does: the time left.
      expect(await promise.textContent()).toMatch(/^Email for Dana Whitfield, due .+ \(1 min\)/);
      expect(await animationsOf(page, '.promise.coming-due > .promise-text')).toEqual(['deadline-pulse']);
      await page
        .locator('[data-role="tracker"]')
        .screenshot({ path: `${SHOTS}/desk-promise-coming-due.png` });
      await noSeriousViolations(page);

      // The minute passes (the chat keeps the clock at real time) with no email sent.
      await passUntil(page, async () => (await page.locator('.promise.broken').count()) === 1, 120_000);
      expect(await promise.getAttribute('class')).toMatch(/\bbroken\b/);
      expect(await promise.getAttribute('class')).not.toMatch(/\bcoming-due\b/);
      expect(await promise.textContent()).toMatch(/: broken/);
      expect(await animationsOf(page, '.promise .promise-text')).toEqual([]);
      expect(own.errors).toEqual([]);
    } finally {
      await own.close();
    }
  });

  it.each([
    ['the "Reduce motion" setting', 'setting'],
    ["the browser's reduced-motion preference", 'browser'],
  ] as const)('animates nothing under %s, and keeps the words and the highlight', async (_, source) => {
    const { page } = session();
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.addInitScript(WATCH_QUEUE);
    try {
      if (source === 'browser') await page.emulateMedia({ reducedMotion: 'reduce' });
      // With the browser's preference, the setting (which a first visit takes from it) is turned off,
      // so the preference alone is what stops the motion.
      await startDesk(page, 'Start practice', source === 'setting');
      expect(await page.evaluate(() => document.documentElement.dataset.reducedMotion)).toBe(
        source === 'setting' ? 'true' : 'false',
      );
      // The first customer's item was added as the desk opened, marked as arrived, without motion.
      const added = await addedItems(page);
      expect(added).toHaveLength(1);
      expect(added[0]?.animations).toEqual([]);
      expect(await page.locator('.queue-list > li.arrived').count()).toBe(1);

      await promiseEmailInAMinute(page);
      expect(await page.locator('.promise.coming-due').count()).toBe(1);
      expect(await page.locator('.promise.coming-due').textContent()).toMatch(/\(1 min\)/);
      expect(await animationsOf(page, '.promise.coming-due > .promise-text')).toEqual([]);
      expect(
        await page.evaluate(() => document.getAnimations().map((a) => (a as CSSAnimation).animationName)),
      ).not.toContain('deadline-pulse');
      await noSeriousViolations(page);
      expect(session().errors).toEqual([]);
    } finally {
      await page.emulateMedia({ reducedMotion: null });
    }
  });
});
