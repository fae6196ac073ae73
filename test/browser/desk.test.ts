/**
 * The desk as a window a person works in, in Chromium: it fits 1366×768 with no page scroll and never
 * grows wider than the window, uses the room at 1920×1080, becomes one column at 800 px; focus starts
 * in the reply box and Enter sends; an ended contact cannot be written to; an escalated tier's answer
 * shows in the conversation and the case record; each channel has its own view (photographed at each
 * size to test-results/screenshots/); axe finds nothing serious in English or Spanish.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserPerFile, freshMenu, noSeriousViolations, SCREEN_SIZES, SHOTS, waitForScene } from './session';

const session = browserPerFile();

/** From a fresh menu (scrolled to its foot, as a person picking a scenario leaves it), start a practice. */
async function practise(page: Page, scenario: string | null = null, language: 'en' | 'es' = 'en') {
  await freshMenu(page, language);
  if (scenario) await page.locator(`input[name="scenario"][value="${scenario}"]`).check();
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await page.getByRole('button', { name: language === 'es' ? 'Empezar práctica' : 'Start practice' }).click();
  await waitForScene(page, 'desk');
}

/** The page's scroll size against the window's. */
const extent = (page: Page) =>
  page.evaluate(() => ({
    height: document.documentElement.scrollHeight,
    width: document.documentElement.scrollWidth,
    innerHeight,
    innerWidth,
    scrollY,
  }));

const SIZES = SCREEN_SIZES;

describe('the desk', () => {
  it('fits 1366×768 with no page scroll, starts in the reply box, and no reply makes it wider', async () => {
    const { page } = session();
    await page.setViewportSize({ width: 1366, height: 768 });
    await practise(page);
    const start = await extent(page);
    expect(start.scrollY).toBe(0);
    expect(start.height).toBeLessThanOrEqual(start.innerHeight);
    // Focus is in the reply box; Enter sends, Shift+Enter makes a new line.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Reply');
    await page.keyboard.type('Hello Dana, I am so sorry.');
    await page.keyboard.press('Shift+Enter');
    await page.keyboard.type('Let me look at your account now.');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.line.from-trainee').count()).toBe(1);
    expect(await page.locator('.line.from-trainee .words').textContent()).toBe(
      'Hello Dana, I am so sorry.\nLet me look at your account now.',
    );
    expect(await page.getByText('Enter sends · Shift+Enter for a new line').count()).toBe(1);

    // 3,000 characters with no space: the box stops at 2,000 and says so; nothing grows wider.
    const reply = page.getByRole('textbox', { name: 'Reply' });
    await reply.fill('x'.repeat(3000));
    expect((await reply.inputValue()).length).toBe(2000);
    await expect.poll(() => page.locator('#reply-count').textContent()).toMatch(/2,000 of 2,000 characters/);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.line.from-trainee').count()).toBe(2);
    const after = await extent(page);
    expect(after.width).toBeLessThanOrEqual(after.innerWidth);
    expect(after.height).toBeLessThanOrEqual(after.innerHeight);
    await page.screenshot({ path: `${SHOTS}/desk-1366-long-reply.png` });
    await noSeriousViolations(page);
    expect(session().errors).toEqual([]);
  });

  it('uses the room at 1920×1080 and becomes one column, conversation first, at 800 px', async () => {
    const { page } = session();
    await page.setViewportSize({ width: 1920, height: 1080 });
    await practise(page);
    const wide = await page.evaluate(() => {
      const box = (s: string) => document.querySelector(s)?.getBoundingClientRect();
      return { grid: box('.desk-grid'), conversation: box('.conversation'), height: innerHeight };
    });
    expect(wide.grid?.width).toBeGreaterThan(1800);
    expect(wide.conversation?.height).toBeGreaterThan(0.75 * wide.height);
    await page.setViewportSize({ width: 800, height: 900 });
    const narrow = await page.evaluate(() => {
      const box = (s: string) => document.querySelector(s)?.getBoundingClientRect();
      return {
        queue: box('.queue'),
        conversation: box('.conversation'),
        side: box('.side'),
        width: document.documentElement.scrollWidth,
      };
    });
    expect(narrow.width).toBeLessThanOrEqual(800);
    expect(narrow.conversation?.top).toBeLessThan(narrow.queue?.top ?? 0);
    expect(narrow.queue?.left).toBe(narrow.conversation?.left);
    expect(narrow.side?.left).toBe(narrow.conversation?.left);
    expect(session().errors).toEqual([]);
  });

  it('locks an ended contact, and shows the tier’s answer as a colleague’s note and on the record', async () => {
    const { page } = session();
    await page.setViewportSize({ width: 1366, height: 768 });
    await practise(page, 'app-closes-on-use-photo');
    await page.getByRole('button', { name: 'Answer' }).click();
    await page
      .getByLabel('Handoff note')
      .fill('Crash at Use photo on the upload screen; reinstall did not help.');
    await page.getByRole('button', { name: 'Escalate' }).click();
    await page.getByRole('button', { name: 'End contact' }).click();
    const reply = page.getByRole('textbox', { name: 'Reply' });
    await expect.poll(() => reply.isDisabled()).toBe(true);
    expect(await page.getByText(/conversation has ended: nothing you write here reaches them/).count()).toBe(
      1,
    );
    // Nobody waits now: skip to the tier's answer.
    await page.getByRole('button', { name: 'Skip to next event' }).click();
    const note = page.locator('.line.from-colleague');
    await expect.poll(() => note.count()).toBe(1);
    expect(await note.textContent()).toMatch(/Level 2[\s\S]*known issue KB-2291/);
    expect(
      await page
        .getByRole('region', { name: 'Case record' })
        .getByText(/known issue KB-2291/)
        .count(),
    ).toBe(1);
    await page.screenshot({ path: `${SHOTS}/desk-tier-answer.png` });
    expect(session().errors).toEqual([]);
  });

  it('rings a call until it is answered, then holds it with one toggle', async () => {
    const { page } = session();
    await page.setViewportSize({ width: 1366, height: 768 });
    await practise(page, 'app-closes-on-use-photo');
    await expect.poll(() => page.locator('.queue-item.status-ringing').count()).toBe(1);
    const reply = page.getByRole('textbox', { name: 'Reply' });
    expect(await reply.isDisabled()).toBe(true);
    expect(await page.getByText(/The phone is ringing/).count()).toBe(1);
    await page.screenshot({ path: `${SHOTS}/desk-phone-ringing.png` });
    await page.getByRole('button', { name: 'Answer' }).click();
    await expect.poll(() => page.locator('.queue-item.status-open').count()).toBe(1);
    // Answering puts the trainee straight into the reply box, with the caller's words as captions.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Reply');
    await expect.poll(() => page.locator('.call-captions .line.from-customer').count()).toBeGreaterThan(0);
    const hold = page.getByRole('button', { name: 'Hold', exact: true });
    expect(await hold.getAttribute('aria-pressed')).toBe('false');
    await hold.click();
    await expect.poll(() => hold.getAttribute('aria-pressed')).toBe('true');
    expect(await reply.isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: 'Take off hold' }).count()).toBe(0);
    await hold.click();
    await expect.poll(() => hold.getAttribute('aria-pressed')).toBe('false');
    expect(await reply.isDisabled()).toBe(false);
    await noSeriousViolations(page);
    expect(session().errors).toEqual([]);
  });

  it('keeps a half-typed reply and handoff note through a refresh', async () => {
    const { page } = session();
    await page.setViewportSize({ width: 1366, height: 768 });
    await practise(page);
    await page.keyboard.type('Hello Dana, let me look.');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.line.from-trainee').count()).toBe(1);
    await page.keyboard.type('Dana, I can see the lock on your acc');
    await page.getByLabel('Handoff note').fill('Locked out before payroll at noon');
    await page.reload();
    await page.waitForFunction(() => document.body.dataset.scene === 'menu', null, { timeout: 30_000 });
    await page.getByRole('button', { name: 'Resume' }).click();
    await page.waitForFunction(() => document.body.dataset.scene === 'desk', null, { timeout: 30_000 });
    expect(await page.getByRole('textbox', { name: 'Reply' }).inputValue()).toBe(
      'Dana, I can see the lock on your acc',
    );
    expect(await page.getByLabel('Handoff note').inputValue()).toBe('Locked out before payroll at noon');
    expect(session().errors).toEqual([]);
  });

  it('lists its keyboard shortcuts, which can be turned off', async () => {
    const { page } = session();
    await page.setViewportSize({ width: 1366, height: 768 });
    await practise(page);
    await page.keyboard.press('Alt+Shift+KeyK');
    const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    await page.screenshot({ path: `${SHOTS}/desk-shortcuts.png` });
    await noSeriousViolations(page);
    await dialog.getByRole('checkbox', { name: 'Use keyboard shortcuts' }).uncheck();
    await dialog.getByRole('button', { name: 'Close' }).click();
    await page.getByRole('button', { name: 'Look up the record' }).focus();
    await page.keyboard.press('Alt+Shift+KeyR');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).not.toBe('Reply');
    expect(
      await page.evaluate(
        () => JSON.parse(localStorage.getItem('escalation-desk:settings') ?? '{}').shortcuts,
      ),
    ).toBe(false);
    expect(session().errors).toEqual([]);
  });

  it.each([
    ['chat', 'locked-out-before-payroll'],
    ['phone', 'app-closes-on-use-photo'],
    ['email', 'invoices-for-the-accountant'],
    ['social', 'free-delivery-forty-or-fifty'],
  ] as const)('draws the %s view at every size, in English and Spanish', async (channel, scenario) => {
    const { page } = session();
    for (const language of ['en', 'es'] as const) {
      await page.setViewportSize(SIZES[0]);
      await practise(page, scenario, language);
      if (channel === 'phone')
        await page.getByRole('button', { name: language === 'en' ? 'Answer' : 'Contestar' }).click();
      await expect.poll(() => page.locator('.channel-view .line, .public-post').count()).toBeGreaterThan(0);
      for (const size of SIZES) {
        await page.setViewportSize(size);
        const { width, innerWidth, height, innerHeight } = await extent(page);
        expect(width).toBeLessThanOrEqual(innerWidth);
        if (size.width > 900) expect(height).toBeLessThanOrEqual(innerHeight);
        await page.screenshot({ path: `${SHOTS}/desk-${channel}-${language}-${size.width}.png` });
      }
      await noSeriousViolations(page);
    }
    expect(session().errors).toEqual([]);
  });
});
