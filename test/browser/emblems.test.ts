/**
 * The generated emblems on every screen, in Chromium: the channel glyph and the tier badges on the
 * desk, the earned grade's medal on the debrief (revealed with a short animation, at once under
 * reduced motion) and in its legend, the medal beside each grade in the menu's recent attempts and on
 * the manager's page. Each picture must have loaded (the pages' CSP lets it) and stay out of the
 * accessibility tree. Photographed to test-results/screenshots/emblems-*.png.
 */
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { createScorecard, traineeIdFromName } from '../../src/core/scoring/scorecard';
import { playThrough } from '../support/playedScorecard';
import { browserPerFile, freshMenu, noSeriousViolations, SHOTS, waitForScene } from './session';

const session = browserPerFile();

/** Whether every `selector` picture on the page has loaded and is hidden from assistive technology. */
async function picturesLoaded(page: Page, selector: string): Promise<number> {
  const pictures = await page.locator(selector).evaluateAll((nodes) =>
    nodes.map((n) => {
      const img = n as HTMLImageElement;
      return { loaded: img.complete && img.naturalWidth > 0, alt: img.alt, hidden: img.ariaHidden };
    }),
  );
  for (const p of pictures) expect(p).toEqual({ loaded: true, alt: '', hidden: 'true' });
  return pictures.length;
}

/** Plays the crisis badly (a Level 2 handoff), checking the desk's emblems on the way; ends on the debrief. */
async function playCrisisBadly(page: Page): Promise<void> {
  await freshMenu(page);
  await page.locator('input[name="scenario"][value="power-bank-burned-son"]').check();
  await page.getByRole('button', { name: 'Start practice' }).click();
  await waitForScene(page, 'desk');
  await page.getByRole('button', { name: 'Answer' }).click();
  // The phone's glyph in the queue and the conversation's header, the trainee's tier in "Your
  // authority", the chosen tier beside the escalation list.
  expect(await picturesLoaded(page, 'img.channel-icon[data-channel="phone"]')).toBeGreaterThanOrEqual(2);
  expect(await page.locator('.tier-name .tier-badge').getAttribute('src')).toBeTruthy();
  expect(await picturesLoaded(page, '.tier-badge')).toBe(2);
  const chosen = () => page.locator('.tier-choice .tier-badge').getAttribute('src');
  const before = await chosen();
  await page.locator('#escalate-tier').selectOption({ label: 'Level 4: crisis team' });
  await expect.poll(chosen).not.toBe(before);
  await page.locator('#escalate-tier').selectOption({ label: 'Level 2: senior support' });
  await expect.poll(chosen).toBe(before);
  await noSeriousViolations(page);
  await page.screenshot({ path: `${SHOTS}/emblems-desk.png` });
  await page
    .getByRole('group', { name: 'Escalate' })
    .screenshot({ path: `${SHOTS}/emblems-desk-escalate.png` });
  await page
    .getByRole('textbox', { name: 'Reply' })
    .fill("Please don't worry, I promise we'll cover everything.");
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await page.getByLabel('Handoff note').fill('Power bank burned her son.');
  await page.getByRole('button', { name: 'Escalate', exact: true }).click();
  await page.getByRole('button', { name: 'End attempt' }).click();
  await waitForScene(page, 'debrief');
}

/** The reveal animations running on the debrief's grade medal, by name. */
function revealOf(page: Page) {
  return page.locator('.card.grade .grade-emblem').evaluate((img) => ({
    grade: (img as HTMLElement).dataset.grade,
    animationName: getComputedStyle(img).animationName,
    animations: img.getAnimations().map((a) => ({
      name: (a as CSSAnimation).animationName,
      duration: Number(a.effect?.getComputedTiming().duration ?? 0),
    })),
  }));
}

describe('the emblems', () => {
  it('shows the channel and tiers on the desk, and reveals the earned grade on the debrief', async () => {
    const { page } = session();
    await page.setViewportSize({ width: 1366, height: 768 });
    await playCrisisBadly(page);
    expect(await page.locator('.grade-value').textContent()).toBe('Unsatisfactory');
    const reveal = await revealOf(page);
    expect(reveal.grade).toBe('Unsatisfactory');
    expect(reveal.animationName).toBe('grade-reveal');
    expect(reveal.animations).toHaveLength(1);
    expect(reveal.animations[0]?.name).toBe('grade-reveal');
    expect(reveal.animations[0]?.duration).toBeGreaterThan(0);
    expect(reveal.animations[0]?.duration).toBeLessThan(600);
    // The legend: the four medals, in the order of the grades.
    const legend = page.getByRole('region', { name: 'What the grades mean' });
    expect(
      await legend
        .locator('.grade-emblem')
        .evaluateAll((n) => n.map((x) => (x as HTMLElement).dataset.grade)),
    ).toEqual(['Unsatisfactory', 'Expected', 'Desired', 'Exceptional']);
    expect(await picturesLoaded(page, '.grade-emblem')).toBe(5);
    await noSeriousViolations(page);
    await page.screenshot({ path: `${SHOTS}/emblems-debrief.png` });
    await page
      .locator('section[aria-labelledby="debrief-legend"]')
      .screenshot({ path: `${SHOTS}/emblems-legend.png` });

    // Back at the menu, the attempt is listed with its medal.
    await page.getByRole('button', { name: 'Back to the menu' }).click();
    await waitForScene(page, 'menu');
    const history = page.locator('.history li .grade-emblem');
    await expect.poll(() => history.count(), { timeout: 30_000 }).toBe(1);
    expect(await history.getAttribute('data-grade')).toBe('Unsatisfactory');
    expect(await picturesLoaded(page, '.history .grade-emblem')).toBe(1);
    await noSeriousViolations(page);
    await page.locator('.history').screenshot({ path: `${SHOTS}/emblems-menu-history.png` });
    expect(session().errors).toEqual([]);
  });

  it('shows the medal at once under reduced motion', async () => {
    const { page } = session();
    await page.setViewportSize({ width: 1366, height: 768 });
    // A first visit takes the system's preference as the game's setting (data-reduced-motion).
    await page.emulateMedia({ reducedMotion: 'reduce' });
    try {
      await playCrisisBadly(page);
      expect(await page.evaluate(() => document.documentElement.dataset.reducedMotion)).toBe('true');
      expect(await revealOf(page)).toEqual({
        grade: 'Unsatisfactory',
        animationName: 'none',
        animations: [],
      });
      // The game's own setting alone is enough, whatever the system says.
      await page.emulateMedia({ reducedMotion: 'no-preference' });
      expect((await revealOf(page)).animationName).toBe('none');
    } finally {
      await page.emulateMedia({ reducedMotion: null });
    }
    expect(session().errors).toEqual([]);
  });

  it("puts the medal beside every grade on the manager's page", async () => {
    const { page } = session();
    await page.setViewportSize({ width: 1366, height: 900 });
    const files = [
      ['scenarios/level-4/power-bank-burned-son.handled-well.playthrough.yaml', 'Ana Ruiz'],
      ['scenarios/level-1/locked-out-before-payroll.handled-badly.playthrough.yaml', 'Bo Chen'],
      ['scenarios/level-1/locked-out-before-payroll.handled-well.playthrough.yaml', 'Dee Okafor'],
    ].map(([file, trainee], i) => {
      const { pack, transcript, run } = playThrough(file ?? '');
      const card = createScorecard(transcript, pack.scenarios, {
        trainee: { name: trainee ?? '', id: traineeIdFromName(trainee ?? '') },
        attemptId: `emblems-${i}`,
        language: run.language,
        finishedAt: `2026-12-0${i + 1}T09:00:00.000Z`,
      });
      return {
        name: `card-${i}.json`,
        mimeType: 'application/json',
        buffer: Buffer.from(JSON.stringify(card)),
      };
    });
    await page.goto(`${inject('baseUrl')}manager.html`);
    await page.waitForFunction(() => document.body.dataset.page === 'manager', null, { timeout: 30_000 });
    await page.getByLabel('Import scorecards').setInputFiles(files);
    const team = page.getByRole('table', { name: 'Team' });
    await expect.poll(() => team.locator('tbody tr').count(), { timeout: 30_000 }).toBeGreaterThanOrEqual(3);
    // Latest and best grade of each trainee, and each listed attempt.
    expect(await team.locator('.grade-emblem').count()).toBeGreaterThanOrEqual(6);
    expect(await page.locator('.attempt-list .grade-emblem').count()).toBeGreaterThanOrEqual(3);
    await picturesLoaded(page, '.grade-emblem');
    // The emblem names nothing: the cell still reads as the grade.
    for (const cell of await team.locator('td.grade-cell').allTextContents())
      expect(cell.trim()).toMatch(/^(Unsatisfactory|Expected|Desired|Exceptional)$/);
    await noSeriousViolations(page);
    await page.screenshot({ path: `${SHOTS}/emblems-manager.png`, fullPage: true });

    // One scenario's grades, each row with its medal.
    await page.getByRole('link', { name: 'Scenarios' }).click();
    await page
      .getByRole('table', { name: 'Scenarios' })
      .getByRole('link', { name: 'Locked out before payroll' })
      .click();
    const grades = page.getByRole('table', { name: /^Grades of the \d+ graded plays/ });
    await expect.poll(() => grades.locator('tbody .grade-emblem').count()).toBe(4);
    await picturesLoaded(page, '.grade-emblem');
    await noSeriousViolations(page);
    await grades.screenshot({ path: `${SHOTS}/emblems-manager-grades.png` });
    expect(session().errors).toEqual([]);
  });
});
