/**
 * `npm run bench` (last part): the game in headless Chromium against a bare Phaser 4 page with one
 * scene, built and served the same way and measured in the same run, alternating, in fresh browsers:
 *
 * - bundle size (gzip) of the game's own code, of Phaser (its own chunk), and of the bare page;
 * - time from navigation to an interactive menu, against the bare page's first scene, and to the first
 *   moment after it that the page is free to answer input;
 * - frame time (p95 of requestAnimationFrame intervals over 5 s) on the desk during a shift with six
 *   customers, against the bare page.
 *
 * WebGL here is SwiftShader on the CPU (no GPU), so the figures are "software rendering on 2 cores":
 * compare ratios, not absolute numbers. Writes test-results/bench-browser.json.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { openBrowser } from '../browser/chromium';
import { median, percentile, saveResults } from './report';
import { buildAndServe } from './serveBuild';

const RUNS = 5;

/**
 * Installed in the page before it loads: when a scene's mark is made, marks `<mark>-free` when the
 * page's observer hears of it. That is in a task of its own, so never before the page is free again
 * after the mark, but the browser may tell observers later still: an upper bound on when the page can
 * first answer input, which counts work done after the mark (drawing, fetching the desk's code) that
 * the mark alone hides. Source text, as for `frameTimes`.
 */
const NOTE_FREE = `new PerformanceObserver((list) => {
  for (const entry of list.getEntries())
    if (entry.name.startsWith('scene-') && !entry.name.endsWith('-free'))
      performance.mark(entry.name + '-free');
}).observe({ type: 'mark' });`;

async function markTime(page: Page, mark: string): Promise<number> {
  await page.waitForFunction((m) => performance.getEntriesByName(m).length > 0, mark, { timeout: 60_000 });
  return page.evaluate((m) => performance.getEntriesByName(m)[0]?.startTime ?? 0, mark);
}

/**
 * rAF intervals over `ms`, in the page. Passed as source text: tsx would otherwise wrap the function
 * with a helper that does not exist in the page.
 */
async function frameTimes(page: Page, ms: number): Promise<number[]> {
  return page.evaluate(`new Promise((resolve) => {
    const deltas = [];
    let last = performance.now();
    const start = last;
    const step = (now) => {
      deltas.push(now - last);
      last = now;
      if (now - start < ${ms}) requestAnimationFrame(step);
      else resolve(deltas.slice(1));
    };
    requestAnimationFrame(step);
  })`);
}

function gzipSizes(): Record<string, number> {
  const dir = 'dist/assets';
  const sizes: Record<string, number> = {};
  for (const file of readdirSync(dir)) {
    if (!file.endsWith('.js') && !file.endsWith('.css')) continue;
    const group = file.replace(/-[\w-]{6,}\.(js|css)$/, '.$1');
    sizes[group] = (sizes[group] ?? 0) + gzipSync(readFileSync(join(dir, file))).length;
  }
  sizes['scenario-pack.json'] = gzipSync(readFileSync('dist/scenario-pack.json')).length;
  return sizes;
}

const server = await buildAndServe();
const base = server.base;
const bare = `${base}bench/bare-phaser.html`;

const load = { game: [] as number[], bare: [] as number[] };
/** Navigation to the first moment the page is free after the mark (see `NOTE_FREE`). */
const free = { game: [] as number[], bare: [] as number[] };
const frames = { game: [] as number[], bare: [] as number[] };
try {
  for (let run = 0; run < RUNS; run += 1) {
    {
      const browser = await openBrowser();
      await browser.page.addInitScript(NOTE_FREE);
      await browser.page.goto(bare);
      load.bare.push(await markTime(browser.page, 'scene-only'));
      free.bare.push(await markTime(browser.page, 'scene-only-free'));
      if (run === 0) frames.bare.push(...(await frameTimes(browser.page, 5000)));
      await browser.close();
    }
    {
      const browser = await openBrowser();
      await browser.page.addInitScript(NOTE_FREE);
      await browser.page.goto(base);
      load.game.push(await markTime(browser.page, 'scene-menu'));
      free.game.push(await markTime(browser.page, 'scene-menu-free'));
      if (run === 0) {
        const page = browser.page;
        await page.getByRole('button', { name: 'Start shift' }).click();
        await page.waitForFunction(() => document.body.dataset.scene === 'desk');
        await page.getByLabel('Clock speed').selectOption('300');
        // The clock runs in real time while a conversation is open, so answer and close each one the desk opens
        // until all six customers of the shift are in the queue (ended ones stay listed).
        const deadline = Date.now() + 60_000;
        while ((await page.locator('.queue-item').count()) < 6) {
          if (Date.now() > deadline) throw new Error('The shift never filled the queue.');
          // A call rings until it is answered.
          const ringing = page.locator('.queue-item.status-ringing').first();
          if ((await ringing.count()) > 0) {
            await ringing.click();
            await page.getByRole('button', { name: 'Answer', exact: true }).click();
          }
          const open = page.locator('.queue-item.status-open').first();
          if ((await open.count()) > 0) {
            await open.click();
            await page.getByRole('button', { name: 'End contact' }).click();
          }
          await page.waitForTimeout(100);
        }
        await page.getByLabel('Clock speed').selectOption('30');
        frames.game.push(...(await frameTimes(page, 5000)));
      }
      await browser.close();
    }
  }
} finally {
  await server.close();
}

const sizes = gzipSizes();
const gameTti = median(load.game);
const bareTti = median(load.bare);
const gameFree = median(free.game);
const bareFree = median(free.bare);
const result = {
  bundleGzipBytes: sizes,
  timeToInteractiveMenuMs: { game: gameTti, bare: bareTti, ratio: gameTti / bareTti, target: '≤ 1.15x' },
  timeToFreeAfterMenuMs: { game: gameFree, bare: bareFree, ratio: gameFree / bareFree },
  frameTimeP95Ms: {
    gameDeskSixCustomers: percentile(frames.game, 0.95),
    bare: percentile(frames.bare, 0.95),
    target: '< 16.7 ms',
  },
  runs: RUNS,
};
console.log(`\nBrowser benchmark, median of ${RUNS} fresh browsers (Chromium, software WebGL)`);
console.log(
  `bundle (gzip): ${Object.entries(sizes)
    .map(([k, v]) => `${k} ${(v / 1024).toFixed(1)} KB`)
    .join(', ')}`,
);
console.log(
  `time to interactive menu: game ${gameTti.toFixed(0)} ms, bare Phaser page ${bareTti.toFixed(0)} ms, ratio ${(gameTti / bareTti).toFixed(2)}x (target ≤ 1.15x)`,
);
console.log(
  `first free moment after it: game ${gameFree.toFixed(0)} ms, bare Phaser page ${bareFree.toFixed(0)} ms, ratio ${(gameFree / bareFree).toFixed(2)}x`,
);
console.log(
  `frame time p95: desk with six customers ${result.frameTimeP95Ms.gameDeskSixCustomers.toFixed(1)} ms, bare page ${result.frameTimeP95Ms.bare.toFixed(1)} ms (target < 16.7 ms)`,
);
saveResults('bench-browser', RUNS, result);
