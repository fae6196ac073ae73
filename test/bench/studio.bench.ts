/**
 * The trainer's studio in Node: what its worker does after each burst of typing (the debounce sends one
 * check per pause), on the largest shipped scenario (over 500 lines) opened with its playthroughs, each
 * burst a different edit. Against a baseline from the same run: reading the same files' YAML alone,
 * the least any check does. Target: under 100 ms per burst. Prints a table and writes
 * test-results/bench-studio.json. Not yet part of `npm run bench`.
 */
import { readFileSync } from 'node:fs';
import { readYaml } from '../../src/core/scenario/readYaml';
import {
  CheckMemo,
  handleStudioMessage,
  type StudioFile,
  type StudioWorkerState,
} from '../../src/studio/checkFiles';
import { loadStarterPack, playthroughFiles, scenarioFiles } from '../support/starterPack';
import { type BenchRow, median, printTable, row, saveResults } from './report';

const RUNS = 15;
const check = loadStarterPack();
const state: StudioWorkerState = {
  library: { pack: check.pack, scenarios: check.scenarios, shifts: check.shifts },
  memo: new CheckMemo(),
};

const largest = scenarioFiles()
  .map((file) => ({ file, text: readFileSync(file, 'utf8') }))
  .sort((a, b) => b.text.split('\n').length - a.text.split('\n').length)[0];
if (!largest) throw new Error('no shipped scenario');
const stem = largest.file.replace(/\.yaml$/, '.');
const playthroughs = playthroughFiles()
  .filter((f) => f.startsWith(stem))
  .map((f) => ({ name: f, text: readFileSync(f, 'utf8') }));
const lines = largest.text.split('\n').length;

/** The open files after burst `i`: a different word typed into the scenario's title each time. */
const burst = (i: number): StudioFile[] => [
  { name: largest.file, text: largest.text.replace(/^( {2}en: )/m, `$1Draft ${i} `) },
  ...playthroughs,
];

const time = (run: () => void) => {
  const started = performance.now();
  run();
  return performance.now() - started;
};
// Warm up: the first check compiles the schemas and fills the analyser's caches.
handleStudioMessage(state, { kind: 'check', id: 0, files: burst(0) });
const checkMs = median(
  Array.from({ length: RUNS }, (_, i) =>
    time(() => {
      const answer = handleStudioMessage(state, { kind: 'check', id: i + 1, files: burst(i + 1) });
      if (answer?.kind !== 'checked' || answer.check.problems.some((p) => p.severity === 'error'))
        throw new Error(`the check failed: ${JSON.stringify(answer).slice(0, 300)}`);
    }),
  ),
);
const readMs = median(
  Array.from({ length: RUNS }, (_, i) =>
    time(() => {
      for (const f of burst(i + 1)) if (!readYaml(f.text, f.name).ok) throw new Error('unreadable');
    }),
  ),
);
/** The open files after burst `i` in the first playthrough: the scenario is as the last check left it. */
const playthroughBurst = (i: number): StudioFile[] => [
  { name: largest.file, text: largest.text },
  ...playthroughs.map((p, n) =>
    n === 0 ? { ...p, text: p.text.replace(/^title: /m, `title: Draft ${i} `) } : p,
  ),
];
handleStudioMessage(state, { kind: 'check', id: 0, files: playthroughBurst(0) });
const playthroughMs = median(
  Array.from({ length: RUNS }, (_, i) =>
    time(() => {
      const answer = handleStudioMessage(state, { kind: 'check', id: i + 1, files: playthroughBurst(i + 1) });
      if (answer?.kind !== 'checked') throw new Error('the check failed');
    }),
  ),
);
const results: Record<string, BenchRow> = {
  'check per burst': row(
    checkMs,
    readMs,
    `${largest.file} (${lines} lines) with ${playthroughs.length} playthroughs: compile, check, playthroughs' references (target < 100 ms)`,
  ),
  'playthrough burst': row(
    playthroughMs,
    readMs,
    'the same files, typing in a playthrough: the unchanged scenario is not compiled again',
  ),
};
printTable(
  `Studio benchmark, median of ${RUNS} runs (Node ${process.version})`,
  { ms: 'ms', baseline: 'YAML only ms' },
  results,
);
saveResults('bench-studio', RUNS, results);
console.log(
  `target: a burst under 100 ms (${checkMs < 100 ? 'met' : 'missed'}: ${checkMs.toFixed(1)} ms; on a shared machine, read the ratio too)`,
);
