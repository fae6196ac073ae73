/**
 * The studio's scenario map in Chromium, before the studio page exists: the map component alone,
 * bundled by Vite into a temporary folder (never the source tree) with a tiny page around it, and fed
 * the largest shipped scenario compiled here by the real compiler. Every beat has a box on the picture
 * and a button in the outline; a click on a box and the outline's buttons, by mouse or keyboard, reach
 * the studio's callbacks; axe finds nothing in English or Spanish; and the screenshot is the one the
 * note shows.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Scenario } from '../../src/core/scenario/types';
import { loadStarterPack } from '../support/starterPack';
import { ENDINGS, tinyScenario } from '../support/tinyScenario';
import { axeViolations } from './axe';
import { browserPerFile, SHOTS } from './session';

const session = browserPerFile();
const ROOT = resolve('.');
const ENTRY = 'virtual:studio-map-test';

/** The page's script: the map, a fresh i18next with the map's own locale files, and the callbacks. */
const ENTRY_CODE = `
import i18next from 'i18next';
import en from '/src/studio/locales/map.en.json';
import es from '/src/studio/locales/map.es.json';
import { renderScenarioMap } from '/src/studio/map/index.ts';

window.mapTest = {
  calls: [],
  missing: [],
  async show(scenario, lng, lines) {
    document.documentElement.lang = lng;
    const i18n = i18next.createInstance();
    await i18n.init({
      lng,
      fallbackLng: false,
      resources: { en: { translation: en }, es: { translation: es } },
      interpolation: { escapeValue: false },
    });
    renderScenarioMap(document.getElementById('map'), scenario, {
      t: (key, vars) => {
        if (!i18n.exists(key)) window.mapTest.missing.push(key);
        return i18n.t(key, vars);
      },
      lineOfBeat: (id) => lines[id] ?? null,
      onBeat: (id) => window.mapTest.calls.push('beat ' + id),
      onPlayFrom: (id) => window.mapTest.calls.push('play ' + id),
    });
  },
};
`;

const PAGE = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Scenario map</title><link rel="stylesheet" href="map-test.css"></head>
<body style="font-family: system-ui, sans-serif; margin: 1rem;">
<main><h1>Scenario map</h1><h2>Map</h2><div id="map"></div></main>
<script type="module" src="map-test.js"></script>
</body>
</html>`;

const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.map': 'application/json',
};

let dir = '';
let server: Server | undefined;
let url = '';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'studio-map-'));
  await build({
    configFile: false,
    root: ROOT,
    logLevel: 'warn',
    resolve: { conditions: ['module', 'browser', 'production'] },
    plugins: [
      {
        name: 'studio-map-test-entry',
        resolveId: (id) => (id === ENTRY ? `\0${ENTRY}` : null),
        load: (id) => (id === `\0${ENTRY}` ? ENTRY_CODE : null),
      },
    ],
    build: {
      outDir: dir,
      emptyOutDir: false,
      target: 'es2022',
      copyPublicDir: false,
      rolldownOptions: {
        input: { 'map-test': ENTRY },
        output: { entryFileNames: '[name].js', assetFileNames: '[name][extname]' },
      },
    },
  });
  await writeFile(join(dir, 'index.html'), PAGE);
  server = createServer(async (request, response) => {
    const asked = (request.url ?? '/').split('?')[0] ?? '/';
    if (asked === '/favicon.ico') return void response.writeHead(204).end();
    const path = join(dir, asked === '/' ? 'index.html' : asked);
    try {
      const body = await readFile(path);
      response.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' });
      response.end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((done) => server?.listen(0, '127.0.0.1', done));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  url = `http://127.0.0.1:${address.port}/`;
}, 60_000);

afterAll(async () => {
  await new Promise((done) => server?.close(done));
  await rm(dir, { recursive: true, force: true });
});

/** The shipped scenario with the most beats and transitions, and the line of each beat's id. */
async function largestScenario(): Promise<{ scenario: Scenario; lines: Record<string, number> }> {
  const moves = (s: Scenario) => s.beats.length + s.beats.reduce((n, b) => n + b.transitions.length, 0);
  const [scenario] = [...loadStarterPack().scenarios].sort(
    (a, b) => moves(b) - moves(a) || a.id.localeCompare(b.id),
  );
  if (!scenario) throw new Error('no shipped scenario');
  const text = (await readFile(scenario.file, 'utf8')).split('\n');
  const beatsAt = text.findIndex((line) => line.startsWith('beats:'));
  const lines: Record<string, number> = {};
  for (const beat of scenario.beats) {
    const at = text.findIndex((line, i) => i > beatsAt && line.trim() === `- id: ${beat.id}`);
    if (at >= 0) lines[beat.id] = at + 1;
  }
  return { scenario, lines };
}

async function show(page: Page, scenario: Scenario, language: 'en' | 'es', lines: Record<string, number>) {
  await page.goto(url);
  await page.waitForFunction(() => 'mapTest' in window);
  await page.evaluate(
    ([s, lng, l]) =>
      (window as unknown as { mapTest: { show: (...a: unknown[]) => Promise<void> } }).mapTest.show(
        s,
        lng,
        l,
      ),
    [scenario, language, lines] as const,
  );
}

const missing = (page: Page) =>
  page.evaluate(() => (window as unknown as { mapTest: { missing: string[] } }).mapTest.missing);

const calls = (page: Page) =>
  page.evaluate(() => (window as unknown as { mapTest: { calls: string[] } }).mapTest.calls);

describe('the scenario map', () => {
  it('shows every beat on the picture and in the outline, and calls back on a click or a key', async () => {
    const { page, errors } = session();
    const { scenario, lines } = await largestScenario();
    await page.setViewportSize({ width: 1600, height: 1000 });
    await show(page, scenario, 'en', lines);

    const svg = page.locator('.scenario-map__svg');
    await expect.poll(() => svg.getAttribute('aria-hidden')).toBe('true');
    for (const beat of scenario.beats) {
      await expect.poll(() => svg.locator(`g[data-beat="${beat.id}"]`).count()).toBe(1);
      await expect
        .poll(() => svg.locator(`g[data-beat="${beat.id}"] text`).first().textContent())
        .toBe(beat.id);
    }
    const outline = page.getByRole('region', { name: 'Outline of the beats' });
    const beatButtons = outline.locator('button.scenario-map__open');
    expect(await beatButtons.count()).toBe(scenario.beats.length);

    const start = scenario.start;
    const startButton = outline.getByRole('button', {
      name: `${start} (start, line ${lines[start]})`,
      exact: true,
    });
    expect(await startButton.count()).toBe(1);
    const ending = scenario.beats.find((b) => b.ending !== null);
    if (!ending) throw new Error('no ending');
    const endingName = `${ending.id} (ending: ${ending.ending}, line ${lines[ending.id]})`;
    expect(await outline.getByRole('button', { name: endingName, exact: true }).count()).toBe(1);
    expect(await page.getByRole('button', { name: `Play from ${ending.id}`, exact: true }).count()).toBe(0);
    const nonEndings = scenario.beats.filter((b) => b.ending === null).length;
    expect(await page.getByRole('button', { name: /^Play from / }).count()).toBe(nonEndings);
    // The outline says each move in words.
    const firstMove = scenario.beats.find((b) => b.id === start)?.transitions.find((t) => t.go !== null);
    expect(await outline.getByText(new RegExp(`^on .+ → go to ${firstMove?.go}$`)).count()).toBeGreaterThan(
      0,
    );

    await svg.locator(`g[data-beat="${ending.id}"]`).click();
    expect(await calls(page)).toEqual([`beat ${ending.id}`]);
    await page.getByRole('button', { name: `Play from ${start}`, exact: true }).click();
    expect(await calls(page)).toEqual([`beat ${ending.id}`, `play ${start}`]);

    // Zooming out shrinks the picture, and says how far.
    const width = Number(await svg.getAttribute('width'));
    await page.getByRole('button', { name: 'Zoom out', exact: true }).click();
    expect(Number(await svg.getAttribute('width'))).toBeCloseTo(width * 0.7, -1);
    expect(await page.locator('output.scenario-map__zoom-level').textContent()).toBe('70%');
    await page.getByRole('button', { name: 'Zoom out', exact: true }).click();
    await page.screenshot({ path: `${SHOTS}/studio-map-zoomed-out.png` });
    const actualSize = page.getByRole('button', { name: 'Actual size', exact: true });
    await actualSize.focus();
    await page.keyboard.press('Enter');
    expect(Number(await svg.getAttribute('width'))).toBe(width);
    expect(await page.locator('output.scenario-map__zoom-level').textContent()).toBe('100%');
    // At its limit the button says so and keeps the focus.
    expect(await actualSize.getAttribute('aria-disabled')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Actual size');

    // By keyboard, on a fresh page: the picture's scroll pane, then the first beat and its "Play from".
    await show(page, scenario, 'en', lines);
    const first = scenario.beats[0]?.id;
    const focused = () => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '');
    await page.keyboard.press('Tab');
    for (let i = 0; i < 4 && !(await focused()).startsWith('Map of the beats'); i += 1)
      await page.keyboard.press('Tab');
    expect(await focused()).toMatch(/^Map of the beats/);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-beat'))).toBe(first);
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(`Play from ${first}`);
    await page.keyboard.press('Space');
    expect(await calls(page)).toEqual([`beat ${first}`, `play ${first}`]);

    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/studio-map.png`, fullPage: true });
    expect(await missing(page)).toEqual([]);
    // The whole picture alone, unclipped, to look at the layout itself.
    const size = await page.evaluate(() => {
      const picture = document.querySelector('.scenario-map__svg') as SVGSVGElement;
      const frame = document.createElement('div');
      frame.className = 'scenario-map';
      frame.style.display = 'block';
      frame.append(picture);
      document.body.replaceChildren(frame);
      document.body.style.margin = '0';
      return { width: picture.width.baseVal.value, height: picture.height.baseVal.value };
    });
    await page.setViewportSize({ width: Math.ceil(size.width), height: Math.ceil(size.height) });
    await page.screenshot({ path: `${SHOTS}/studio-map-picture.png` });
    expect(errors).toEqual([]);
  });

  it('speaks Spanish and stays clean for axe there', async () => {
    const { page, errors } = session();
    const { scenario, lines } = await largestScenario();
    await page.setViewportSize({ width: 1600, height: 1000 });
    await show(page, scenario, 'es', lines);
    const outline = page.getByRole('region', { name: 'Esquema de los momentos' });
    expect(
      await outline.getByRole('button', { name: `Jugar desde ${scenario.start}`, exact: true }).count(),
    ).toBe(1);
    expect(await outline.getByText(/^con .+ → pasa a /).count()).toBeGreaterThan(0);
    expect(await page.getByRole('list', { name: 'Leyenda del mapa' }).count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/studio-map-es.png`, fullPage: true });
    expect(await missing(page)).toEqual([]);
    // In a forced-colours theme the boxes and lines take the system's colours; the words stay.
    await page.emulateMedia({ forcedColors: 'active' });
    await page.screenshot({ path: `${SHOTS}/studio-map-forced-colors.png` });
    await page.emulateMedia({ forcedColors: 'none' });
    expect(errors).toEqual([]);
  });

  it('marks an unreachable beat and draws the anywhere transitions once', async () => {
    const { page, errors } = session();
    const scenario = tinyScenario({
      id: 'map-draft',
      extra: 'anywhere:\n  - did: end\n    go: angry\n',
      beats: `  - id: start
    says: { en: Hello, es: Hola }
    on:
      - said: apologise
        go: listening
      - did: resolve
        go: done
  - id: listening
    says: { en: Go on, es: Siga }
    on:
      - after: 5m
        go: done
  - id: forgotten
    says: { en: Nobody comes here, es: Nadie llega aquí }
    anywhere: false
    on:
      - did: resolve
        go: done
${ENDINGS}`,
    });
    await page.setViewportSize({ width: 1280, height: 800 });
    await show(page, scenario, 'en', {});
    const forgotten = page.locator('.scenario-map__svg g[data-beat="forgotten"]');
    expect(await forgotten.getAttribute('class')).toContain('scenario-map__node--unreachable');
    expect(await forgotten.locator('text').allTextContents()).toEqual(['forgotten', 'unreachable']);
    const outline = page.getByRole('region', { name: 'Outline of the beats' });
    expect(
      await outline.getByRole('button', { name: 'forgotten (beat, unreachable)', exact: true }).count(),
    ).toBe(1);
    expect(await outline.getByRole('button', { name: 'start (start)', exact: true }).count()).toBe(1);
    // One anywhere box with one arrow to `angry`, not one arrow from every beat.
    expect(await page.locator('.scenario-map__node--anywhere').count()).toBe(1);
    expect(await page.locator('.scenario-map__edge--anywhere').count()).toBe(1);
    expect(
      await outline
        .getByText('Anywhere: tried in every beat that is not an ending, except forgotten')
        .count(),
    ).toBe(1);
    expect(await outline.getByText('on did: end → go to angry').count()).toBe(1);
    expect(await outline.getByText('and the anywhere transitions').count()).toBe(2);
    expect(await axeViolations(page)).toEqual([]);
    expect(await missing(page)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/studio-map-draft.png` });

    // Called again in the same host with another scenario, the map is that scenario's alone.
    const { scenario: next } = await largestScenario();
    await page.evaluate(
      (s) =>
        (window as unknown as { mapTest: { show: (...a: unknown[]) => Promise<void> } }).mapTest.show(
          s,
          'en',
          {},
        ),
      next,
    );
    const drawn = await page
      .locator('.scenario-map__svg g[data-beat]')
      .evaluateAll((gs) => gs.map((g) => g.getAttribute('data-beat')));
    expect(drawn).toEqual(next.beats.map((b) => b.id));
    expect(await page.locator('.scenario-map__open').count()).toBe(next.beats.length);
    expect(await page.locator('.scenario-map__node--anywhere').count()).toBe(
      next.anywhere.length > 0 ? 1 : 0,
    );
    expect(errors).toEqual([]);
  });
});
