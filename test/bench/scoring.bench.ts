/**
 * `npm run bench` (second part): scoring performance, each figure against a baseline measured in the
 * same run, so the ratios hold on any machine. Prints a table and writes test-results/bench-scoring.json.
 *
 * - analyser: every labelled reply (640, English and Spanish) analysed in context, against one
 *   lower-casing and one keyword regular expression over the same reply (the least any word-based
 *   analyser does);
 * - analyser 2000ch: the longest reply the desk accepts, with no punctuation (the worst case);
 * - score, scorecard, verify: scoring a one-hour, 20-contact shift (a fold over its log), building its
 *   scorecard (score and hash chain), and verifying that (hash chain, replay, rescoring), each against
 *   replaying the same transcript alone;
 * - verify ×1000: parsing and verifying 1,000 practice scorecards from JSON text, against replaying
 *   their 1,000 transcripts alone.
 */
import { analyseReply } from '../../src/core/analysis/analyseReply';
import { lexiconAnalyser } from '../../src/core/analysis/lexiconAnalyser';
import { replayTranscript } from '../../src/core/engine/replayTranscript';
import { parseScorecard } from '../../src/core/scoring/readScorecard';
import { scoreAttempt } from '../../src/core/scoring/scoreAttempt';
import { createScorecard, scorecardToJson, transcriptOf } from '../../src/core/scoring/scorecard';
import { verifyScorecard } from '../../src/core/scoring/verifyScorecard';
import { labelledReplies } from '../support/evaluateAnalyser';
import { playedScorecard } from '../support/playedScorecard';
import { loadStarterPack, playthroughFiles } from '../support/starterPack';
import { playHour } from './hourShift';
import { type BenchRow, median, printTable, row, saveResults } from './report';

const RUNS = 7;
const { scenarios } = loadStarterPack();

function time(run: () => void): number {
  const started = performance.now();
  run();
  return performance.now() - started;
}

const results: Record<string, BenchRow> = {};

// Analyser: each reply with the earlier replies to the same customer as context, as in a conversation.
const replies = ['en', 'es'].flatMap((language) =>
  labelledReplies(language).map((r, i, all) => ({
    text: r.text,
    context: {
      language,
      customerName: r.customer,
      previous: all.slice(Math.max(0, i - 3), i).map((p) => p.text),
      now: i * 60_000,
    },
  })),
);
const keyword = /\b(?:sorry|thank|understand|siento|gracias|entiendo)\b/u;
for (let i = 0; i < 3; i += 1) for (const r of replies) analyseReply(r.text, r.context);
const analyserMs = median(
  Array.from({ length: RUNS }, () =>
    time(() => {
      for (const r of replies) analyseReply(r.text, r.context);
    }),
  ),
);
const keywordMs =
  median(
    Array.from({ length: RUNS }, () =>
      time(() => {
        for (let round = 0; round < 20; round += 1)
          for (const r of replies) keyword.test(r.text.toLowerCase());
      }),
    ),
  ) / 20;
const perReply = analyserMs / replies.length;
results.analyser = row(
  analyserMs,
  keywordMs,
  `${replies.length} replies, ${(perReply * 1000).toFixed(1)} µs per reply (target < 200 µs)`,
);

// The longest reply the desk accepts (2,000 characters), with no punctuation to split it.
const long = 'I understand and I will check this for you '.repeat(50).slice(0, 2000);
const longContext = { language: 'en', customerName: 'Dana Whitfield', previous: [] };
const longMs = median(Array.from({ length: RUNS }, () => time(() => analyseReply(long, longContext))));
const longBaseline =
  median(
    Array.from({ length: RUNS }, () =>
      time(() => {
        for (let i = 0; i < 100; i += 1) keyword.test(long.toLowerCase());
      }),
    ),
  ) / 100;
results['analyser 2000ch'] = row(
  longMs,
  longBaseline,
  'one 2,000-character reply without punctuation, the longest the desk accepts',
);

// One hour of shift: score it (a fold over its log), make its scorecard (score and hash chain), and
// verify that (chain, replay, rescore), each against replaying the same transcript alone.
const RUNS_HOUR = 21;
const hour = playHour(scenarios).session.transcript;
const info = {
  trainee: { name: 'Bench', id: 'bench' },
  attemptId: 'bench',
  language: 'en',
  finishedAt: null,
};
const options = { analyser: lexiconAnalyser };
const made = createScorecard(hour, scenarios, info);
for (let i = 0; i < 5; i += 1) {
  scoreAttempt(scenarios, hour);
  verifyScorecard(made, scenarios, options);
  replayTranscript(hour, scenarios, lexiconAnalyser);
}
const replayMs = median(
  Array.from({ length: RUNS_HOUR }, () => time(() => replayTranscript(hour, scenarios, lexiconAnalyser))),
);
const scoreMs = median(Array.from({ length: RUNS_HOUR }, () => time(() => scoreAttempt(scenarios, hour))));
results.score = row(
  scoreMs,
  replayMs,
  `the hour's ${made.score.contacts.length} contacts scored from its ${hour.entries.length} log entries (target < 5 ms)`,
);
const cardMs = median(
  Array.from({ length: RUNS_HOUR }, () => time(() => createScorecard(hour, scenarios, info))),
);
results.scorecard = row(cardMs, replayMs, 'the score and the hash chain of the log');
const verifyMs = median(
  Array.from({ length: RUNS_HOUR }, () =>
    time(() => {
      const verdict = verifyScorecard(made, scenarios, options);
      if (!verdict.ok) throw new Error(`the hour does not verify: ${verdict.problems[0]?.message}`);
    }),
  ),
);
results.verify = row(verifyMs, replayMs, 'hash chain, replay and rescore (target at most 1.3x the replay)');

// A manager's inbox: 1,000 practice scorecards, as JSON text.
const practice = playthroughFiles()
  .filter((f) => !f.includes('/shifts/'))
  .map((f) => scorecardToJson(playedScorecard(f)));
const inbox = Array.from({ length: 1000 }, (_, i) => practice[i % practice.length] ?? '');
const verifyAll = () => {
  for (const text of inbox) {
    const parsed = parseScorecard(text, 'inbox.json');
    if (!parsed.ok || !verifyScorecard(parsed.value, scenarios, { analyser: lexiconAnalyser }).ok)
      throw new Error('unverified');
  }
};
verifyAll();
const inboxMs = median(Array.from({ length: 3 }, () => time(verifyAll)));
const transcripts = inbox.map((text) => {
  const parsed = parseScorecard(text, 'inbox.json');
  if (!parsed.ok || !parsed.value.current) throw new Error('bad scorecard');
  return transcriptOf(parsed.value.scorecard);
});
const replayAllMs = median(
  Array.from({ length: 3 }, () =>
    time(() => {
      for (const t of transcripts) replayTranscript(t, scenarios, lexiconAnalyser);
    }),
  ),
);
results['verify x1000'] = row(
  inboxMs,
  replayAllMs,
  `${(inboxMs / 1000).toFixed(2)} ms per scorecard, parse + chain + replay + rescore (target < 3 s)`,
);

printTable(
  `Scoring benchmark, median of ${RUNS} runs (3 for x1000; Node ${process.version})`,
  { ms: 'ms', baseline: 'baseline ms' },
  results,
);
saveResults('bench-scoring', RUNS, results);
