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
 * Forgets what the game kept in this browser profile: localStorage and the attempts database (the
 * page's own connection steps aside when asked), so a test starts as a first visit.
 */
export async function forgetEverything(page: Page | Frame): Promise<void> {
  await page.evaluate(async () => {
    localStorage.clear();
    await new Promise<void>((resolve) => {
      const request = indexedDB.deleteDatabase('escalation-desk');
      request.onsuccess = () => resolve();
      request.onerror = () => resolve();
    });
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
