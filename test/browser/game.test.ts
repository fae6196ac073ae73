/**
 * A new hire plays the game in Chromium, as a person would: by role and accessible name, and by
 * keyboard alone. Menu → practice → debrief; a refresh mid-conversation resumes; the language changes
 * mid-scenario without losing the conversation. Every screen is checked with axe and photographed to
 * test-results/screenshots/.
 */
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { BUILT_IN_REACTIONS } from '../../src/core/scenario/reactions';
import { loadStarterPack } from '../support/starterPack';
import { openBrowser } from './chromium';
import { browserPerFile, forgetEverything, noSeriousViolations, SHOTS } from './session';

const session = browserPerFile();

async function open(page: Page, fresh = true): Promise<void> {
  if (fresh) {
    await page.goto(`${inject('baseUrl')}?renderer=canvas`);
    await forgetEverything(page);
  }
  await page.goto(`${inject('baseUrl')}?renderer=canvas`);
  await page.waitForFunction(() => document.body.dataset.scene === 'menu', null, { timeout: 30_000 });
}

async function scene(page: Page, name: string): Promise<void> {
  await page.waitForFunction((n) => document.body.dataset.scene === n, name, { timeout: 30_000 });
}

/** Presses Tab until the focused control has this accessible name (as a person tabbing would). */
async function tabTo(page: Page, name: string, limit = 80): Promise<void> {
  for (let i = 0; i < limit; i += 1) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const node = document.activeElement as HTMLElement | null;
      if (!node) return '';
      const labelled = node.getAttribute('aria-label');
      if (labelled) return labelled;
      const label = node.closest('label')?.querySelector('.field-label')?.textContent;
      return label ?? node.textContent?.trim() ?? '';
    });
    if (focused === name) return;
  }
  throw new Error(`Tabbing never reached "${name}"`);
}

/** From a fresh menu, press "Start practice" or "Start shift" and wait for the desk. */
async function startAtDesk(page: Page, start: 'Start practice' | 'Start shift'): Promise<void> {
  await open(page);
  await page.getByRole('button', { name: start }).click();
  await scene(page, 'desk');
}

/** From the menu: start the default practice scenario and send one reply. */
async function startPracticeAndReply(page: Page): Promise<void> {
  await startAtDesk(page, 'Start practice');
  await page.getByRole('textbox', { name: 'Reply' }).fill('Hello Dana, let me check that for you.');
  await page.getByRole('button', { name: 'Send' }).click();
  await expect.poll(() => page.locator('.line.from-trainee').count()).toBe(1);
  // Dana answers every reply, scripted or not.
  await expect.poll(() => page.locator('.line.from-trainee ~ .line.from-customer').count()).toBe(1);
}

describe('the game', () => {
  it('lists every scenario by topic in the menu, in English and Spanish', async () => {
    const { page } = session();
    await open(page);
    const options = page.getByRole('radio');
    const pack = loadStarterPack();
    expect(await options.count()).toBe(pack.scenarios.length);
    for (const topic of pack.pack.topics) {
      expect(await page.getByRole('group', { name: topic.name.en }).getByRole('radio').count()).toBe(
        pack.scenarios.filter((s) => s.topic?.id === topic.id).length,
      );
    }
    await page.screenshot({ path: `${SHOTS}/menu-en.png`, fullPage: true });
    await noSeriousViolations(page);

    await page.getByLabel('Language').selectOption('es');
    await expect.poll(() => page.getByRole('button', { name: 'Empezar práctica' }).count()).toBe(1);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('es');
    const spanish =
      loadStarterPack().scenarios.find((x) => x.id === 'locked-out-before-payroll')?.title.es ?? '';
    await expect.poll(() => page.getByText(spanish, { exact: true }).count()).toBe(1);
    await page.screenshot({ path: `${SHOTS}/menu-es.png`, fullPage: true });
    await noSeriousViolations(page);
    expect(session().errors).toEqual([]);
  });

  it('is played by keyboard alone from the menu to the debrief', async () => {
    const { page } = session();
    await open(page);
    await tabTo(page, 'Your name');
    await page.keyboard.type('Ana Ruiz');
    await tabTo(page, 'Start practice');
    await page.keyboard.press('Enter');
    await scene(page, 'desk');

    // The desk starts with focus in the reply box.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Reply');
    await page.keyboard.type(
      "Good morning, Dana. I'm so sorry for the scare. Let me look at your account now.",
    );
    await expect.poll(() => page.locator('.coaching li').count()).toBeGreaterThan(2);
    await page.screenshot({ path: `${SHOTS}/desk-coaching.png` });
    await tabTo(page, 'Send');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.line.from-trainee').count()).toBe(1);
    await tabTo(page, 'Look up the record');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.line.from-customer').count()).toBeGreaterThan(1);
    // A new customer line is announced.
    await expect.poll(() => page.locator('#announcer').textContent()).toMatch(/Dana Whitfield: /);
    await page.screenshot({ path: `${SHOTS}/desk.png` });
    await noSeriousViolations(page);

    await tabTo(page, 'End attempt');
    await page.keyboard.press('Enter');
    await scene(page, 'debrief');
    await expect.poll(() => page.getByRole('heading', { name: 'Your grade' }).count()).toBe(1);
    expect(await page.locator('.grade-value').textContent()).toMatch(
      /Unsatisfactory|Expected|Desired|Exceptional/,
    );
    expect(await page.locator('mark.credit').count()).toBeGreaterThan(0);
    await page.screenshot({ path: `${SHOTS}/debrief.png`, fullPage: true });
    await noSeriousViolations(page);
    expect(session().errors).toEqual([]);
  });

  it('puts a critical error beside the grade, marks its words and says what the score was before the cap', async () => {
    const { page } = session();
    await startAtDesk(page, 'Start practice');
    await page
      .getByRole('textbox', { name: 'Reply' })
      .fill("Hello Dana, I'm so sorry about the lock. It's not our problem, calm down.");
    await page.getByRole('button', { name: 'Send' }).click();
    await expect.poll(() => page.locator('.line.from-trainee').count()).toBe(1);
    await page.getByRole('textbox', { name: 'Reply' }).fill('<b></b>');
    await page.getByRole('button', { name: 'Send' }).click();
    await expect.poll(() => page.locator('.line.from-trainee').count()).toBe(2);
    await page.getByRole('button', { name: 'End attempt' }).click();
    await scene(page, 'debrief');
    expect(await page.locator('.grade-value').textContent()).toBe('Unsatisfactory');
    const critical = page.getByRole('list', { name: 'Critical errors' });
    expect(await critical.locator('li').allTextContents()).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/markup/),
        expect.stringMatching(/no customer should hear/),
      ]),
    );
    // The unkind words are marked in the transcript with the reason read aloud.
    expect(await page.locator('mark.cost', { hasText: 'calm down' }).count()).toBeGreaterThan(0);
    // The first tip is about a critical error.
    expect(await page.locator('.tips li').first().textContent()).toMatch(/blame|dismiss|mock|words/i);
    await page.screenshot({ path: `${SHOTS}/debrief-critical.png`, fullPage: true });
    await noSeriousViolations(page);
    expect(session().errors).toEqual([]);
  });

  it('resumes exactly where the trainee was after a refresh mid-conversation', async () => {
    const { page } = session();
    await startPracticeAndReply(page);
    const before = await page.locator('.line .words').allTextContents();

    await open(page, false);
    await page.getByRole('button', { name: 'Resume' }).click();
    await scene(page, 'desk');
    await expect.poll(() => page.locator('.line .words').allTextContents()).toEqual(before);
    expect(session().errors).toEqual([]);
  });

  it('resumes an attempt saved by an earlier version under the current rules, and says so', async () => {
    const { page } = session();
    await startPracticeAndReply(page);
    const before = await page.locator('.line.from-trainee .words').allTextContents();
    // Leave the desk (it saves on the way out), then make the stored save look as an earlier build
    // (engine 1.1.0, save format 1) wrote it.
    await open(page, false);
    await page.evaluate(() => {
      const key = `escalation-desk:attempt:${localStorage.getItem('escalation-desk:attempt:current')}`;
      const stored = JSON.parse(localStorage.getItem(key) ?? '{}');
      const save = JSON.parse(stored.save);
      Object.assign(save, { version: 1, engineVersion: '1.1.0', eventsHash: '0'.repeat(64) });
      delete save.analyser;
      localStorage.setItem(key, JSON.stringify({ ...stored, save: JSON.stringify(save) }));
    });
    await open(page, false);
    await page.getByRole('button', { name: 'Resume' }).click();
    await scene(page, 'desk');
    await expect
      .poll(() => page.getByRole('status').textContent())
      .toMatch(
        /saved by an earlier version of Escalation Desk\. It has been played again under the current rules/,
      );
    expect(await page.locator('.line.from-trainee .words').allTextContents()).toEqual(before);
    await page.screenshot({ path: `${SHOTS}/desk-resumed-under-new-rules.png` });
    expect(session().errors).toEqual([]);
  });

  it('switches language mid-scenario without losing the conversation', async () => {
    const { page } = session();
    await startPracticeAndReply(page);

    await page.getByLabel('Language').selectOption('es');
    await expect.poll(() => page.getByRole('textbox', { name: 'Respuesta' }).count()).toBe(1);
    expect(await page.getByRole('heading', { name: 'Conversación con Dana Whitfield' }).count()).toBe(1);
    expect(await page.locator('.line.from-trainee').count()).toBe(1);
    const spanishOpening =
      loadStarterPack().scenarios.find((x) => x.id === 'locked-out-before-payroll')?.beats[0]?.says[0]?.es ??
      '';
    expect(await page.locator('.line.from-customer .words').first().textContent()).toBe(spanishOpening);

    // A typed reply the script does not answer still gets an answer, in the trainee's language.
    const customerLines = page.locator('.line.from-customer .words');
    const heard = await customerLines.count();
    await page.getByRole('textbox', { name: 'Respuesta' }).fill('Un momento, por favor.');
    await page.getByRole('button', { name: 'Enviar', exact: true }).click();
    await expect.poll(() => customerLines.count()).toBe(heard + 1);
    const reactions = BUILT_IN_REACTIONS.flatMap((r) => r.says.map((line) => line.es));
    expect(reactions).toContain(await customerLines.last().textContent());
    await page.screenshot({ path: `${SHOTS}/desk-es.png` });
    await noSeriousViolations(page);
    expect(session().errors).toEqual([]);
  });

  it('runs a shift: three chats and a phone call at once, one promise kept and one broken', async () => {
    // A browser of its own, whose clock the test moves: the chats and the call arrive over minutes
    // of real time, since the clock runs in real time while a chat is open.
    const own = await openBrowser();
    try {
      const { page } = own;
      await own.context.clock.install();
      /** Lets real time pass a few seconds at a time until `done`, for at most `limit` ms. */
      const passUntil = async (done: () => Promise<boolean>, limit: number) => {
        for (let spent = 0; spent < limit && !(await done()); spent += 5000) await page.clock.runFor(5000);
        expect(await done()).toBe(true);
      };
      await startAtDesk(page, 'Start shift');

      // Three chats open at once (the most a trainee may hold).
      const openChats = page.locator('.queue-item.status-open');
      await passUntil(async () => (await openChats.count()) === 3, 5 * 60_000);
      await page.getByRole('button', { name: /^Samuel Okoye/ }).click();
      await page.getByLabel('What you promise').selectOption('callback');
      await page.getByLabel('Due in (game minutes)').fill('30');
      await page.getByRole('button', { name: 'Make a promise' }).click();
      await page.getByRole('button', { name: /^Kemi Adeyemi/ }).click();
      await page.getByLabel('What you promise').selectOption('email');
      await page.getByLabel('Due in (game minutes)').fill('1');
      await page.getByRole('button', { name: 'Make a promise' }).click();
      expect(await page.locator('.promise.open').count()).toBeGreaterThanOrEqual(1);

      // Time passing redraws the desk without taking focus away from the trainee.
      await page.getByRole('button', { name: /^Samuel Okoye/ }).focus();
      await page.clock.runFor(1200);
      expect(await page.evaluate(() => document.activeElement?.textContent ?? '')).toMatch(/^Samuel Okoye/);

      // Keep Samuel's call-back at once; Kemi's email falls due and breaks.
      await page.getByRole('button', { name: 'Call Samuel Okoye back now' }).click();
      await passUntil(async () => (await page.locator('.promise.kept').count()) === 1, 10_000);
      await passUntil(async () => (await page.locator('.promise.broken').count()) === 1, 2 * 60_000);
      expect(await page.locator('#announcer').textContent()).toMatch(/./);

      // The phone rings while the chats are open.
      const phone = page.getByRole('button', { name: /· Phone ·/ });
      await passUntil(async () => (await phone.count()) === 1, 10 * 60_000);
      await page.screenshot({ path: `${SHOTS}/desk-shift.png` });
      await noSeriousViolations(page);

      await page.getByRole('button', { name: 'End attempt' }).click();
      await page.clock.runFor(1000);
      await scene(page, 'debrief');
      expect(
        await page.getByText('You broke your promise (an email)', { exact: false }).count(),
      ).toBeGreaterThan(0);
      expect(
        await page.getByText('You kept your promise (a call back)', { exact: false }).count(),
      ).toBeGreaterThan(0);
      await page.screenshot({ path: `${SHOTS}/debrief-shift.png`, fullPage: true });
      expect(own.errors).toEqual([]);
    } finally {
      await own.close();
    }
  });

  it('puts promises made in words and with the button on the tracker alike', async () => {
    const { page } = session();
    await startAtDesk(page, 'Start practice');
    await page.getByLabel('What you promise').selectOption('email');
    await page.getByLabel('Due in (game minutes)').fill('45');
    await page.getByRole('button', { name: 'Make a promise' }).click();
    await page.getByRole('textbox', { name: 'Reply' }).fill("Dana, I'll call you back at 3 pm.");
    await page.getByRole('button', { name: 'Send', exact: true }).click();

    const tracker = page.locator('[data-role="tracker"] li');
    await expect.poll(() => tracker.count()).toBe(2);
    expect(await tracker.allTextContents()).toEqual([
      expect.stringMatching(/^Email for Dana Whitfield, due .+ \(45 min\)/),
      expect.stringMatching(/^Call back for Dana Whitfield, due .+3:00.+ · in your words/),
    ]);
    expect(await page.getByRole('button', { name: 'Send Dana Whitfield the email' }).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Call Dana Whitfield back now' }).count()).toBe(1);
    await page.screenshot({ path: `${SHOTS}/desk-promises.png` });
    await noSeriousViolations(page);

    // The analyser may be wrong: until Dana answers, taking it back costs nothing.
    await page.getByRole('button', { name: "That wasn't a promise to Dana Whitfield" }).last().click();
    await expect.poll(() => tracker.count()).toBe(1);
    expect(session().errors).toEqual([]);
  });

  it('lets a person read for 45 seconds before the first reply, and the chat customer is still there', async () => {
    // A browser of its own, whose clock the test moves: 45 seconds pass as they would for a person.
    const own = await openBrowser();
    try {
      const { page } = own;
      await own.context.clock.install();
      await startAtDesk(page, 'Start practice');
      await page.clock.runFor(45_000);
      // A chat is open, so the desk clock ran in real time: 45 seconds, not 45 × 30.
      expect(await page.locator('.clock').textContent()).toMatch(/09:00.*real time/);
      expect(await page.getByRole('button', { name: 'Skip to next event' }).isDisabled()).toBe(true);
      expect(await page.locator('.queue li').first().textContent()).toMatch(/open/);
      await page
        .getByRole('textbox', { name: 'Reply' })
        .fill('Hello Dana, sorry for the wait. Let me check.');
      await page.getByRole('button', { name: 'Send', exact: true }).click();
      await page.clock.runFor(2000);
      await expect.poll(() => page.locator('.line.from-trainee ~ .line.from-customer').count()).toBe(1);
      await page.screenshot({ path: `${SHOTS}/desk-after-45s.png` });
      expect(own.errors).toEqual([]);
    } finally {
      await own.close();
    }
  });

  it('opens the menu without the library, and shows it loading with a real progress bar when a start waits for it', async () => {
    const { page } = session();
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    await page.route('**/scenario-pack.json', async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(`${inject('baseUrl')}?renderer=canvas`);
    // The menu lists the scenarios from what the build wrote into the code.
    await scene(page, 'menu');
    expect(await page.locator('.scenario-option').count()).toBeGreaterThan(10);
    await page.getByRole('button', { name: 'Start practice' }).click();
    await scene(page, 'preload');
    expect(await page.getByRole('progressbar', { name: 'Getting the desk ready…' }).count()).toBe(1);
    await page.screenshot({ path: `${SHOTS}/preload.png` });
    release();
    // The practice the trainee asked for starts once the library is here.
    await scene(page, 'desk');
    expect(await page.locator('progress').count()).toBe(0);
    await page.unroute('**/scenario-pack.json');
  });

  it('says plainly when a saved attempt is damaged, and offers to keep or discard it', async () => {
    const { page } = session();
    await open(page);
    await page.evaluate(() => {
      localStorage.setItem('escalation-desk:attempt:current', 'a');
      localStorage.setItem(
        'escalation-desk:attempt:a',
        '{"format":"escalation-desk/attempt","version":1,"trunc',
      );
    });
    await open(page, false);
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/could not be opened/);
    expect(await page.getByRole('button', { name: 'Download the saved attempt' }).count()).toBe(1);
    await page.getByRole('button', { name: 'Discard it' }).click();
    await expect.poll(() => page.getByRole('alert').count()).toBe(0);
    expect(session().errors).toEqual([]);
  });

  it('carries on and says so when the browser will not save', async () => {
    const { page } = session();
    await startAtDesk(page, 'Start practice');
    await page.evaluate(() => {
      Storage.prototype.setItem = () => {
        throw new DOMException('full', 'QuotaExceededError');
      };
    });
    await page.getByRole('button', { name: 'Look up the record' }).click();
    await expect
      .poll(() => page.getByRole('status').textContent())
      .toMatch(/Not saved: the browser's storage is full/);
    await expect.poll(() => page.locator('.line.from-customer').count()).toBeGreaterThan(1);
    expect(session().errors).toEqual([]);
  });

  it('lets a beginner answer with authored replies instead of typing', async () => {
    const { page } = session();
    await open(page);
    await page.getByLabel('How you reply').selectOption('choices');
    await page.getByRole('button', { name: 'Start practice' }).click();
    await scene(page, 'desk');
    const choices = page.getByRole('group', { name: 'Replies you can send' }).getByRole('button');
    await expect.poll(() => choices.count()).toBeGreaterThan(0);
    expect(await page.getByRole('textbox', { name: 'Reply' }).count()).toBe(0);
    await choices.first().click();
    await expect.poll(() => page.locator('.line.from-trainee').count()).toBe(1);
    await page.screenshot({ path: `${SHOTS}/desk-choices.png` });
    await noSeriousViolations(page);
    expect(session().errors).toEqual([]);
  });
});
