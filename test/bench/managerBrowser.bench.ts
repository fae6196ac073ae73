/**
 * `npm run bench` (fourth part): the manager's review in headless Chromium, each figure against the
 * same work done in Node in the same run. Prints a table and writes test-results/bench-manager-browser.json.
 *
 * - import ×1000: a folder of 1,000 practice scorecards (one file each, as the game's "Export scorecard"
 *   writes them) picked in "Import scorecards" of a fresh browser, timed in the page from the input's
 *   change to the first paint after the summary (target under 3 s), against reading the same files
 *   and verifying them in Node. Where the time goes is timed too, from marks an init script sets
 *   around the page's worker and its IndexedDB transaction (src/ is not touched);
 * - import ×5000: 200 trainees' "Export my attempts" bundles, 5,000 attempts, once, to fill the team
 *   table (timed by step; no Node baseline, which would add half a minute);
 * - team table: with those 5,000 attempts, sorting by a column, typing in the name filter and
 *   toggling "Verified only", each timed in the page from the event to the end of the next frame's
 *   paint work (target under 100 ms), against the rows, filter and sort alone in Node;
 * - bundle: the gzip size of every script the page loads, its worker's included, none of them Phaser.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { lexiconAnalyser } from '../../src/core/analysis/lexiconAnalyser';
import {
  createScorecard,
  type Scorecard,
  scorecardToJson,
  traineeIdFromName,
} from '../../src/core/scoring/scorecard';
import { importScorecards } from '../../src/manager/importScorecards';
import type { ImportFile } from '../../src/manager/importShares';
import {
  type Attempt,
  filterRows,
  NO_FILTER,
  sortRows,
  type TeamFilter,
  teamRows,
} from '../../src/manager/team';
import { trustOf } from '../../src/manager/trust';
import { openBrowser } from '../browser/chromium';
import { playThrough } from '../support/playedScorecard';
import { loadStarterPack, playthroughFiles } from '../support/starterPack';
import { type BenchRow, median, printTable, row, saveResults } from './report';
import { buildAndServe } from './serveBuild';

const RUNS = 3;
/** Interactions of each kind on the 5,000-attempt table; even, so each toggle ends where it began. */
const INTERACTIONS = 8;
const TEAM = 200;
const ATTEMPTS = 5000;

const { scenarios } = loadStarterPack();
const played = playthroughFiles()
  .filter((f) => f.includes('scenarios/level-'))
  .map((f) => playThrough(f));

/**
 * Attempt `i` of the team: a shipped practice playthrough, by trainee `i` mod 200, an hour after
 * attempt `i - 1`. Real scorecards, each its own attempt, so none is a duplicate.
 */
function practiceScorecard(i: number): Scorecard {
  const { transcript, run } = played[i % played.length] as (typeof played)[number];
  const name = `Trainee ${i % TEAM}`;
  return createScorecard(transcript, scenarios, {
    trainee: { name, id: traineeIdFromName(name) },
    attemptId: `attempt-${i}`,
    language: run.language,
    finishedAt: new Date(Date.UTC(2026, 10, 1) + i * 3_600_000).toISOString(),
  });
}

/** The files in a folder of their own, as a manager would pick them. */
function writeFolder(files: readonly ImportFile[]): { dir: string; paths: string[] } {
  const dir = mkdtempSync(join(tmpdir(), 'escalation-desk-scorecards-'));
  const paths = files.map((f) => {
    const path = join(dir, f.name);
    writeFileSync(path, f.text);
    return path;
  });
  return { dir, paths };
}

const ms = (n: number) => `${n.toFixed(0)} ms`;
const time = (run: () => void) => {
  const started = performance.now();
  run();
  return performance.now() - started;
};

/**
 * Marks the page's import as it goes, in page time: the file input's change; the worker made (every
 * file read) and the request posted to it; its first and last progress and its answer; the IndexedDB
 * transaction, its last put and its commit; the summary on the page; and the end of the paint work
 * of the frame after it. Source text, because tsx would wrap functions with a helper the page lacks.
 */
const IMPORT_MARKS = `(() => {
  const bench = (window.__bench = { marks: {} });
  const mark = (name, again) => {
    if (again || bench.marks[name] === undefined) bench.marks[name] = performance.now();
  };
  const afterPaint = (name) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => mark(name);
      channel.port2.postMessage(0);
    });
  document.addEventListener('change', (event) => {
    if (event.target instanceof HTMLInputElement && event.target.type === 'file') {
      bench.marks = {};
      mark('picked');
    }
  }, true);
  const PageWorker = window.Worker;
  window.Worker = class extends PageWorker {
    constructor(url, options) {
      mark('filesRead');
      super(url, options);
      this.addEventListener('message', (event) => {
        if (event.data.type !== 'progress') mark('answered');
        else {
          mark('firstProgress');
          if (event.data.done === event.data.total) mark('allChecked');
        }
      });
    }
    postMessage(message, transfer) {
      super.postMessage(message, transfer);
      mark('posted');
    }
  };
  const transaction = IDBDatabase.prototype.transaction;
  IDBDatabase.prototype.transaction = function (stores, mode, options) {
    const tx = transaction.call(this, stores, mode, options);
    if (mode === 'readwrite' && bench.marks.picked !== undefined) {
      mark('storing');
      tx.addEventListener('complete', () => mark('stored'));
    }
    return tx;
  };
  const put = IDBObjectStore.prototype.put;
  IDBObjectStore.prototype.put = function (...args) {
    const request = put.apply(this, args);
    if (bench.marks.storing !== undefined) mark('putsIssued', true);
    return request;
  };
  new MutationObserver(() => {
    if (bench.marks.picked !== undefined && bench.marks.summary === undefined && document.querySelector('p.summary')) {
      mark('summary');
      afterPaint('painted');
    }
  }).observe(document, { childList: true, subtree: true });
})();`;

type Marks = Record<
  | 'picked'
  | 'filesRead'
  | 'posted'
  | 'firstProgress'
  | 'allChecked'
  | 'answered'
  | 'storing'
  | 'putsIssued'
  | 'stored'
  | 'summary'
  | 'painted',
  number
>;

interface Bench {
  readonly __bench: { readonly marks: Partial<Marks> };
}

/** The import's steps, in ms, from the marks. */
function phases(m: Marks) {
  return {
    readFiles: m.filesRead - m.picked,
    postToWorker: m.posted - m.filesRead,
    workerStartAndRead: m.firstProgress - m.posted,
    workerVerify: m.allChecked - m.firstProgress,
    answerBack: m.answered - m.allChecked,
    beforeStore: m.storing - m.answered,
    indexedDbPut: m.putsIssued - m.storing,
    indexedDbCommit: m.stored - m.putsIssued,
    readForTableAndDraw: m.summary - m.stored,
    paint: m.painted - m.summary,
    total: m.painted - m.picked,
  };
}

async function openManager(page: Page, base: string): Promise<void> {
  await page.addInitScript(IMPORT_MARKS);
  await page.goto(`${base}manager.html`);
  await page.waitForFunction(() => document.body.dataset.page === 'manager', null, { timeout: 30_000 });
}

/** Picks the files in "Import scorecards" and waits for the page to paint its summary. */
async function importFolder(page: Page, paths: readonly string[], scorecards: number): Promise<Marks> {
  await page.getByLabel('Import scorecards').setInputFiles([...paths]);
  // A function, not source text: the page's CSP refuses eval, which waitForFunction uses for text.
  await page.waitForFunction(() => (window as unknown as Bench).__bench.marks.painted !== undefined, null, {
    timeout: 300_000,
    polling: 250,
  });
  const summary = await page.locator('p.summary').textContent();
  const expected = `Added: ${scorecards}. Already here: 0. Rejected: 0.`;
  if (summary !== expected) throw new Error(`The import said "${summary}", not "${expected}".`);
  // Each trainee's row ends with "N of M" verified; the table shows the first 50 until asked for all.
  const all = page.getByRole('button', { name: /^Show all \d+ trainees$/ });
  if ((await all.count()) > 0) await all.click();
  const verified = (await page.locator('table.team tbody tr td:last-child').allTextContents()).reduce(
    (n, text) => n + Number(/^(\d+) of/.exec(text)?.[1] ?? 0),
    0,
  );
  if (verified !== scorecards) throw new Error(`${verified} of ${scorecards} scorecards verified.`);
  // Back to the table as a manager first sees it, for the interactions timed after.
  const fewer = page.getByRole('button', { name: /^Show only the first \d+$/ });
  if ((await fewer.count()) > 0) await fewer.click();
  return page.evaluate('window.__bench.marks');
}

/** One table interaction, timed in the page: its handler, and the end of the next frame's paint work. */
type Interaction = 'sort' | 'name' | 'verified';
const INTERACT = `(kind) => new Promise((resolve) => {
  const sort = document.querySelector('table.team button.sort[aria-label="Sort by Empathy"]');
  const name = document.querySelector('fieldset.filters input[type="search"]');
  const verified = document.querySelector('fieldset.filters input[type="checkbox"]');
  if (!sort || !name || !verified) throw new Error('The table or its filters are missing.');
  const started = performance.now();
  if (kind === 'sort') sort.click();
  else if (kind === 'verified') verified.click();
  else {
    name.value = name.value === '' ? 'trainee 1' : '';
    name.dispatchEvent(new Event('input', { bubbles: true }));
  }
  const handled = performance.now() - started;
  requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve({ handled, painted: performance.now() - started });
    channel.port2.postMessage(0);
  });
})`;

async function interact(page: Page, kind: Interaction): Promise<{ handled: number; painted: number }> {
  return page.evaluate(`(${INTERACT})(${JSON.stringify(kind)})`);
}

/** Every script the page fetched (its worker's too), by file under dist/assets. */
function scriptsOf(urls: Iterable<string>): string[] {
  return [...new Set([...urls].flatMap((url) => url.match(/\/assets\/([^/?#]+\.js)(?:[?#]|$)/)?.[1] ?? []))];
}

// ---- The files: 1,000 single scorecards, and the team's 5,000 attempts as each trainee's export.
const cards = Array.from({ length: ATTEMPTS }, (_, i) => practiceScorecard(i));
const inbox = cards
  .slice(0, 1000)
  .map((card) => ({ name: `scorecard-${card.attempt.id}.json`, text: scorecardToJson(card) }));
/**
 * 200 "Export my attempts" bundles (JSON Lines, one scorecard a line, oldest first): how a team's
 * history arrives, and half the bytes of 5,000 pretty-printed files (those took 97 s to import in
 * Chromium on this two-core machine, these about 50 s).
 */
const bundles = Array.from({ length: TEAM }, (_, trainee) => ({
  name: `escalation-desk-attempts-trainee-${trainee}.jsonl`,
  text: cards
    .filter((_, i) => i % TEAM === trainee)
    .map((card) => `${JSON.stringify(card)}\n`)
    .join(''),
}));
const small = writeFolder(inbox);
const large = writeFolder(bundles);

/** Reads the folder, then does what the worker's `verifyFiles` does, in its two steps so each is timed. */
function nodeImport(paths: readonly string[]) {
  const started = performance.now();
  const files = paths.map((p) => ({ name: p.slice(p.lastIndexOf('/') + 1), text: readFileSync(p, 'utf8') }));
  const read = performance.now();
  const { accepted } = importScorecards(files);
  const parsed = performance.now();
  for (const a of accepted)
    if (trustOf(a.read, scenarios, lexiconAnalyser).trust !== 'verified')
      throw new Error(`${a.file} differs`);
  const verified = performance.now();
  return {
    readFiles: read - started,
    parse: parsed - read,
    verify: verified - parsed,
    total: verified - started,
  };
}

// ---- Chromium, each import right after the same import in Node, so both meet the same machine.
const server = await buildAndServe();
const base = server.base;

const nodeRuns: ReturnType<typeof nodeImport>[] = [];
const smallImports: Marks[] = [];
const drawAt1000: number[] = [];
const scripts = { load: [] as string[], import: [] as string[] };
let largeImport: Marks | null = null;
const interactions: Record<Interaction, { handled: number; painted: number }[]> = {
  sort: [],
  name: [],
  verified: [],
};
try {
  for (let run = 0; run < RUNS; run += 1) {
    nodeRuns.push(nodeImport(small.paths));
    const browser = await openBrowser();
    try {
      const urls: string[] = [];
      browser.context.on('request', (r) => urls.push(r.url()));
      await openManager(browser.page, base);
      const loaded = urls.length;
      smallImports.push(await importFolder(browser.page, small.paths, inbox.length));
      if (run === 0) {
        scripts.load = scriptsOf(urls.slice(0, loaded));
        scripts.import = scriptsOf(urls.slice(loaded)).filter((s) => !scripts.load.includes(s));
      }
      // A full draw with 1,000 attempts listed: the part of the import's last step that is not reading.
      drawAt1000.push((await interact(browser.page, 'sort')).handled);
      if (browser.errors.length > 0) throw new Error(browser.errors.join('\n'));
      console.log(
        `import x1000, run ${run + 1}: Chromium ${ms(phases(smallImports.at(-1) as Marks).total)}, Node ${ms(nodeRuns.at(-1)?.total ?? 0)}`,
      );
    } finally {
      await browser.close();
    }
  }
  const browser = await openBrowser();
  try {
    await openManager(browser.page, base);
    largeImport = await importFolder(browser.page, large.paths, ATTEMPTS);
    for (let i = 0; i < INTERACTIONS; i += 1)
      for (const kind of ['sort', 'name', 'verified'] as const)
        interactions[kind].push(await interact(browser.page, kind));
    if (browser.errors.length > 0) throw new Error(browser.errors.join('\n'));
  } finally {
    await browser.close();
  }
} finally {
  await server.close();
  rmSync(small.dir, { recursive: true, force: true });
  rmSync(large.dir, { recursive: true, force: true });
}

// The table's pure work in Node, on the same 5,000 attempts: rows, filter and sort, as each draw does.
const attempts: Attempt[] = cards.map((card) => ({
  hash: card.attempt.id,
  read: { current: true, scorecard: card },
  trust: 'verified',
  fields: [],
  file: 'bench.jsonl',
}));
const info = (id: string) => scenarios.find((s) => s.id === id);
const nodeTable = (filter: TeamFilter, descending: boolean) =>
  median(
    Array.from({ length: INTERACTIONS }, () =>
      time(() => sortRows(filterRows(teamRows(attempts, info), filter), 'empathy', descending)),
    ),
  );
const nodeInteraction: Record<Interaction, number> = {
  sort: nodeTable(NO_FILTER, true),
  name: nodeTable({ ...NO_FILTER, name: 'trainee 1' }, false),
  verified: nodeTable({ ...NO_FILTER, verifiedOnly: true }, false),
};

// ---- The bundle: every script the page fetched, gzipped as a server would send it.
const all = [...scripts.load, ...scripts.import];
if (all.length === 0) throw new Error('The page fetched no scripts under assets/.');
const phaser = all.filter((s) => {
  const map = join('dist/assets', `${s}.map`);
  const sources = existsSync(map)
    ? (JSON.parse(readFileSync(map, 'utf8')) as { sources: string[] }).sources
    : [];
  return s.startsWith('phaser-') || sources.some((m) => /node_modules\/phaser\//.test(m));
});
if (phaser.length > 0) throw new Error(`The manager's page loads Phaser: ${phaser.join(', ')}`);
const gzip = (s: string) => gzipSync(readFileSync(join('dist/assets', s))).length;
const bundle = {
  onLoad: Object.fromEntries(scripts.load.map((s) => [s, gzip(s)])),
  onImport: Object.fromEntries(scripts.import.map((s) => [s, gzip(s)])),
  totalGzipBytes: all.reduce((n, s) => n + gzip(s), 0),
  phaser: false,
};

// ---- The figures.
const medianOf = <T>(list: readonly T[], pick: (x: T) => number) => median(list.map(pick));
const chromiumPhases = Object.fromEntries(
  Object.keys(phases(smallImports[0] as Marks)).map((k) => [
    k,
    medianOf(smallImports, (m) => phases(m)[k as keyof ReturnType<typeof phases>]),
  ]),
);
const nodePhases = {
  readFiles: medianOf(nodeRuns, (r) => r.readFiles),
  parse: medianOf(nodeRuns, (r) => r.parse),
  verify: medianOf(nodeRuns, (r) => r.verify),
  total: medianOf(nodeRuns, (r) => r.total),
};
const megabytes = (files: readonly ImportFile[]) => files.reduce((n, f) => n + f.text.length, 0) / 1e6;
const results: Record<string, BenchRow> = {
  'import x1000': row(
    chromiumPhases.total ?? 0,
    nodePhases.total,
    `a folder of 1,000 files (${megabytes(inbox).toFixed(1)} MB), change to summary painted (target < 3000 ms)`,
  ),
};
const large5000 = phases(largeImport as Marks);
for (const kind of ['sort', 'name', 'verified'] as const) {
  const label = {
    sort: 'Sort by Empathy',
    name: 'type "trainee 1" / clear',
    verified: 'toggle Verified only',
  }[kind];
  results[`table: ${kind}`] = row(
    medianOf(interactions[kind], (x) => x.painted),
    nodeInteraction[kind],
    `${label}; handler ${medianOf(interactions[kind], (x) => x.handled).toFixed(0)} ms, slowest ${Math.max(...interactions[kind].map((x) => x.painted)).toFixed(0)} ms (target < 100 ms)`,
  );
}

printTable(
  `Manager's review in Chromium, median of ${RUNS} fresh browsers (${INTERACTIONS} of each table interaction; Node ${process.version} baseline)`,
  { ms: 'Chromium ms', baseline: 'Node ms' },
  results,
);
const steps = (list: Record<string, number>) =>
  Object.entries(list)
    .map(([k, v]) => `${k} ${ms(v)}`)
    .join(', ');
const kb = (list: Record<string, number>) =>
  Object.entries(list)
    .map(([k, v]) => `${k} ${(v / 1024).toFixed(1)} KB`)
    .join(', ');
console.log(`import x1000 in Chromium, by step: ${steps(chromiumPhases)}`);
console.log(`  a full draw with 1,000 attempts listed: ${ms(median(drawAt1000))}`);
console.log(`import x1000 in Node, by step: ${steps(nodePhases)}`);
console.log(
  `import x${ATTEMPTS} in Chromium, once (${TEAM} bundles, ${megabytes(bundles).toFixed(1)} MB): ${steps(large5000)}`,
);
console.log(
  `manager page JavaScript (gzip), no Phaser: on load ${kb(bundle.onLoad)}; on import ${kb(bundle.onImport)}; total ${(bundle.totalGzipBytes / 1024).toFixed(1)} KB`,
);
saveResults('bench-manager-browser', RUNS, {
  ...results,
  importX1000Steps: { chromium: chromiumPhases, node: nodePhases, fullDrawAt1000Ms: median(drawAt1000) },
  importX5000Once: {
    chromium: large5000,
    trainees: TEAM,
    files: TEAM,
    megabytes: megabytes(bundles),
  },
  interactionsMs: interactions,
  bundleGzipBytes: bundle,
});
