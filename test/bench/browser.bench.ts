/**
 * `npm run bench` (last part): the game in headless Chromium against a bare Phaser 4 page with one
 * scene, built and served the same way and measured in the same run, alternating, in fresh browsers:
 *
 * - bundle size (gzip) of the game's own code, of Phaser (its own chunk), and of the bare page;
 * - time from navigation to an interactive menu, against the bare page's first scene, and to the first
 *   moment after it that the page is free to answer input. The menu is DOM alone and shows before
 *   Phaser boots (src/game/ui/MenuScreen.ts), so the page is then still evaluating Phaser: the second
 *   figure counts that work, and is held to the same target;
 * - frame times (requestAnimationFrame intervals over 5 s) on the desk during a six-customer shift
 *   with the animated office, against the bare page in the same run. The issue's targets: the desk's
 *   p95 within 1 ms of the bare page's p95, and fewer than 5% of the desk's frames over 20 ms.
 *
 * The measured desk is Monday morning 15½ game minutes in: all six customers have arrived, the three
 * chats, the email and the public post are open (five portraits in the office, their moods moving as
 * they wait), and the clock runs at a chat's real time. Getting there by playing would take 15 real
 * minutes, so the bench plays those minutes in Node, on the shift the game itself started (its seed
 * and versions), and gives the game the result to resume (see `sixCustomerSave`).
 *
 * WebGL here is SwiftShader on the CPU (no GPU), so the figures are "software rendering on 2 cores":
 * compare ratios, not absolute numbers. Writes test-results/bench-browser.json.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { lexiconAnalyser, restoreSession, saveSession } from '../../src/core/runtime';
import { openBrowser } from '../browser/chromium';
import { loadStarterPack } from '../support/starterPack';
import { median, percentile, saveResults } from './report';
import { buildAndServe } from './serveBuild';

const RUNS = 7;

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

/** The desk's p95 may be this much above the bare page's (ms), and this share of its frames over 20 ms. */
const P95_MARGIN_MS = 1;
const SLOW_FRAME_MS = 20;
const SLOW_SHARE = 0.05;

/** Where the game keeps the trainee's current attempt (see `attemptStore.ts`). */
const ATTEMPT_KEYS = [
  'escalation-desk:attempt:current',
  'escalation-desk:attempt:a',
  'escalation-desk:attempt:b',
];

/** A trainee keeping waiting customers company, one line after another. */
const HOLDING_LINES = [
  'Thank you for waiting, I am looking into it for you right now.',
  'I understand, and I am sorry. Let me check that for you.',
  'Thanks for your patience, I am still on it and will update you shortly.',
];

/**
 * The stored attempt of a shift the game has just started, played on in Node to 15½ game minutes: every
 * 30 game seconds the trainee writes to each open chat, email and post (so they stay), and lets the
 * phone ring out. Restored first, so the Node pack must match the game's scenario versions exactly.
 */
function sixCustomerSave(stored: Record<string, string | null>): Record<string, string | null> {
  const slotKey = stored[ATTEMPT_KEYS[0] as string] === 'b' ? ATTEMPT_KEYS[2] : ATTEMPT_KEYS[1];
  const attempt = JSON.parse(stored[slotKey as string] ?? 'null') as { save: string } | null;
  if (!attempt) throw new Error('The game stored no attempt for the shift it started.');
  const restored = restoreSession(attempt.save, loadStarterPack().scenarios, lexiconAnalyser);
  if (!restored.ok) throw new Error(`The game's attempt does not restore: ${restored.problems[0]?.message}`);
  const session = restored.value.session;
  let said = 0;
  while (session.now < 15.5 * 60_000) {
    for (const c of session.context.contacts) {
      if (c.status !== 'open' || c.channel === 'phone') continue;
      const text = HOLDING_LINES[said++ % HOLDING_LINES.length] as string;
      session.send({
        type: 'trainee.intent',
        intent: { type: 'reply', at: session.now, contact: c.id, text, choice: null, language: 'en' },
      });
    }
    session.send({ type: 'clock.advance', ms: 30_000 });
  }
  const contacts = session.context.contacts;
  if (contacts.length !== 6 || contacts.filter((c) => c.status === 'open').length < 3 || session.isOver)
    throw new Error('The scripted shift did not reach six customers with conversations open.');
  return { ...stored, [slotKey as string]: JSON.stringify({ ...attempt, save: saveSession(session) }) };
}

/**
 * Opens `base` in `page` with `stored` as the trainee's current attempt, resumes it, and waits until the
 * desk shows six customers, at least three of them open.
 */
async function resumeDesk(page: Page, base: string, stored: Record<string, string | null>): Promise<void> {
  await page.goto(base);
  await page.waitForFunction(() => document.body.dataset.scene === 'menu', null, { timeout: 60_000 });
  await page.evaluate((entries) => {
    for (const [key, value] of Object.entries(entries))
      if (value === null) localStorage.removeItem(key);
      else localStorage.setItem(key, value);
  }, stored);
  await page.reload();
  await page.waitForFunction(() => document.body.dataset.scene === 'menu', null, { timeout: 60_000 });
  await page.getByRole('button', { name: 'Resume' }).click();
  await page.waitForFunction(() => document.body.dataset.scene === 'desk', null, { timeout: 60_000 });
  await page.waitForFunction(
    () =>
      document.querySelectorAll('.queue-item').length === 6 &&
      document.querySelectorAll('.queue-item.status-open').length >= 3,
    null,
    { timeout: 30_000 },
  );
  // The portraits load after the desk opens; let them in before measuring.
  await page.waitForTimeout(1000);
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

const loadStart = loadavg()[0] ?? 0;
const server = await buildAndServe();
const base = server.base;
const bare = `${base}bench/bare-phaser.html`;

const load = { game: [] as number[], bare: [] as number[] };
/** Navigation to the first moment the page is free after the mark (see `NOTE_FREE`). */
const free = { game: [] as number[], bare: [] as number[] };
const frames = { game: [] as number[], bare: [] as number[] };
try {
  /** A fresh browser on `page`'s address, its times to the `mark` (and to the first free moment after) noted. */
  const opened = async (page: 'game' | 'bare', mark: string) => {
    const browser = await openBrowser();
    await browser.page.addInitScript(NOTE_FREE);
    await browser.page.goto(page === 'game' ? base : bare);
    load[page].push(await markTime(browser.page, mark));
    free[page].push(await markTime(browser.page, `${mark}-free`));
    return browser;
  };
  /** One fresh browser on the bare page: its time to its scene (and, the first time, its frames). */
  const measureBare = async (run: number) => {
    const browser = await opened('bare', 'scene-only');
    if (run === 0) frames.bare.push(...(await frameTimes(browser.page, 5000)));
    await browser.close();
  };
  /** One fresh browser on the game: its time to the menu (and, the first time, the desk's frames). */
  const measureGame = async (run: number) => {
    const browser = await opened('game', 'scene-menu');
    // The game starts the shift, so its seed and versions are the game's own.
    let stored: Record<string, string | null> | null = null;
    if (run === 0) {
      await browser.page.getByRole('button', { name: 'Start shift' }).click();
      await browser.page.waitForFunction(() => document.body.dataset.scene === 'desk');
      stored = await browser.page.evaluate(
        (keys) => Object.fromEntries(keys.map((k) => [k, localStorage.getItem(k)])),
        ATTEMPT_KEYS,
      );
    }
    await browser.close();
    if (stored) {
      // A browser of its own (the one that started it is closed, so nothing else runs) resumes the
      // shift 15½ game minutes on, where it is measured.
      const desk = await openBrowser();
      try {
        await resumeDesk(desk.page, base, sixCustomerSave(stored));
        frames.game.push(...(await frameTimes(desk.page, 5000)));
      } finally {
        await desk.close();
      }
    }
  };
  // The two pages take turns at going first, so neither always meets the browser or the preview server
  // in the same state: with the bare page always first, the game's ratio read 1.41-1.54x, against
  // 1.18x when alternated (8 pairs each way, the same build).
  for (let run = 0; run < RUNS; run += 1) {
    if (run % 2 === 0) {
      await measureBare(run);
      await measureGame(run);
    } else {
      await measureGame(run);
      await measureBare(run);
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
const deskP95 = percentile(frames.game, 0.95);
const bareP95 = percentile(frames.bare, 0.95);
const shareOver = (list: readonly number[]) =>
  list.filter((ms) => ms > SLOW_FRAME_MS).length / Math.max(1, list.length);
const slowShare = shareOver(frames.game);
const result = {
  bundleGzipBytes: sizes,
  timeToInteractiveMenuMs: { game: gameTti, bare: bareTti, ratio: gameTti / bareTti, target: '≤ 1.15x' },
  timeToFreeAfterMenuMs: { game: gameFree, bare: bareFree, ratio: gameFree / bareFree },
  frameTimes: {
    what: 'desk during a six-customer shift (five open, portraits in the office) against the bare page',
    deskP95Ms: deskP95,
    bareP95Ms: bareP95,
    p95AboveBareMs: deskP95 - bareP95,
    p95Target: `≤ ${P95_MARGIN_MS} ms above the bare page`,
    p95Met: deskP95 - bareP95 <= P95_MARGIN_MS,
    deskShareOver20Ms: slowShare,
    shareTarget: `< ${SLOW_SHARE * 100}% of frames over ${SLOW_FRAME_MS} ms`,
    shareMet: slowShare < SLOW_SHARE,
    deskFrames: frames.game.length,
    bareFrames: frames.bare.length,
    // For reading the figures: the bare page's own share, and how busy the machine was (two cores).
    bareShareOver20Ms: shareOver(frames.bare),
    loadAverage1m: { atStart: loadStart, atEnd: loadavg()[0] },
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
  `first free moment after it: game ${gameFree.toFixed(0)} ms, bare Phaser page ${bareFree.toFixed(0)} ms, ratio ${(gameFree / bareFree).toFixed(2)}x (target ≤ 1.15x)`,
);
console.log(
  `frame time p95: desk (six-customer shift, office animating) ${deskP95.toFixed(1)} ms, bare page ${bareP95.toFixed(1)} ms, difference ${(deskP95 - bareP95).toFixed(1)} ms (target ≤ ${P95_MARGIN_MS} ms: ${deskP95 - bareP95 <= P95_MARGIN_MS ? 'met' : 'missed'})`,
);
console.log(
  `desk frames over ${SLOW_FRAME_MS} ms: ${(slowShare * 100).toFixed(1)}% of ${frames.game.length} (target < ${SLOW_SHARE * 100}%: ${slowShare < SLOW_SHARE ? 'met' : 'missed'}); bare page ${(shareOver(frames.bare) * 100).toFixed(1)}%; load average ${loadStart.toFixed(1)} → ${(loadavg()[0] ?? 0).toFixed(1)}`,
);
saveResults('bench-browser', RUNS, result);
