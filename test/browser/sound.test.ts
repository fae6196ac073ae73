/**
 * The sound in Chromium, through the test hook `window.__soundLog` (set only when the page is opened
 * with `?soundLog`): during short scripted desk runs every cue fires with its own caption naming the
 * customer, shown in the page's one caption region; the ambience is captioned once; the sprite is
 * fetched only after the menu is interactive; and muted, nothing plays but every caption still shows.
 */
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { browserPerFile, forgetEverything, noSeriousViolations, SHOTS, waitForScene } from './session';

const session = browserPerFile();

interface Heard {
  cue: string;
  caption: string;
  audible: boolean;
}

/** Opens a fresh menu with the sound log on, optionally muted, and starts a practice of `scenario`. */
async function practise(page: Page, scenario: string, options: { muted?: boolean } = {}): Promise<void> {
  const url = `${inject('baseUrl')}?renderer=canvas&soundLog`;
  await page.goto(url);
  await forgetEverything(page);
  await page.goto(url);
  await waitForScene(page, 'menu');
  if (options.muted) await page.getByLabel('Mute sounds').check();
  await page.locator(`input[name="scenario"][value="${scenario}"]`).check();
  await page.getByRole('button', { name: 'Start practice' }).click();
  await waitForScene(page, 'desk');
}

const heard = (page: Page) =>
  page.evaluate(() => (window as unknown as { __soundLog?: Heard[] }).__soundLog ?? []);

/** Waits for a cue with exactly this caption, and checks the caption region shows those words. */
async function expectCue(page: Page, cue: string, caption: string, timeout = 15_000): Promise<Heard> {
  await expect
    .poll(async () => (await heard(page)).map((h) => `${h.cue}|${h.caption}`), { timeout })
    .toContain(`${cue}|${caption}`);
  return (await heard(page)).find((h) => h.cue === cue && h.caption === caption) as Heard;
}

/** The caption region's lines now. */
const shownCaptions = (page: Page) =>
  page.evaluate(() => [...document.querySelectorAll('#captions .caption-line')].map((n) => n.textContent));

describe('sound cues', () => {
  it('ring, pick up, escalate and answer a call, then reveal the grade, each captioned with its customer', async () => {
    const { page } = session();
    await page.setViewportSize({ width: 1366, height: 768 });
    await practise(page, 'app-closes-on-use-photo');
    const name = (await page.locator('.queue-item').first().textContent())?.split('·')[0]?.trim() ?? '';
    expect(name.length).toBeGreaterThan(2);

    // The sprite is fetched after the menu is on screen, never before.
    const timing = await page.evaluate(() => ({
      menu: performance.getEntriesByName('scene-menu')[0]?.startTime ?? Number.NaN,
      sprite: performance
        .getEntriesByType('resource')
        .filter((e) => /sprite.*\.(webm|mp3)/.test(e.name))
        .map((e) => e.startTime),
    }));
    expect(timing.sprite.length).toBeGreaterThan(0);
    for (const at of timing.sprite) expect(at).toBeGreaterThan(timing.menu);

    await expectCue(page, 'ambience', 'Quiet office sounds');
    const ring = await expectCue(page, 'ring', `Phone ringing: ${name}`);
    expect(await shownCaptions(page)).toContain(`Phone ringing: ${name}`);
    // While it rings the case's actions wait, and their panel still scrolls from the keyboard.
    await noSeriousViolations(page);
    await page.getByRole('button', { name: 'Answer' }).click();
    await expectCue(page, 'pickup', `Call picked up: ${name}`);
    expect(await shownCaptions(page)).toContain(`Call picked up: ${name}`);
    await noSeriousViolations(page);
    await page
      .getByLabel('Handoff note')
      .fill('Crash at Use photo on the upload screen; reinstall did not help.');
    await page.getByRole('button', { name: 'Escalate' }).click();
    await expectCue(page, 'escalation', `Escalation sent: ${name}`);
    await page.getByRole('button', { name: 'End contact' }).click();
    await page.getByRole('button', { name: 'Skip to next event' }).click();
    await expectCue(page, 'tierAnswer', `Tier answered: ${name}`);
    await page.screenshot({ path: `${SHOTS}/sound-captions-desk.png` });

    await page.getByRole('button', { name: 'End attempt' }).click();
    await waitForScene(page, 'debrief');
    const grade = (await heard(page)).find((h) => h.cue === 'grade');
    expect(grade?.caption).toMatch(/^Grade revealed: (Unsatisfactory|Expected|Desired|Exceptional)$/);
    // Unmuted, the sprite had loaded by then and howler was asked to play.
    expect(ring.audible || (await heard(page)).some((h) => h.audible)).toBe(true);
    // The ambience was captioned once, however many cues came after it.
    expect((await heard(page)).filter((h) => h.cue === 'ambience')).toHaveLength(1);
    expect(session().errors).toEqual([]);
  });

  it('marks an email, a promise coming due and broken, and a mood falling', async () => {
    const { page } = session();
    await page.setViewportSize({ width: 1366, height: 768 });
    await practise(page, 'invoices-for-the-accountant');
    const name = 'Mercedes Albarrán';
    await expectCue(page, 'email', `Email arrived: ${name}`);
    await page.getByLabel('What you promise').selectOption('email');
    await page.getByLabel('Due in (game minutes)').fill('1');
    await page.getByRole('button', { name: 'Make a promise' }).click();
    await expectCue(page, 'promiseDue', `Promise coming due: ${name}`);
    // The minute passes with no email sent: the promise breaks, and the customer takes it badly.
    await expectCue(page, 'promiseBroken', `Promise broken: ${name}`, 40_000);
    await expectCue(page, 'moodDrop', `Mood dropping: ${name}`);
    expect(session().errors).toEqual([]);
  });

  it('pings a chat and a social mention; muted it plays nothing and still captions', async () => {
    const { page } = session();
    await page.setViewportSize({ width: 1366, height: 768 });
    await practise(page, 'locked-out-before-payroll', { muted: true });
    const chat = await expectCue(page, 'chat', 'Chat message: Dana Whitfield');
    expect(await shownCaptions(page)).toContain('Chat message: Dana Whitfield');
    await practise(page, 'note-on-the-delivery-bag', { muted: true });
    await expectCue(page, 'social', 'Social mention: Ingrid Solberg');
    expect(await shownCaptions(page)).toContain('Social mention: Ingrid Solberg');
    // Muted from the menu: not one cue was played, every one was captioned.
    expect(chat.audible).toBe(false);
    expect((await heard(page)).filter((h) => h.audible)).toEqual([]);
    expect(session().errors).toEqual([]);
  });
});
