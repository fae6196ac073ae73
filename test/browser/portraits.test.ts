/**
 * The portraits in the game: the sheet loads only once the desk opens (never before the menu is
 * interactive), the desk shows the persona's drawn face instead of initials, and the face changes
 * expression when the mood crosses a band. Also photographs every portrait in every expression at
 * 64 px on one page, to be looked at: test-results/screenshots/portraits-sheet.png.
 */
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { DRAWN_KEYS } from '../../src/cli/drawPortraits';
import { EXPRESSIONS } from '../../src/game/portraits';
import { browserPerFile, forgetEverything, noSeriousViolations, SHOTS, waitForScene } from './session';

const session = browserPerFile();

interface Fades {
  portraitFades: number;
}

/**
 * Sends dismissive replies until the customer's face leaves the worried band (annoyed or angry),
 * counting the fades started on portraits meanwhile in `window.portraitFades`.
 */
async function sourUntilNewBand(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as Fades;
    w.portraitFades = 0;
    const animate = Element.prototype.animate;
    Element.prototype.animate = function (this: Element, ...args: Parameters<Element['animate']>) {
      if (this.classList.contains('portrait')) w.portraitFades += 1;
      return animate.apply(this, args);
    };
  });
  const portrait = page.locator('.conversation .portrait');
  const reply = page.getByRole('textbox', { name: 'Reply' });
  const seen = new Set<string>();
  for (let i = 0; i < 4; i += 1) {
    await reply.fill('Calm down. That is not my problem, whatever.');
    await page.getByRole('button', { name: 'Send' }).click();
    await expect.poll(() => page.locator('.line.from-trainee').count()).toBe(i + 1);
    seen.add((await portrait.getAttribute('data-expression')) ?? '');
    if (seen.has('annoyed') || seen.has('angry')) break;
  }
  expect([...seen].some((e) => e === 'annoyed' || e === 'angry')).toBe(true);
}

describe('portraits', () => {
  it('load after the menu and follow the customer’s mood in the desk', async () => {
    const { page } = session();
    const base = inject('baseUrl');
    await page.goto(`${base}?renderer=canvas`);
    await forgetEverything(page);
    const sheets: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('portraits.svg')) sheets.push(request.url());
    });
    await page.goto(`${base}?renderer=canvas`);
    await waitForScene(page, 'menu');
    expect(sheets).toEqual([]);

    await page.getByRole('button', { name: 'Start practice' }).click();
    await waitForScene(page, 'desk');
    const portrait = page.locator('.conversation .portrait');
    await expect.poll(() => portrait.getAttribute('data-portrait')).toBe('baker');
    // Dana starts uneasy (mood -0.1): worried.
    expect(await portrait.getAttribute('data-expression')).toBe('worried');
    expect(await portrait.getAttribute('aria-hidden')).toBe('true');
    expect((await portrait.textContent())?.trim()).toBe('');
    expect(await portrait.evaluate((el) => getComputedStyle(el).backgroundImage)).toContain('portraits.svg');
    // The office fetched the sheet, once the desk was open.
    await expect.poll(() => sheets.length).toBeGreaterThan(0);
    const sheet = await page.request.get(`${base}portraits.svg`);
    expect(sheet.ok()).toBe(true);
    expect(sheet.headers()['content-type']).toContain('image/svg+xml');

    await sourUntilNewBand(page);
    expect(await portrait.getAttribute('data-mood')).toMatch(/upset|angry/);
    // The new face faded in.
    expect(await page.evaluate(() => (window as unknown as Fades).portraitFades)).toBeGreaterThan(0);
    await page.screenshot({ path: `${SHOTS}/portraits-desk.png` });
    await noSeriousViolations(page);
    // The office behind the panels, to look at: Dana's face by the window.
    await page.evaluate(() => document.getElementById('ui')?.style.setProperty('visibility', 'hidden'));
    await page.waitForTimeout(700);
    await page.screenshot({ path: `${SHOTS}/portraits-office.png` });
    await page.evaluate(() => document.getElementById('ui')?.style.removeProperty('visibility'));
  });

  it('changes face at once under reduced motion', async () => {
    const { page } = session();
    const base = inject('baseUrl');
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.goto(`${base}?renderer=canvas`);
    await forgetEverything(page);
    await page.goto(`${base}?renderer=canvas`);
    await waitForScene(page, 'menu');
    await page.getByRole('button', { name: 'Start practice' }).click();
    await waitForScene(page, 'desk');
    await expect
      .poll(() => page.locator('.conversation .portrait').getAttribute('data-expression'))
      .toBe('worried');
    await sourUntilNewBand(page);
    expect(await page.evaluate(() => (window as unknown as Fades).portraitFades)).toBe(0);
    await page.emulateMedia({ reducedMotion: null });
  });

  it('photographs every portrait in every expression at 64 px', async () => {
    const { page } = session();
    const base = inject('baseUrl');
    const keys = [...DRAWN_KEYS].sort();
    const columns = EXPRESSIONS.length;
    const cells = keys
      .map(
        (key, row) =>
          `<tr><th scope="row">${key}</th>${EXPRESSIONS.map(
            (expression, column) =>
              `<td><div role="img" aria-label="${key} ${expression}" data-frame="${key}-${expression}" style="width:64px;height:64px;background:url('${base}portraits.svg') ${(column / (columns - 1)) * 100}% ${(row / (keys.length - 1)) * 100}% / ${columns * 100}% ${keys.length * 100}% no-repeat"></div></td>`,
          ).join('')}</tr>`,
      )
      .join('');
    await page.setViewportSize({ width: 720, height: 1400 });
    await page.setContent(
      `<!doctype html><html lang="en"><head><title>Portraits</title><style>body{font:12px sans-serif;margin:16px;background:#faf7f2}th{text-align:right;padding-right:8px;font-weight:600}td{padding:3px}</style></head><body><main><table><thead><tr><th></th>${EXPRESSIONS.map((e) => `<th scope="col">${e}</th>`).join('')}</tr></thead><tbody>${cells}</tbody></table></main></body></html>`,
    );
    // Every cell shows part of a loaded sheet: the image decodes, and at its full size.
    const size = await page.evaluate(async (url) => {
      const image = new Image();
      image.src = url;
      await image.decode();
      return [image.naturalWidth, image.naturalHeight];
    }, `${base}portraits.svg`);
    expect(size).toEqual([columns * 64, keys.length * 64]);
    expect(await page.locator('[data-frame]').count()).toBe(keys.length * columns);
    await page.screenshot({ path: `${SHOTS}/portraits-sheet.png`, fullPage: true });
  });
});
