/** What the benchmarks share: medians and percentiles, their table, and their JSON record. */
import { mkdirSync, writeFileSync } from 'node:fs';

/** One measured figure, its baseline from the same run, their ratio and a note. */
export interface BenchRow {
  readonly ms: number;
  readonly baselineMs: number;
  readonly ratio: number;
  readonly detail: string;
}

export function median(values: readonly number[]): number {
  return percentile(values, 0.5);
}

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;
}

/** A row from a figure and its baseline. */
export function row(ms: number, baselineMs: number, detail: string): BenchRow {
  return { ms, baselineMs, ratio: ms / baselineMs, detail };
}

/** Prints the results as a table under `title`, naming the two columns. */
export function printTable(
  title: string,
  columns: { readonly ms: string; readonly baseline: string },
  results: Readonly<Record<string, BenchRow>>,
): void {
  const width = Math.max(6, ...Object.keys(results).map((k) => k.length)) + 1;
  console.log(`\n${title}`);
  console.log(
    'what'.padEnd(width),
    columns.ms.padStart(12),
    columns.baseline.padStart(14),
    'ratio'.padStart(8),
    '  detail',
  );
  for (const [name, r] of Object.entries(results)) {
    console.log(
      name.padEnd(width),
      r.ms.toFixed(2).padStart(12),
      r.baselineMs.toFixed(2).padStart(14),
      `${r.ratio.toFixed(2)}x`.padStart(8),
      ` ${r.detail}`,
    );
  }
}

/** Writes the results to test-results/<name>.json, with the Node version and the number of runs. */
export function saveResults(name: string, runs: number, results: unknown): void {
  mkdirSync('test-results', { recursive: true });
  writeFileSync(
    `test-results/${name}.json`,
    `${JSON.stringify({ node: process.version, runs, results }, null, 2)}\n`,
  );
}
