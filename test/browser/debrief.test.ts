/**
 * The debrief a new hire learns from, in Chromium: it opens with how each contact ended and every
 * critical error in plain words, says what good handling looked like in the scenario's own words,
 * shows the trainee's actions in place in the transcript, and explains the four grades. A mishandled
 * crisis shows its critical error and Unsatisfactory. A sound caption never covers what is being read.
 * Checked with axe in English and Spanish and photographed at 1366×768, 1920×1080 and 800 px wide to
 * test-results/screenshots/.
 */
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { loadStarterPack } from '../support/starterPack';
import { browserPerFile, forgetEverything, noSeriousViolations, SHOTS, DESK_WORDS as WORDS } from './session';

const session = browserPerFile();
const { scenarios } = loadStarterPack();

const SIZES = [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
  { width: 800, height: 900 },
] as const;

/** From a fresh menu, start a practice of `scenario` in `language`. */
async function practise(page: Page, scenario: string, language: 'en' | 'es') {
  await page.goto(`${inject('baseUrl')}?renderer=canvas`);
  await forgetEverything(page);
  await page.goto(`${inject('baseUrl')}?renderer=canvas`);
  await page.waitForFunction(() => document.body.dataset.scene === 'menu', null, { timeout: 30_000 });
  if (language === 'es') await page.getByLabel('Language').selectOption('es');
  await page.locator(`input[name="scenario"][value="${scenario}"]`).check();
  await page.getByRole('button', { name: WORDS[language].start }).click();
  await page.waitForFunction(() => document.body.dataset.scene === 'desk', null, { timeout: 30_000 });
}

async function reply(page: Page, language: 'en' | 'es', text: string) {
  const sent = await page.locator('.line.from-trainee').count();
  await page.getByRole('textbox', { name: WORDS[language].reply }).fill(text);
  await page.getByRole('button', { name: WORDS[language].send, exact: true }).click();
  await expect.poll(() => page.locator('.line.from-trainee').count()).toBe(sent + 1);
}

async function finish(page: Page, language: 'en' | 'es') {
  await page.getByRole('button', { name: WORDS[language].finish }).click();
  await page.waitForFunction(() => document.body.dataset.scene === 'debrief', null, { timeout: 30_000 });
}

/** Plays Hannah Moreau's crisis badly: a promise to cover everything, and a handoff to Level 2. */
async function mishandleCrisis(page: Page, language: 'en' | 'es') {
  const w = WORDS[language];
  await practise(page, 'power-bank-burned-son', language);
  await page.getByRole('button', { name: w.answer }).click();
  await reply(
    page,
    language,
    language === 'en'
      ? "Please don't worry, I promise you we'll cover everything: the hospital, the jacket, all of it."
      : 'No se preocupe, le prometo que lo cubriremos todo: el hospital, la chaqueta, todo.',
  );
  await page
    .getByLabel(w.note)
    .fill(language === 'en' ? 'Power bank burned her son.' : 'Batería quemó a su hijo.');
  await page.getByRole('button', { name: w.escalate, exact: true }).click();
  await finish(page, language);
}

/** Photographs the debrief at every size, full page, and checks it never grows wider than the window. */
async function photograph(page: Page, name: string) {
  for (const size of SIZES) {
    await page.setViewportSize(size);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(size.width);
    await page.screenshot({ path: `${SHOTS}/${name}-${size.width}.png` });
    await page.screenshot({ path: `${SHOTS}/${name}-${size.width}-full.png`, fullPage: true });
  }
  await page.setViewportSize(SIZES[0]);
}

describe('the debrief', () => {
  it('shows a mishandled crisis: its critical error at the top, Unsatisfactory, and what good looked like', async () => {
    const { page } = session();
    await page.setViewportSize(SIZES[0]);
    await mishandleCrisis(page, 'en');
    expect(await page.locator('.grade-value').textContent()).toBe('Unsatisfactory');

    const outcomes = page.getByRole('region', { name: 'What happened' });
    expect(await outcomes.locator('.outcome-text').allTextContents()).toEqual([
      expect.stringMatching(
        /^Hannah Moreau's case is with Level 2: senior support, who will answer by Mon 09:3\d AM\.$/,
      ),
    ]);
    expect(
      await outcomes.getByRole('list', { name: 'Critical errors' }).locator('li').allTextContents(),
    ).toContain('A crisis that needed level 4 was kept at level 2.');
    // The outcome comes before the tips, the tips before the transcript.
    const order = await page.evaluate(() =>
      ['#debrief-grade', '#debrief-outcomes', '#debrief-tips', '#debrief-transcript'].map(
        (id) => document.querySelector(id)?.getBoundingClientRect().top ?? -1,
      ),
    );
    expect(order[1]).toBeLessThan(order[3] ?? 0);
    expect(order[2]).toBeLessThan(order[3] ?? 0);
    // The first tip is the crisis one, naming the customer.
    expect(await page.locator('.tips li').first().textContent()).toMatch(
      /^Hannah Moreau: Injury, large losses or a threat to the company’s name go to the crisis team at once/,
    );

    const scenario = scenarios.find((s) => s.id === 'power-bank-burned-son');
    const good = page.getByRole('region', { name: 'What good looked like' });
    expect(await good.locator('.expected-why').textContent()).toBe(scenario?.expected.why.en);
    expect(await good.textContent()).toMatch(/This was a crisis, for Level 4: crisis team\./);
    expect(await good.textContent()).toMatch(/No offer settles it: it goes to Level 4: crisis team\./);

    // The actions sit in the transcript among the lines, the escalation with its note.
    const transcript = page.getByRole('region', { name: 'Transcript' });
    const lines = await transcript
      .locator('.line')
      .evaluateAll((nodes) =>
        nodes.map(
          (n) => `${n.className.replace(/^line /, '')}: ${n.querySelector('.words')?.textContent ?? ''}`,
        ),
      );
    const answered = lines.findIndex(
      (l) => l.startsWith('from-action') && l.includes('Answered Hannah Moreau'),
    );
    const promised = lines.findIndex((l) => l.startsWith('from-trainee') && l.includes('cover everything'));
    const escalated = lines.findIndex((l) => l.includes('Escalated to Level 2: senior support.'));
    expect(answered).toBeGreaterThan(0);
    expect(promised).toBeGreaterThan(answered);
    expect(escalated).toBeGreaterThan(promised);
    expect(await transcript.locator('.line.from-action blockquote').first().textContent()).toBe(
      'Power bank burned her son.',
    );
    expect(await transcript.locator('.line.from-action .line-notes').first().textContent()).toMatch(
      /The case needed level 4; you escalated only to level 2\./,
    );

    // The legend: four grades in words, this one marked.
    const legend = page.getByRole('region', { name: 'What the grades mean' });
    expect(await legend.locator('dt .legend-name').allTextContents()).toEqual([
      'Unsatisfactory',
      'Expected',
      'Desired',
      'Exceptional',
    ]);
    expect(await legend.locator('dt.current').textContent()).toMatch(/^Unsatisfactory 0–49your grade$/);
    await noSeriousViolations(page);
    await photograph(page, 'debrief-crisis-en');
    expect(session().errors).toEqual([]);
  });

  it('reads in Spanish, and axe finds nothing serious there', async () => {
    const { page } = session();
    await page.setViewportSize(SIZES[0]);
    await mishandleCrisis(page, 'es');
    expect(await page.locator('.grade-value').textContent()).toBe('Insatisfactorio');
    expect(
      await page.getByRole('region', { name: 'Qué pasó' }).locator('.outcome-text').textContent(),
    ).toMatch(/^El caso de Hannah Moreau está en manos del Nivel 2: soporte sénior/);
    const scenario = scenarios.find((s) => s.id === 'power-bank-burned-son');
    expect(
      await page
        .getByRole('region', { name: 'Cómo habría sido hacerlo bien' })
        .locator('.expected-why')
        .textContent(),
    ).toBe(scenario?.expected.why.es);
    expect(
      await page.getByRole('region', { name: 'Qué significan las calificaciones' }).locator('dt').count(),
    ).toBe(4);
    expect(await page.locator('.line.from-action').first().textContent()).toMatch(/Contestó la llamada/);
    await noSeriousViolations(page);
    await photograph(page, 'debrief-crisis-es');
    expect(session().errors).toEqual([]);
  });

  it('shows a look-up and an open promise in the transcript and the outcome', async () => {
    const { page } = session();
    await page.setViewportSize(SIZES[0]);
    await practise(page, 'locked-out-before-payroll', 'en');
    const w = WORDS.en;
    await reply(
      page,
      'en',
      "Good morning, Dana. I'm so sorry for the scare. Let me look at your account now.",
    );
    await page.getByRole('button', { name: w.lookup }).click();
    await page.getByLabel(w.promiseWhat).selectOption('email');
    await page.getByLabel(w.promiseIn).fill('45');
    await page.getByRole('button', { name: w.makePromise }).click();
    await expect.poll(() => page.locator('[data-role="tracker"] li').count()).toBe(1);
    await finish(page, 'en');

    expect(await page.locator('.outcome-text').textContent()).toMatch(
      /^Dana Whitfield's case was still open when you ended; you owe them an email by Mon /,
    );
    const transcript = page.getByRole('region', { name: 'Transcript' });
    expect(await transcript.locator('.line.from-action .words').allTextContents()).toEqual([
      expect.stringMatching(/^Looked up the record\. Learnt: Why it locked\.$/),
      expect.stringMatching(/^Promised an email by Mon .+\. still open at the end$/),
    ]);
    const scenario = scenarios.find((s) => s.id === 'locked-out-before-payroll');
    expect(
      await page
        .getByRole('region', { name: 'What good looked like' })
        .locator('.expected-why')
        .textContent(),
    ).toBe(scenario?.expected.why.en);
    await noSeriousViolations(page);
    await photograph(page, 'debrief-practice-en');
    expect(session().errors).toEqual([]);
  });

  it('never lets a sound caption cover what the trainee reads, at any size or scroll', async () => {
    const { page } = session();
    await page.setViewportSize(SIZES[0]);
    await mishandleCrisis(page, 'en');
    await page.evaluate(() => {
      const captions = document.getElementById('captions') as HTMLElement;
      captions.textContent = '[A promise was broken]';
      captions.hidden = false;
    });
    for (const size of SIZES) {
      await page.setViewportSize(size);
      for (const scroll of [0, 0.5, 1]) {
        await page.evaluate((f) => window.scrollTo(0, f * document.documentElement.scrollHeight), scroll);
        const boxes = await page.evaluate(() => {
          const box = (node: Element | null) => {
            const r = node?.getBoundingClientRect();
            return r ? { left: r.left, right: r.right, top: r.top, bottom: r.bottom } : null;
          };
          return {
            captions: box(document.getElementById('captions')),
            masthead: box(document.querySelector('.debrief .masthead')),
            words: [...document.querySelectorAll('.debrief .masthead > *')].map(box),
          };
        });
        const { captions, masthead } = boxes;
        if (!captions || !masthead) throw new Error('no captions or masthead');
        // Inside the masthead, which stays at the top, and clear of its words.
        expect(masthead.top).toBe(0);
        expect(captions.top).toBeGreaterThanOrEqual(masthead.top);
        expect(captions.bottom).toBeLessThanOrEqual(masthead.bottom);
        for (const word of boxes.words) {
          if (!word) continue;
          const overlaps =
            word.left < captions.right &&
            captions.left < word.right &&
            word.top < captions.bottom &&
            captions.top < word.bottom;
          expect(overlaps, `${size.width}px, scrolled ${scroll}`).toBe(false);
        }
      }
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: `${SHOTS}/debrief-caption-${size.width}.png` });
    }
    expect(session().errors).toEqual([]);
  });
});
