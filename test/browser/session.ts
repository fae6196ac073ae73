/**
 * What every browser test file shares: one Chromium for the file (opened before its tests, closed
 * after), the folder screenshots go to, and the accessibility check each screen must pass.
 */
import { mkdir } from 'node:fs/promises';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject } from 'vitest';
import { axeViolations } from './axe';
import { type BrowserSession, openBrowser } from './chromium';

/** Where the tests' screenshots are written, to be looked at. */
export const SHOTS = 'test-results/screenshots';

/** Opens one browser for the calling test file; the returned function gives it to each test. */
export function browserPerFile(): () => BrowserSession {
  let browser: BrowserSession | undefined;
  beforeAll(async () => {
    await mkdir(SHOTS, { recursive: true });
    browser = await openBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error('The browser is opened before the tests run.');
    return browser;
  };
}

/** axe finds no serious or critical WCAG 2.1 A/AA violation on the page as it is now. */
export async function noSeriousViolations(page: Page): Promise<void> {
  const violations = await axeViolations(page);
  expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
}

/**
 * Forgets what the game kept in this browser profile: localStorage, the attempts database and the
 * statements waiting for a learning record store (the page's own connections step aside when asked),
 * so a test starts as a first visit.
 */
export async function forgetEverything(page: Page | Frame): Promise<void> {
  await page.evaluate(async () => {
    localStorage.clear();
    for (const name of ['escalation-desk', 'escalation-desk-xapi-outbox']) {
      await new Promise<void>((resolve) => {
        const request = indexedDB.deleteDatabase(name);
        request.onsuccess = () => resolve();
        request.onerror = () => resolve();
        request.onblocked = () => resolve();
      });
    }
  });
}

/** The window sizes each screen is checked and photographed at: a laptop, a desktop, a narrow window. */
export const SCREEN_SIZES = [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
  { width: 800, height: 900 },
] as const;

/** Waits until the game shows scene `name` (the `data-scene` the scenes set on the body). */
export async function waitForScene(page: Page, name: string): Promise<void> {
  await page.waitForFunction((n) => document.body.dataset.scene === n, name, { timeout: 30_000 });
}

/** Opens the game's menu as on a first visit, in English or Spanish. */
export async function freshMenu(page: Page, language: 'en' | 'es' = 'en'): Promise<void> {
  await page.goto(`${inject('baseUrl')}?renderer=canvas`);
  await forgetEverything(page);
  await page.goto(`${inject('baseUrl')}?renderer=canvas`);
  await waitForScene(page, 'menu');
  if (language === 'es') await page.getByLabel('Language').selectOption('es');
}

/** The desk's and the menu's words a test plays by, in English and Spanish (accessible names). */
export const DESK_WORDS = {
  en: {
    start: 'Start practice',
    answer: 'Answer',
    reply: 'Reply',
    send: 'Send',
    note: 'Handoff note',
    escalate: 'Escalate',
    lookup: 'Look up the record',
    promiseWhat: 'What you promise',
    promiseIn: 'Due in (game minutes)',
    makePromise: 'Make a promise',
    finish: 'End attempt',
  },
  es: {
    start: 'Empezar práctica',
    answer: 'Contestar',
    reply: 'Respuesta',
    send: 'Enviar',
    note: 'Nota de traspaso',
    escalate: 'Escalar',
    lookup: 'Consultar el expediente',
    promiseWhat: 'Qué promete',
    promiseIn: 'Vence en (minutos de juego)',
    makePromise: 'Hacer una promesa',
    finish: 'Terminar intento',
  },
} as const;

/**
 * Starts the packaged crisis (the burned power bank) and answers it by promising to cover everything,
 * in `language`: the reply a learning system is then told was judged wrong.
 */
export async function promiseEverything(frame: Page | Frame, language: 'en' | 'es') {
  const w = DESK_WORDS[language];
  await frame.getByRole('button', { name: w.start }).click();
  await frame.waitForFunction(() => document.body.dataset.scene === 'desk', null, { timeout: 30_000 });
  await frame.getByRole('button', { name: w.answer }).click();
  await frame
    .getByRole('textbox', { name: w.reply })
    .fill(
      language === 'en'
        ? "Please don't worry, I promise you we'll cover everything: the hospital, the jacket, all of it."
        : 'No se preocupe, le prometo que lo cubriremos todo: el hospital, la chaqueta, todo.',
    );
  await frame.getByRole('button', { name: w.send, exact: true }).click();
  await expect.poll(() => frame.locator('.line.from-trainee').count()).toBe(1);
}

/** Hands the crisis to Level 2 (the wrong tier) and ends the attempt. */
export async function escalateAndFinish(frame: Page | Frame, language: 'en' | 'es') {
  const w = DESK_WORDS[language];
  await frame
    .getByLabel(w.note)
    .fill(language === 'en' ? 'Power bank burned her son.' : 'Batería quemó a su hijo.');
  await frame.getByRole('button', { name: w.escalate, exact: true }).click();
  await frame.getByRole('button', { name: w.finish }).click();
  await frame.waitForFunction(() => document.body.dataset.scene === 'debrief', null, { timeout: 30_000 });
}
