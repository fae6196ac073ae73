/**
 * The text the letter-pair models learn from and are measured on, in one place so that the generator,
 * the measurement and the tests agree on what was held out.
 *
 * - English: the TyDiP politeness sentences (`en_train.csv`, CC BY 4.0, see its SOURCE.md), every fifth
 *   row held out and never learnt from.
 * - Spanish: the Spanish renderings in TyDiP's `es_strategies.csv` (weighted by their counts), the
 *   `es:` texts of the shipped scenarios, and the words of the Spanish lexicon's patterns.
 * - Never learnt from, so fit to measure on: the held-out rows, the labelled replies, the replies typed
 *   in the shipped playthroughs, and the `en:` texts of the shipped scenarios (see `nonsenseMeasurement`).
 *
 * The TyDiP files are copied into `data/politeness/` with their SOURCE.md (CC BY 4.0 allows it), so
 * every clone can train and measure; `POLITENESS_DATA` points elsewhere.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { parse as parseYaml } from 'yaml';
import { isPlaythroughFile, isScenarioFile } from '../../src/core/scenario/files';

/** Where the TyDiP politeness files are. */
export const POLITENESS_DATA = process.env.POLITENESS_DATA ?? 'data/politeness';

/** True when the TyDiP files are there to read. */
export function hasPolitenessData(dir = POLITENESS_DATA): boolean {
  return existsSync(join(dir, 'en_train.csv')) && existsSync(join(dir, 'es_strategies.csv'));
}

/** A text to learn from, counted `weight` times. */
export interface WeightedText {
  readonly text: string;
  readonly weight: number;
}

/** Rows of a CSV file (RFC 4180: quoted fields, doubled quotes, line breaks inside quotes). */
export function parseCsv(source: string): string[][] {
  return parse(source, { relaxQuotes: false, skipEmptyLines: true }) as string[][];
}

/**
 * TyDiP replaced links and user names with `<url>` and `<person>`. A link and a name go back in their
 * place, so that the placeholders are read as what the writer typed, not as markup.
 */
function restorePlaceholders(text: string): string {
  return text.replaceAll('<url>', 'https://example.org/page').replaceAll('<person>', 'Alex');
}

/** The sentences of `en_train.csv`, numbered from 1 after the header. */
function englishSentences(dir: string): { text: string; row: number }[] {
  const [, ...rows] = parseCsv(readFileSync(join(dir, 'en_train.csv'), 'utf8'));
  return rows.flatMap((r, i) => (r[0] ? [{ text: restorePlaceholders(r[0]), row: i + 1 }] : []));
}

/** True for the held-out fifth of `en_train.csv`: rows 5, 10, 15, … */
const isHeldOutRow = (row: number) => row % 5 === 0;

/** The English sentences the model learns from. */
export function englishTraining(dir = POLITENESS_DATA): WeightedText[] {
  return englishSentences(dir)
    .filter((s) => !isHeldOutRow(s.row))
    .map((s) => ({ text: s.text, weight: 1 }));
}

/** The English sentences held out of training. */
export function englishHeldOut(dir = POLITENESS_DATA): string[] {
  return englishSentences(dir)
    .filter((s) => isHeldOutRow(s.row))
    .map((s) => s.text);
}

/** The Spanish renderings of `es_strategies.csv`, each weighted by how often TyDiP saw it. */
export function spanishStrategies(dir = POLITENESS_DATA): WeightedText[] {
  const rows = parseCsv(readFileSync(join(dir, 'es_strategies.csv'), 'utf8'));
  const rendering = /\((?:'([^']*)'|"([^"]*)"), (\d+)\)/g;
  return rows.flatMap((r) =>
    [...(r[1] ?? '').matchAll(rendering)].map((m) => ({
      text: m[1] ?? m[2] ?? '',
      weight: Number(m[3]),
    })),
  );
}

function yamlFiles(dir: string, keep: (path: string) => boolean): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return entry.name === 'released' ? [] : yamlFiles(path, keep);
      return keep(path) ? [path] : [];
    })
    .sort();
}

/** Every string under a key named `language` in a parsed YAML document, in document order. */
function textsIn(value: unknown, language: string, out: string[] = []): string[] {
  if (Array.isArray(value)) for (const v of value) textsIn(v, language, out);
  else if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      if (key === language) collectStrings(v, out);
      else textsIn(v, language, out);
    }
  }
  return out;
}

function collectStrings(value: unknown, out: string[]): void {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) collectStrings(v, out);
}

/** The texts the shipped scenarios (and pack and shifts) give in one language. */
export function scenarioTexts(language: string, dir = 'scenarios'): string[] {
  return yamlFiles(dir, (p) => isScenarioFile(p) || p.endsWith('pack.yaml')).flatMap((file) =>
    textsIn(parseYaml(readFileSync(file, 'utf8')), language),
  );
}

/** The replies typed in the shipped playthroughs, in one language. */
export function playthroughReplies(language: string, dir = 'scenarios'): string[] {
  return yamlFiles(dir, isPlaythroughFile).flatMap((file) => {
    const doc = parseYaml(readFileSync(file, 'utf8')) as {
      language?: string;
      steps?: { reply?: unknown }[];
    };
    if ((doc.language ?? 'en') !== language) return [];
    return (doc.steps ?? []).flatMap((s) => (typeof s.reply === 'string' ? [s.reply] : []));
  });
}
