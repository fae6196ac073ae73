/**
 * The trainer's studio in Chromium, as a trainer would use it: open a shipped scenario and its
 * playthrough through "Open scenario files", type an error and find it under "Problems" at its line,
 * undo it, jump to a problem from the list, run the playthrough (it passes, then fails at the line of a
 * wrong expected ending), reload and find the unsaved edit kept, and press "Play", which leaves the
 * request the desk reads and opens the game. axe finds nothing serious in English or Spanish.
 */
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { compileScenario } from '../../src/core/scenario/compileScenario';
import { loadStarterPack } from '../support/starterPack';
import { browserPerFile, noSeriousViolations, SHOTS } from './session';

const session = browserPerFile();
/** Longer than CodeMirror's delay before a completion list takes Enter (75 ms). */
const CHOOSE_AFTER_MS = 200;

const SCENARIO = 'free-delivery-forty-or-fifty.yaml';
const PLAYTHROUGH = 'free-delivery-forty-or-fifty.handled-well.playthrough.yaml';
const scenarioText = readFileSync(`scenarios/level-1/${SCENARIO}`, 'utf8');
const playthroughText = readFileSync(`scenarios/level-1/${PLAYTHROUGH}`, 'utf8');
const LOCKED = 'locked-out-before-payroll.yaml';
const lockedScenario = compileScenario(readFileSync(`scenarios/level-1/${LOCKED}`, 'utf8'), {
  file: LOCKED,
  pack: loadStarterPack().pack,
});
if (!lockedScenario.ok) throw new Error('The shipped scenario must compile');
const lockedBeats = lockedScenario.value.scenario.beats;
const lockedMood = lockedScenario.value.scenario.persona.mood;
/** The largest shipped scenario file, and how many beats it has. */
const LARGEST = 'scenarios/level-4/nut-free-bar-anaphylaxis.yaml';
const largest = compileScenario(readFileSync(LARGEST, 'utf8'), {
  file: LARGEST,
  pack: loadStarterPack().pack,
});
if (!largest.ok) throw new Error('The largest shipped scenario must compile');
const largestBeats = largest.value.scenario.beats.length;
const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

async function openStudio(page: Page): Promise<void> {
  await page.goto(`${inject('baseUrl')}studio.html`);
  await page.waitForFunction(() => document.body.dataset.page === 'studio', null, { timeout: 30_000 });
}

/** A first visit: no kept drafts, no saved language. */
async function freshStudio(page: Page): Promise<void> {
  await openStudio(page);
  await page.evaluate(async () => {
    localStorage.clear();
    await new Promise<void>((resolve) => {
      const request = indexedDB.deleteDatabase('escalation-desk-studio');
      request.onsuccess = () => resolve();
      request.onerror = () => resolve();
      request.onblocked = () => resolve();
    });
  });
  await openStudio(page);
}

/** Clicks into the editor's line holding `text`, at its end. */
async function toEndOfLine(page: Page, text: string): Promise<void> {
  await page.locator('.cm-line', { hasText: text }).first().click();
  await page.keyboard.press('End');
}

/** The open file's button in the list of open files. */
const fileButton = (page: Page, name: string) => page.locator('button.file', { hasText: name });
const problems = (page: Page) => page.getByRole('region', { name: 'Problems' });

/** Opens the shipped scenario and its playthrough through "Open scenario files", and waits for the check. */
async function openShippedPair(page: Page): Promise<void> {
  await page.getByLabel('Open scenario files').setInputFiles([
    { name: SCENARIO, mimeType: 'application/yaml', buffer: Buffer.from(scenarioText) },
    { name: PLAYTHROUGH, mimeType: 'application/yaml', buffer: Buffer.from(playthroughText) },
  ]);
  await expect.poll(() => problems(page).textContent(), { timeout: 30_000 }).toMatch(/no problems/);
}

describe("the trainer's studio", () => {
  it('checks as the trainer types, runs playthroughs, keeps unsaved edits and plays a draft', async () => {
    const { page, context } = session();
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.setViewportSize({ width: 1366, height: 900 });
    await freshStudio(page);
    await openShippedPair(page);
    expect(await page.locator('button.file').allTextContents()).toEqual([SCENARIO, PLAYTHROUGH]);
    // The first screen and everything since: no Phaser.
    expect(requests.some((url) => /phaser/i.test(url))).toBe(false);

    // An error typed is found at its line; undoing it clears it.
    const channelLine = lineOf(scenarioText, 'channel: social');
    await toEndOfLine(page, 'channel: social');
    await page.keyboard.type('x');
    const located = problems(page).getByRole('button', { name: new RegExp(`^${SCENARIO}:${channelLine} `) });
    await expect.poll(() => located.count(), { timeout: 10_000 }).toBe(1);
    expect(await located.textContent()).toMatch(/Error/);
    expect(await page.locator('.cm-lint-marker-error').count()).toBeGreaterThan(0);
    await page.keyboard.press('Control+z');
    await expect.poll(() => problems(page).textContent(), { timeout: 10_000 }).toMatch(/no problems/);

    // Choosing a problem puts the cursor on its line and focuses the editor.
    await toEndOfLine(page, 'channel: social');
    await page.keyboard.type('x');
    await expect.poll(() => located.count(), { timeout: 10_000 }).toBe(1);
    await page.keyboard.press('Control+Home');
    await located.click();
    expect(await page.evaluate(() => document.activeElement?.classList.contains('cm-content'))).toBe(true);
    expect(await page.locator('.cm-activeLine').textContent()).toBe('channel: socialx');
    await page.screenshot({ path: `${SHOTS}/studio-problem.png`, fullPage: true });
    await page.keyboard.press('Control+z');
    await expect.poll(() => problems(page).textContent(), { timeout: 10_000 }).toMatch(/no problems/);

    // The playthrough passes; expecting the wrong ending fails it at that line.
    const results = page.getByRole('list', { name: 'Playthrough results' });
    await page.getByRole('button', { name: 'Run playthroughs' }).click();
    await expect.poll(() => results.textContent(), { timeout: 30_000 }).toMatch(/Passed/);
    await fileButton(page, PLAYTHROUGH).click();
    await toEndOfLine(page, 'ending: satisfied');
    for (let i = 0; i < 'satisfied'.length; i += 1) await page.keyboard.press('Backspace');
    await page.keyboard.type('upset');
    await page.getByRole('button', { name: 'Run playthroughs' }).click();
    await expect.poll(() => results.textContent(), { timeout: 30_000 }).toMatch(/Failed/);
    const endingLine = lineOf(playthroughText, '  ending: satisfied');
    const failure = results.getByRole('button', { name: new RegExp(`^${PLAYTHROUGH}:${endingLine} `) });
    expect(await failure.count()).toBe(1);
    await page.keyboard.press('Control+Home');
    await failure.click();
    expect(await page.locator('.cm-activeLine').textContent()).toBe('  ending: upset');
    await page.screenshot({ path: `${SHOTS}/studio-playthroughs.png`, fullPage: true });

    // A reload keeps the open files and the unsaved edit, marked as unsaved.
    await page.reload();
    await page.waitForFunction(() => document.body.dataset.page === 'studio', null, { timeout: 30_000 });
    const kept = fileButton(page, PLAYTHROUGH);
    expect(await kept.textContent()).toMatch(/\(unsaved\)/);
    expect(await fileButton(page, SCENARIO).textContent()).not.toMatch(/unsaved/);
    await kept.click();
    expect(await page.locator('.cm-content').textContent()).toContain('ending: upset');

    // "Play" leaves the request the desk reads, and opens the desk in a new tab.
    await fileButton(page, SCENARIO).click();
    await expect.poll(() => page.getByRole('button', { name: 'Play', exact: true }).isEnabled()).toBe(true);
    await page.getByLabel('Play in').selectOption('es');
    await page.getByLabel('The trainee replies').selectOption('choices');
    const popup = context.waitForEvent('page');
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    const desk = await popup;
    expect(desk.url()).toMatch(/\/index\.html\?play=studio$/);
    await desk.close();
    const request = JSON.parse(
      (await page.evaluate(() => localStorage.getItem('escalation-desk.studio-play'))) ?? 'null',
    ) as {
      format: string;
      version: number;
      language: string;
      from: unknown;
      scenario: { id: string; beats: unknown[] };
    };
    expect(request).toMatchObject({
      format: 'escalation-desk.studio-play',
      version: 1,
      language: 'es',
      from: null,
      replyMode: 'choices',
      scenario: { id: 'free-delivery-forty-or-fifty' },
    });
    expect(request.scenario.beats.length).toBeGreaterThan(3);

    // An error stops "Play", and says why.
    await toEndOfLine(page, 'channel: social');
    await page.keyboard.type('x');
    await expect
      .poll(() => page.getByRole('button', { name: 'Play', exact: true }).isDisabled(), {
        timeout: 10_000,
      })
      .toBe(true);
    expect(await page.locator('#play-blocked').textContent()).toMatch(/1 error to fix/);
    await page.keyboard.press('Control+z');
    expect(session().errors).toEqual([]);
  });

  it('maps every beat, and plays the draft from a beat chosen on the map to an ending in the desk', async () => {
    const { page, context } = session();
    await page.setViewportSize({ width: 1366, height: 900 });
    await freshStudio(page);
    await page.getByLabel('Open scenario files').setInputFiles([`scenarios/level-1/${LOCKED}`]);
    await expect.poll(() => problems(page).textContent(), { timeout: 30_000 }).toMatch(/no problems/);

    // The map: a box and an outline entry for every beat, endings without "Play from".
    const map = page.locator('.studio-map');
    await expect
      .poll(() => map.locator('.scenario-map__open').count(), { timeout: 30_000 })
      .toBe(lockedBeats.length);
    for (const beat of lockedBeats) {
      expect(await map.locator(`.scenario-map__open[data-beat="${beat.id}"]`).count()).toBe(1);
      expect(await map.locator(`.scenario-map__play[data-beat="${beat.id}"]`).count()).toBe(
        beat.ending ? 0 : 1,
      );
      expect(await map.locator('svg').textContent()).toContain(beat.id);
    }
    // Choosing a beat moves the editor's cursor to its line.
    await map.locator('.scenario-map__open[data-beat="looked-up"]').click();
    await expect
      .poll(() => page.locator('.cm-activeLine').first().textContent())
      .toContain('- id: looked-up');
    await page.screenshot({ path: `${SHOTS}/studio-map-largest.png`, fullPage: true });
    // An error empties the map; undoing it brings the whole map back.
    await toEndOfLine(page, '- id: looked-up');
    await page.keyboard.type('x');
    await expect.poll(() => map.locator('.scenario-map__open').count(), { timeout: 30_000 }).toBe(0);
    await page.keyboard.press('Control+z');
    await expect
      .poll(() => map.locator('.scenario-map__open').count(), { timeout: 30_000 })
      .toBe(lockedBeats.length);

    // "Play from looked-up", with the persona's feelings to start with and a fact already known.
    await map.getByRole('button', { name: 'Play from looked-up' }).click();
    const dialog = page.getByRole('dialog', { name: 'Play from looked-up' });
    expect(await dialog.getByLabel('Mood (-1 to 1)').inputValue()).toBe(String(lockedMood));
    expect(await dialog.getByLabel(/^Patience left/).inputValue()).toBe('1');
    const offered = await dialog.getByLabel('Start at beat').locator('option').allTextContents();
    expect(offered).toEqual(lockedBeats.filter((b) => !b.ending).map((b) => b.id));
    await dialog.getByLabel('Trust (0 to 1)').fill('0.8');
    await dialog.getByLabel('Why it locked').check();
    await noSeriousViolations(page);
    await page.screenshot({ path: `${SHOTS}/studio-play-from.png` });
    const popup = context.waitForEvent('page');
    await dialog.getByRole('button', { name: 'Play' }).click();
    const desk = await popup;
    const request = JSON.parse(
      (await page.evaluate(() => localStorage.getItem('escalation-desk.studio-play'))) ?? 'null',
    ) as { from: unknown; scenario: { id: string } };
    expect(request.scenario.id).toBe('locked-out-before-payroll');
    expect(request.from).toEqual({
      beat: 'looked-up',
      mood: lockedMood,
      trust: 0.8,
      patience: 1,
      facts: ['lock-reason'],
    });

    // The real desk starts at that beat, and a reply that sends the reset link ends the case well.
    await desk.waitForFunction(() => document.body.dataset.scene === 'desk', null, { timeout: 30_000 });
    await expect
      .poll(() => desk.locator('.line.from-customer').first().textContent())
      .toContain('Did you find anything? Why is it locked?');
    await desk
      .getByRole('textbox', { name: 'Reply' })
      .fill("I've sent a reset link to your email; it takes about a minute and you'll be straight back in.");
    await desk.getByRole('button', { name: 'Send', exact: true }).click();
    await expect
      .poll(() => desk.getByRole('textbox', { name: 'Reply' }).isDisabled(), { timeout: 30_000 })
      .toBe(true);
    await desk.screenshot({ path: `${SHOTS}/studio-play-desk-from.png` });
    await desk.getByRole('button', { name: 'End attempt' }).click();
    await desk.waitForFunction(() => document.body.dataset.scene === 'debrief', null, { timeout: 30_000 });
    expect(await desk.getByText('Draft from the studio: not saved to your history').count()).toBe(1);
    // "Back to the studio" returns to this studio tab, rather than opening a second studio.
    const closed = desk.waitForEvent('close');
    await desk.getByRole('button', { name: 'Back to the studio' }).click();
    await closed;
    expect(context.pages()).toEqual([page]);
    expect(session().errors).toEqual([]);
  });

  it('maps the largest shipped scenario whole', async () => {
    const { page } = session();
    await page.setViewportSize({ width: 1600, height: 1000 });
    await freshStudio(page);
    await page.getByLabel('Open scenario files').setInputFiles([LARGEST]);
    await expect.poll(() => problems(page).textContent(), { timeout: 30_000 }).toMatch(/no problems/);
    const map = page.locator('.studio-map');
    await expect
      .poll(() => map.locator('.scenario-map__open').count(), { timeout: 30_000 })
      .toBe(largestBeats);
    await page.screenshot({ path: `${SHOTS}/studio-largest.png`, fullPage: true });
    expect(session().errors).toEqual([]);
  });

  it('indents with Tab and Shift+Tab, and Esc then Tab leaves the editor', async () => {
    const { page } = session();
    await freshStudio(page);
    await page.getByRole('button', { name: 'New scenario' }).click();
    await page.locator('.cm-line', { hasText: 'minutes: 3' }).first().click();
    await page.keyboard.press('Home');
    await page.keyboard.press('Tab');
    await expect.poll(() => page.locator('.cm-activeLine').first().textContent()).toBe('  minutes: 3');
    await page.keyboard.press('Shift+Tab');
    await expect.poll(() => page.locator('.cm-activeLine').first().textContent()).toBe('minutes: 3');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('.cm-editor') === null)).toBe(true);
    expect(session().errors).toEqual([]);
  });

  it('says when the studio is open in another tab too', async () => {
    const { page, context } = session();
    await openStudio(page);
    const other = await context.newPage();
    await openStudio(other);
    const warning = /open in another tab too/;
    await expect.poll(() => other.getByRole('alert').filter({ hasText: warning }).count()).toBe(1);
    await expect.poll(() => page.getByRole('alert').filter({ hasText: warning }).count()).toBe(1);
    await other.close();
  });

  it('starts from the template, downloads a draft, and opens dropped files', async () => {
    const { page } = session();
    await freshStudio(page);
    await page.getByRole('button', { name: 'New scenario' }).click();
    expect(await fileButton(page, 'my-first-scenario.yaml').textContent()).toMatch(/\(unsaved\)/);
    await expect
      .poll(() => page.locator('#announcer').textContent(), { timeout: 30_000 })
      .toBe('0 problems.');
    const saved = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download' }).click();
    const file = await saved;
    expect(file.suggestedFilename()).toBe('my-first-scenario.yaml');
    expect(await readFile((await file.path()) ?? '', 'utf8')).toContain('id: my-first-scenario\n');
    expect(await fileButton(page, 'my-first-scenario.yaml').textContent()).not.toMatch(/unsaved/);

    // Completion and hover help come from the scenario's JSON Schema.
    await toEndOfLine(page, 'minutes: 3');
    await page.keyboard.press('Enter');
    await page.keyboard.type('diffi');
    const completions = page.locator('.cm-tooltip-autocomplete');
    await expect
      .poll(() => completions.locator('li').allTextContents(), { timeout: 10_000 })
      .toEqual(['difficulty']);
    // CodeMirror ignores Enter for a moment after the list opens (its interactionDelay), as people type on.
    await page.waitForTimeout(CHOOSE_AFTER_MS);
    await page.keyboard.press('Enter');
    await page.keyboard.type('mod');
    await expect
      .poll(() => completions.locator('li').allTextContents(), { timeout: 10_000 })
      .toEqual(['moderate']);
    await page.waitForTimeout(CHOOSE_AFTER_MS);
    await page.keyboard.press('Enter');
    expect(await page.locator('.cm-activeLine').textContent()).toBe('difficulty: moderate');
    await page.locator('.cm-line', { hasText: 'difficulty: moderate' }).getByText('difficulty').hover();
    await expect
      .poll(() => page.locator('.cm-tooltip-hover').textContent(), { timeout: 10_000 })
      .toMatch(/How hard the case is.*Allowed values: easy, moderate, hard/);
    await page.screenshot({ path: `${SHOTS}/studio-hover.png` });
    // Ctrl+S saves (here, as a download: the file came from the template).
    expect(await fileButton(page, 'my-first-scenario.yaml').textContent()).toMatch(/unsaved/);
    const again = page.waitForEvent('download');
    await page.locator('.cm-content').focus();
    await page.keyboard.press('Control+s');
    expect(await readFile((await (await again).path()) ?? '', 'utf8')).toContain('difficulty: moderate\n');

    // A pack.yaml dropped on the page opens, and replaces the shipped pack in the checks.
    const packText = readFileSync('scenarios/pack.yaml', 'utf8').replace(
      / {2}- id: orders-and-products\n.*\n/,
      '',
    );
    await page.evaluate((text) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([text], 'pack.yaml', { type: 'application/yaml' }));
      document.body.dispatchEvent(
        new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }),
      );
    }, packText);
    await expect
      .poll(() => page.locator('button.file').allTextContents())
      .toEqual(['my-first-scenario.yaml', 'pack.yaml']);
    const topic = problems(page).getByRole('button', { name: /^my-first-scenario\.yaml:\d+ Error/ });
    await expect.poll(() => topic.count(), { timeout: 10_000 }).toBe(1);
    expect(await topic.textContent()).toMatch(/orders-and-products/);
    expect(session().errors).toEqual([]);
  });

  it('is clean for axe in English and Spanish', async () => {
    const { page } = session();
    await page.setViewportSize({ width: 1366, height: 900 });
    await freshStudio(page);
    await openShippedPair(page);
    await page.getByRole('button', { name: 'Run playthroughs' }).click();
    await expect.poll(() => page.getByRole('list', { name: 'Playthrough results' }).count()).toBe(1);
    await noSeriousViolations(page);
    await page.screenshot({ path: `${SHOTS}/studio-en.png`, fullPage: true });
    await page.getByLabel('Language').selectOption('es');
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('Estudio del formador');
    expect(await page.getByRole('region', { name: 'Problemas' }).count()).toBe(1);
    expect(await page.getByLabel('Abrir archivos de escenario').count()).toBe(1);
    await noSeriousViolations(page);
    await page.screenshot({ path: `${SHOTS}/studio-es.png`, fullPage: true });
    await page.setViewportSize({ width: 800, height: 900 });
    await noSeriousViolations(page);
    expect(session().errors).toEqual([]);
  });

  // Last: the stand-in picker stays in the page for every later navigation of this browser.
  it('saves back to a file opened through the File System Access picker', async () => {
    const { page } = session();
    // A stand-in for Chromium's picker and the file handle it gives, recording what is written.
    await page.addInitScript((text) => {
      const written: string[] = [];
      const handle = {
        kind: 'file',
        name: 'free-delivery-forty-or-fifty.yaml',
        getFile: async () => new File([text], 'free-delivery-forty-or-fifty.yaml'),
        createWritable: async () => ({
          write: async (data: string) => {
            written.push(data);
          },
          close: async () => undefined,
        }),
      };
      Object.assign(window, { showOpenFilePicker: async () => [handle], written });
    }, scenarioText);
    await freshStudio(page);
    await page.getByLabel('Open scenario files').click();
    await expect.poll(() => page.locator('button.file').allTextContents()).toEqual([SCENARIO]);
    await expect.poll(() => problems(page).textContent(), { timeout: 30_000 }).toMatch(/no problems/);
    await toEndOfLine(page, 'minutes: 3');
    await page.keyboard.type('0');
    await expect.poll(() => fileButton(page, SCENARIO).textContent()).toMatch(/unsaved/);
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => fileButton(page, SCENARIO).textContent()).not.toMatch(/unsaved/);
    const written = await page.evaluate(() => (window as unknown as { written: string[] }).written);
    expect(written).toHaveLength(1);
    expect(written[0]).toBe(scenarioText.replace('minutes: 3\n', 'minutes: 30\n'));
    expect(session().errors).toEqual([]);
  });
});
