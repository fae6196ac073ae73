/**
 * A trainer's draft played in the real desk, as the studio starts it: a request left in localStorage
 * and `index.html?play=studio`. The draft is a shipped scenario with its title changed, compiled here
 * by the real compiler, so the desk showing the new title proves the draft (not the shipped version)
 * is played. It is played to an ending and the debrief says it is a studio play that leads back to
 * the studio; the trainee's saved attempt and history stay empty. A refresh resumes the play; a
 * damaged request says why, axe clean, with the ways back. Screenshots: studio-play-*.png.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { runPlaythrough } from '../../src/core/playthrough/runPlaythrough';
import { compileScenario } from '../../src/core/scenario/compileScenario';
import { studioPlayText } from '../../src/game/studioPlay';
import { loadStarterPack } from '../support/starterPack';
import { browserPerFile, forgetEverything, noSeriousViolations, SHOTS, waitForScene } from './session';

const session = browserPerFile();
const FILE = 'scenarios/level-1/locked-out-before-payroll.yaml';
const KEY = 'escalation-desk.studio-play';

/** The shipped scenario with its title edited as a trainer would, compiled by the real compiler. */
function draftScenario() {
  const text = readFileSync(FILE, 'utf8')
    .replace('  en: Locked out before payroll', '  en: "Draft: locked out before payroll"')
    .replace('  es: Sin acceso antes de las nóminas', '  es: "Borrador: sin acceso antes de las nóminas"');
  const compiled = compileScenario(text, { file: FILE, pack: loadStarterPack().pack });
  if (!compiled.ok) throw new Error(JSON.stringify(compiled.problems));
  return compiled.value.scenario;
}

/** Leaves `request` where the studio leaves it (raw text, so damaged ones can be tried) and opens the play. */
async function openStudioPlay(page: Page, request: string | null): Promise<void> {
  await page.goto(`${inject('baseUrl')}?renderer=canvas`);
  await forgetEverything(page);
  await page.evaluate(
    ({ key, value }) => {
      if (value === null) localStorage.removeItem(key);
      else localStorage.setItem(key, value);
    },
    { key: KEY, value: request },
  );
  await page.goto(`${inject('baseUrl')}index.html?play=studio&renderer=canvas`);
}

/** What the trainee's own attempts hold in this browser: the saved attempt's keys and the history's size. */
async function traineeRecords(page: Page) {
  return page.evaluate(async () => {
    const keys = Object.keys(localStorage).filter((k) => k.startsWith('escalation-desk:attempt:'));
    const history = await new Promise<number>((resolve) => {
      const request = indexedDB.open('escalation-desk');
      request.onsuccess = () => {
        const db = request.result;
        if (!db.objectStoreNames.contains('attempts')) {
          db.close();
          resolve(0);
          return;
        }
        const count = db.transaction('attempts').objectStore('attempts').count();
        count.onsuccess = () => {
          db.close();
          resolve(count.result);
        };
        count.onerror = () => resolve(-1);
      };
      request.onerror = () => resolve(-1);
    });
    return { keys, history };
  });
}

async function reply(page: Page, text: string) {
  const sent = await page.locator('.line.from-trainee').count();
  await page.getByRole('textbox', { name: 'Reply' }).fill(text);
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await expect.poll(() => page.locator('.line.from-trainee').count()).toBe(sent + 1);
}

/** Clicks "Save as playthrough" in the debrief and returns the file the browser downloads. */
async function savedPlaythrough(page: Page, label = 'Save as playthrough') {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: label }).click(),
  ]);
  const path = await download.path();
  return { name: download.suggestedFilename(), text: readFileSync(path, 'utf8') };
}

/** Runs a playthrough's text against the draft; the located problems, none when it replays as written. */
function replays(text: string): string[] {
  const { pack, shifts } = loadStarterPack();
  const result = runPlaythrough(text, {
    file: 'saved.playthrough.yaml',
    pack,
    scenarios: [draftScenario()],
    shifts,
  });
  return result.ok ? [] : result.problems.map((p) => `${p.line}:${p.col} ${p.message}`);
}

describe('a draft played from the studio', () => {
  it('plays the draft in the desk to an ending, and its debrief leads back to the studio without keeping it', async () => {
    const { page } = session();
    await page.setViewportSize({ width: 1366, height: 768 });
    await openStudioPlay(page, studioPlayText(draftScenario(), 'en'));
    await waitForScene(page, 'desk');
    await expect.poll(() => page.getByText('Draft: locked out before payroll').count()).toBeGreaterThan(0);
    expect(await page.getByText('Locked out before payroll', { exact: true }).count()).toBe(0);

    await reply(page, "Good morning, Dana. I'm sorry for the scare. Let me look at your account now.");
    // A refresh of the play's tab resumes the draft where it was.
    await page.reload();
    await waitForScene(page, 'desk');
    await expect.poll(() => page.locator('.line.from-trainee').count()).toBe(1);
    await page.getByRole('button', { name: 'Look up the record' }).click();
    await expect.poll(() => page.locator('.line.from-customer').count()).toBeGreaterThan(1);
    await page.screenshot({ path: `${SHOTS}/studio-play-desk.png` });

    await page.getByRole('button', { name: 'End contact' }).click();
    await expect.poll(() => page.getByRole('textbox', { name: 'Reply' }).isDisabled()).toBe(true);
    await page.getByRole('button', { name: 'End attempt' }).click();
    await waitForScene(page, 'debrief');
    await expect
      .poll(() => page.getByText('Draft from the studio: not saved to your history').count())
      .toBe(1);
    expect(await page.locator('.masthead').textContent()).toContain('Draft: locked out before payroll');
    expect(await page.getByRole('button', { name: 'Play again' }).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Back to the studio' }).count()).toBe(1);
    // The play, saved as a playthrough file, replays to the same ending outside the browser.
    const saved = await savedPlaythrough(page);
    expect(saved.name).toBe('locked-out-before-payroll.studio-play.playthrough.yaml');
    expect(replays(saved.text)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/studio-play-debrief.png` });
    await noSeriousViolations(page);
    expect(await traineeRecords(page)).toEqual({ keys: [], history: 0 });

    await page.getByRole('button', { name: 'Play again' }).click();
    await waitForScene(page, 'desk');
    expect(await page.locator('.line.from-trainee').count()).toBe(0);
    await expect.poll(() => page.getByText('Draft: locked out before payroll').count()).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'End attempt' }).click();
    await waitForScene(page, 'debrief');
    await page.getByRole('button', { name: 'Back to the studio' }).click();
    await page.waitForURL(/\/studio\.html$/);
    expect(session().errors.filter((e) => !/studio\.html|404/.test(e))).toEqual([]);
    session().errors.length = 0;
  });

  it('starts from the beat asked for, in the language asked for, and the saved play records its start', async () => {
    const { page } = session();
    const scenario = draftScenario();
    const from = { beat: 'looked-up', mood: -0.4, facts: ['lock-reason'] };
    // The trainer chose to pick the scenario's replies in this play.
    const request = { ...JSON.parse(studioPlayText(scenario, 'es', from)), replyMode: 'choices' };
    await openStudioPlay(page, JSON.stringify(request));
    await waitForScene(page, 'desk');
    await expect
      .poll(() => page.getByText('Borrador: sin acceso antes de las nóminas').count())
      .toBeGreaterThan(0);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('es');
    // The customer's first words are the chosen beat's, not the opening's.
    await expect
      .poll(() => page.locator('.line.from-customer').first().textContent())
      .toContain('¿Ha encontrado algo? ¿Por qué está bloqueada?');
    const choices = page.getByRole('group', { name: 'Respuestas que puede enviar' }).getByRole('button');
    await expect.poll(() => choices.count()).toBeGreaterThan(0);
    await page.screenshot({ path: `${SHOTS}/studio-play-from.png` });
    await page.getByRole('button', { name: 'Terminar intento' }).click();
    await waitForScene(page, 'debrief');
    const saved = await savedPlaythrough(page, 'Guardar como partida de prueba');
    expect(saved.name).toBe('locked-out-before-payroll.from-looked-up.playthrough.yaml');
    expect(saved.text).toMatch(/from:\s*\n\s+beat: looked-up/);
    expect(replays(saved.text)).toEqual([]);
    expect(session().errors).toEqual([]);
  });

  it('refuses a start the engine cannot play, saying why', async () => {
    const { page } = session();
    const scenario = draftScenario();
    const ending = scenario.beats.find((b) => b.ending !== null);
    if (!ending) throw new Error('The scenario has an ending');
    await openStudioPlay(page, studioPlayText(scenario, 'en', { beat: ending.id }));
    await waitForScene(page, 'studio-play');
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('cannot start there');
    expect(await page.getByRole('alert').textContent()).toContain(ending.id);
    expect(session().errors).toEqual([]);
  });

  it('says plainly why a damaged request cannot be played, with the ways back, axe clean', async () => {
    const { page } = session();
    await page.setViewportSize({ width: 1366, height: 768 });
    await openStudioPlay(page, '{"format": "escalation-desk.studio-play", "version": 1, "scen');
    await waitForScene(page, 'studio-play');
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.count()).toBe(1);
    expect(await alert.getByRole('heading', { name: 'This draft cannot be played' }).count()).toBe(1);
    expect(await alert.textContent()).toContain('damaged and cannot be read');
    expect(await alert.getByRole('link', { name: 'Back to the studio' }).getAttribute('href')).toBe(
      'studio.html',
    );
    expect(await alert.getByRole('link', { name: 'Go to the menu' }).count()).toBe(1);
    await page.screenshot({ path: `${SHOTS}/studio-play-error.png` });
    await noSeriousViolations(page);

    // Another version, and nothing at all, are refused in their own words.
    await openStudioPlay(page, JSON.stringify({ format: 'escalation-desk.studio-play', version: 2 }));
    await waitForScene(page, 'studio-play');
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('(version 2)');
    await openStudioPlay(page, null);
    await waitForScene(page, 'studio-play');
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('has not left a draft');
    await page.getByRole('link', { name: 'Go to the menu' }).click();
    await waitForScene(page, 'menu');
    expect(await page.getByRole('link', { name: "Trainer's studio" }).getAttribute('href')).toBe(
      'studio.html',
    );
    expect(session().errors).toEqual([]);
  });
});
