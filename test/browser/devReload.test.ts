/**
 * Live reload under the dev server, as a trainer editing `scenarios/` sees it. Vite's dev server is
 * started here with the scenario plugin pointed at a copy of the scenarios in a temporary folder (the
 * test edits the copy, never the source tree). An edited title reaches the open menu without a page
 * reload (a marker set on `window` survives); a file broken by the edit shows the checker's located
 * error in Vite's overlay while the game keeps the last good library; the fix takes the overlay away.
 * An attempt carries on through an edit of another scenario, and restarts, saying so, when its own
 * scenario changes. The production build (the one the other browser tests serve) holds none of it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { officeSheetPlugin } from '../../src/cli/officeSheetPlugin';
import { portraitAtlasPlugin } from '../../src/cli/portraitAtlasPlugin';
import { scenarioPackPlugin } from '../../src/cli/scenarioPackPlugin';
import { EXPRESSIONS } from '../../src/game/portraits';
import { browserPerFile, forgetEverything, SHOTS, waitForScene } from './session';

const session = browserPerFile();
const LOCKED_OUT = 'level-1/locked-out-before-payroll.yaml';
const INVOICES = 'level-1/invoices-for-the-accountant.yaml';

let folder = '';
let scenarios = '';
let server: ViteDevServer | null = null;
let url = '';

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'escalation-desk-dev-'));
  scenarios = join(folder, 'scenarios');
  await cp('scenarios', scenarios, { recursive: true });
  server = await createServer({
    configFile: false,
    root: resolve('.'),
    // Vite's dependency cache goes to the temporary folder too, not the project's node_modules.
    cacheDir: join(folder, 'vite-cache'),
    logLevel: 'silent',
    clearScreen: false,
    // The game's plugins as the project's config has them, the scenarios read from the copy.
    plugins: [scenarioPackPlugin(scenarios), portraitAtlasPlugin(EXPRESSIONS), officeSheetPlugin()],
    resolve: { conditions: ['module', 'browser', 'production'] },
    optimizeDeps: { entries: ['index.html'] },
    server: { host: '127.0.0.1', port: 0, strictPort: false },
  });
  await server.listen();
  url = server.resolvedUrls?.local[0] ?? '';
  if (!url) throw new Error('the dev server did not report a local URL');
});

afterAll(async () => {
  await server?.close();
  await rm(folder, { recursive: true, force: true });
});

/** Rewrites a file of the copy with `change` applied to its text. */
async function edit(file: string, change: (text: string) => string): Promise<void> {
  const path = join(scenarios, file);
  await writeFile(path, change(await readFile(path, 'utf8')));
}

/** Counts the libraries the dev server has sent the page since this was called. */
function packsReceived(page: Page): () => number {
  let count = 0;
  page.on('websocket', (socket) => {
    socket.on('framereceived', ({ payload }) => {
      if (String(payload).includes('"escalation-desk:scenario-pack"')) count += 1;
    });
  });
  return () => count;
}

const overlayText = (page: Page) =>
  page.evaluate(() => document.querySelector('vite-error-overlay')?.shadowRoot?.textContent ?? null);
const practiceLabels = (page: Page) =>
  page
    .locator('input[name="scenario"]')
    .evaluateAll((inputs) => inputs.map((input) => input.closest('label')?.textContent ?? ''));

describe('the dev server', () => {
  it('updates the open menu when a scenario changes, shows a broken one in the overlay, and clears it when fixed', async () => {
    const { page } = session();
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto(`${url}?renderer=canvas`);
    await forgetEverything(page);
    await page.goto(`${url}?renderer=canvas`);
    await waitForScene(page, 'menu');
    // Settled: the desk's code, fetched in the background, has arrived (nothing reloads the page for it).
    await page.waitForLoadState('networkidle');
    await page.evaluate(() => {
      (window as unknown as { __marker: number }).__marker = 19;
    });
    expect((await practiceLabels(page)).join('\n')).toContain('Locked out before payroll');

    await edit(LOCKED_OUT, (text) =>
      text.replace('  en: Locked out before payroll', '  en: Locked out on payday'),
    );
    await expect
      .poll(async () => (await practiceLabels(page)).join('\n'), { timeout: 20_000 })
      .toContain('Locked out on payday');
    expect(await page.evaluate(() => (window as unknown as { __marker?: number }).__marker)).toBe(19);

    // A beat that leads nowhere: the checker's located error in the overlay, the last good library kept.
    const good = await readFile(join(scenarios, LOCKED_OUT), 'utf8');
    await edit(LOCKED_OUT, (text) => text.replace(/^start: .*$/m, 'start: no-such-beat'));
    await expect
      .poll(() => overlayText(page), { timeout: 20_000 })
      .toMatch(/locked-out-before-payroll\.yaml:\d+:\d+/);
    const shown = (await overlayText(page)) ?? '';
    expect(shown).toContain('no-such-beat');
    await page.screenshot({ path: `${SHOTS}/dev-reload-overlay.png` });
    expect((await practiceLabels(page)).join('\n')).toContain('Locked out on payday');

    await writeFile(join(scenarios, LOCKED_OUT), good);
    await expect.poll(() => overlayText(page), { timeout: 20_000 }).toBeNull();
    expect(await page.evaluate(() => (window as unknown as { __marker?: number }).__marker)).toBe(19);
    expect(session().errors).toEqual([]);
  });

  it('keeps an attempt through an edit of another scenario, and restarts it, saying so, when its own changes', async () => {
    const { page } = session();
    const received = packsReceived(page);
    await page.goto(`${url}?renderer=canvas`);
    await waitForScene(page, 'menu');
    await page.waitForLoadState('networkidle');
    await page.locator('input[name="scenario"][value="locked-out-before-payroll"]').check();
    await page.getByRole('button', { name: 'Start practice' }).click();
    await waitForScene(page, 'desk');
    await page
      .getByRole('textbox', { name: 'Reply' })
      .fill('Good morning, Dana. Let me look at your account.');
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await expect.poll(() => page.locator('.line.from-trainee').count()).toBe(1);

    const before = received();
    await edit(INVOICES, (text) => text.replace(/^(title:\n {2}en: )(.*)$/m, '$1$2 (edited)'));
    await expect.poll(received, { timeout: 20_000 }).toBeGreaterThan(before);
    await page.waitForTimeout(300);
    expect(await page.locator('.line.from-trainee').count()).toBe(1);
    expect(await page.locator('#notice').isHidden()).toBe(true);

    await edit(LOCKED_OUT, (text) => text.replace(/^(title:\n {2}en: )(.*)$/m, '$1Locked out, edited again'));
    const restarted = 'The scenario “Locked out, edited again” changed; the attempt restarted.';
    await expect.poll(() => page.locator('#notice').textContent(), { timeout: 20_000 }).toBe(restarted);
    await expect.poll(() => page.locator('#announcer').textContent()).toBe(restarted);
    await waitForScene(page, 'desk');
    expect(await page.locator('.line.from-trainee').count()).toBe(0);
    await page.screenshot({ path: `${SHOTS}/dev-reload-restarted.png` });
    expect(session().errors).toEqual([]);
  });

  it('is left out of the production build', () => {
    const assets = join('dist', 'assets');
    const names = readdirSync(assets);
    const modules = names
      .filter((n) => n.endsWith('.js.map'))
      .flatMap((n) => (JSON.parse(readFileSync(join(assets, n), 'utf8')) as { sources: string[] }).sources);
    expect(modules.some((m) => m.endsWith('src/game/scenes/menuScenes.ts'))).toBe(true);
    expect(modules.filter((m) => /src\/game\/(devReload|scenarioPackEvent)\.ts$/.test(m))).toEqual([]);
    const code = names.filter((n) => n.endsWith('.js')).map((n) => readFileSync(join(assets, n), 'utf8'));
    expect(code.filter((text) => text.includes('escalation-desk:scenario-pack'))).toEqual([]);
  });
});
