/**
 * `npm run bench` (third part): the manager's review in Node, each figure against a baseline from the
 * same run. Prints a table and writes test-results/bench-manager.json.
 *
 * - team table: the rows of 200 trainees from 5,000 attempts, filtered and sorted, as one interaction
 *   (target under 100 ms), against grouping the same attempts by trainee alone (the least any such table
 *   does);
 * - import ×1000: reading 1,000 practice scorecards as a manager's files and verifying each (what the
 *   page's worker does), against replaying their transcripts alone.
 */
import { lexiconAnalyser } from '../../src/core/analysis/lexiconAnalyser';
import { replayTranscript } from '../../src/core/engine/replayTranscript';
import { createScorecard, type Scorecard } from '../../src/core/scoring/scorecard';
import { importScorecards } from '../../src/manager/importScorecards';
import { type Attempt, filterRows, NO_FILTER, sortRows, teamRows, traineeKey } from '../../src/manager/team';
import { trustOf } from '../../src/manager/trust';
import { playThrough } from '../support/playedScorecard';
import { loadStarterPack, playthroughFiles } from '../support/starterPack';
import { type BenchRow, median, printTable, row, saveResults } from './report';

const RUNS = 7;
const { scenarios } = loadStarterPack();
const time = (run: () => void) => {
  const started = performance.now();
  run();
  return performance.now() - started;
};
const results: Record<string, BenchRow> = {};

// 5,000 attempts by 200 trainees, made from the shipped practice playthroughs.
const played = playthroughFiles()
  .filter((f) => f.includes('scenarios/level-'))
  .map((f) => playThrough(f));
const practice = played.map(({ transcript, run }) =>
  createScorecard(transcript, scenarios, {
    trainee: { name: 'Trainee', id: 'trainee' },
    attemptId: 'attempt',
    language: run.language,
    finishedAt: null,
  }),
);
const attempts: Attempt[] = Array.from({ length: 5000 }, (_, i) => {
  const base = practice[i % practice.length] as Scorecard;
  const card: Scorecard = {
    ...base,
    trainee: { name: `Trainee ${i % 200}`, id: `trainee-${i % 200}` },
    attempt: {
      ...base.attempt,
      id: `attempt-${i}`,
      finishedAt: new Date(Date.UTC(2026, 10, 1) + i * 3_600_000).toISOString(),
    },
  };
  return {
    hash: `h${i}`,
    read: { current: true, scorecard: card },
    trust: 'verified',
    fields: [],
    file: 'bench.jsonl',
  };
});
const info = (id: string) => scenarios.find((s) => s.id === id);
const interaction = () => {
  const rows = teamRows(attempts, info);
  if (sortRows(filterRows(rows, { ...NO_FILTER, name: 'trainee 1' }), 'empathy', true).length === 0)
    throw new Error('empty');
};
interaction();
const tableMs = median(Array.from({ length: RUNS }, () => time(interaction)));
const groupMs = median(
  Array.from({ length: RUNS }, () =>
    time(() => {
      const groups = new Map<string, Attempt[]>();
      for (const a of attempts) groups.set(traineeKey(a), [...(groups.get(traineeKey(a)) ?? []), a]);
    }),
  ),
);
results['team table'] = row(
  tableMs,
  groupMs,
  `200 trainees, 5,000 attempts: rows, filter and sort (target < 100 ms)`,
);

// 1,000 honest scorecards (each its own attempt, so none is a duplicate), imported and verified.
const inbox = Array.from({ length: 1000 }, (_, i) => {
  const { transcript, run } = played[i % played.length] as (typeof played)[number];
  const card = createScorecard(transcript, scenarios, {
    trainee: { name: `Trainee ${i % 200}`, id: `trainee-${i % 200}` },
    attemptId: `a${i}`,
    language: run.language,
    finishedAt: null,
  });
  return { name: `card-${i}.json`, text: JSON.stringify(card) };
});
const importAll = () => {
  for (const a of importScorecards(inbox).accepted)
    if (trustOf(a.read, scenarios, lexiconAnalyser).trust !== 'verified')
      throw new Error(
        `unverified: ${a.file} ${JSON.stringify(trustOf(a.read, scenarios, lexiconAnalyser)).slice(0, 300)}`,
      );
};
const importMs = median(Array.from({ length: 3 }, () => time(importAll)));
const transcripts = played.map((p) => p.transcript);
const replayMs = median(
  Array.from({ length: 3 }, () =>
    time(() => {
      for (let i = 0; i < 1000; i += 1)
        replayTranscript(transcripts[i % transcripts.length] as never, scenarios, lexiconAnalyser);
    }),
  ),
);
results['import x1000'] = row(
  importMs,
  replayMs,
  `${(importMs / 1000).toFixed(2)} ms per scorecard: read, dedupe, chain, replay, rescore`,
);

printTable(
  `Manager benchmark, median of ${RUNS} runs (3 for x1000; Node ${process.version})`,
  { ms: 'ms', baseline: 'baseline ms' },
  results,
);
saveResults('bench-manager', RUNS, results);
