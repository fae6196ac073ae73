/**
 * What the learned tone is fitted on and measured on, in one place so that `npm run train:tone` and
 * `npm run measure:analyser` agree on what was held out.
 *
 * - English politeness ratings: `data/politeness/en_train.csv` (TyDiP, CC BY 4.0; see its SOURCE.md),
 *   every fifth row held out (the split the nonsense reading uses too).
 * - Our labelled replies: `test/fixtures/replies/<lang>.jsonl`, every fifth line held out.
 *
 * Held-out rows are never fitted or tuned on; they are only measured.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyseReply } from '../../src/core/analysis/analyseReply';
import { featureValues, toneFeatures } from '../../src/core/analysis/toneFeatures';
import { foldText } from '../../src/core/scenario/foldText';
import { isHeldOut, type LabelledReply, labelledReplies } from './evaluateAnalyser';
import { POLITENESS_DATA, parseCsv } from './letterPairCorpus';

/** One example to fit or measure on: its feature keys, the tone people gave it, and how much it counts. */
export interface ToneExample {
  readonly text: string;
  /** Each feature key with its value (see `featureValues`). */
  readonly keys: readonly (readonly [string, number])[];
  /** The probability of "polite" people gave it: 0 rude … 1 warm. */
  readonly target: number;
  readonly weight: number;
  /** Where it comes from: a rated request, or a labelled reply and its band. */
  readonly source: 'rated' | LabelledReply['tone'];
  /** For a rated request, the people's score (z-scored). */
  readonly score: number | null;
}

/** The soft target of each band of our labelled replies. */
export const BAND_TARGET = { warm: 0.88, neutral: 0.5, cold: 0.12 } as const;
/** How much one labelled reply counts against one rated request: replies are the game's own domain. */
export const REPLY_WEIGHT = 5;
/** A feature only rated requests have: it takes their difference in domain, and is never shipped. */
export const RATED_DOMAIN = 'd:rated';

/** The features of a text with their values, as the analyser would read them. */
export function exampleKeys(text: string, language: string, customer = ''): [string, number][] {
  const nfc = text.normalize('NFC');
  const { effects } = analyseReply(nfc, { language, customerName: customer, previous: [] });
  return [...featureValues(toneFeatures(nfc, foldText(nfc), language, effects))];
}

/** A rated English request: its text, people's score (z-scored) and whether it is held out. */
export interface RatedRow {
  readonly text: string;
  readonly score: number;
  readonly heldOut: boolean;
}

/** The rated English requests of `en_train.csv`, every fifth row held out. */
export function ratedRows(dir = POLITENESS_DATA): RatedRow[] {
  const [, ...rows] = parseCsv(readFileSync(join(dir, 'en_train.csv'), 'utf8'));
  return rows.flatMap((r, i) => {
    const text = (r[0] ?? '').replaceAll('<url>', 'https://example.org/page').replaceAll('<person>', 'Alex');
    const score = Number(r[1]);
    return text && !Number.isNaN(score) ? [{ text, score, heldOut: (i + 1) % 5 === 0 }] : [];
  });
}

/** The rated English requests as examples, split into what is fitted on and what is held out. */
export function ratedRequests(dir = POLITENESS_DATA): { fit: ToneExample[]; heldOut: ToneExample[] } {
  const fit: ToneExample[] = [];
  const heldOut: ToneExample[] = [];
  for (const row of ratedRows(dir)) {
    const example: ToneExample = {
      text: row.text,
      keys: [...exampleKeys(row.text, 'en'), [RATED_DOMAIN, 1]],
      target: 1 / (1 + Math.exp(-2 * row.score)),
      weight: 1,
      source: 'rated',
      score: row.score,
    };
    (row.heldOut ? heldOut : fit).push(example);
  }
  return { fit, heldOut };
}

/** Our labelled replies in a language, split into what is fitted on and what is held out. */
export function labelledExamples(language: string): { fit: ToneExample[]; heldOut: ToneExample[] } {
  const fit: ToneExample[] = [];
  const heldOut: ToneExample[] = [];
  for (const reply of labelledReplies(language)) {
    const example: ToneExample = {
      text: reply.text,
      keys: exampleKeys(reply.text, language, reply.customer),
      target: BAND_TARGET[reply.tone],
      weight: REPLY_WEIGHT,
      source: reply.tone,
      score: null,
    };
    (isHeldOut(reply) ? heldOut : fit).push(example);
  }
  return { fit, heldOut };
}

/** The band a tone falls in, as the measurement and the labels count it. */
export function toneBand(tone: number): LabelledReply['tone'] {
  return tone > 0.15 ? 'warm' : tone < -0.15 ? 'cold' : 'neutral';
}

/** The area under the ROC curve of `scores` separating `positives` from `negatives` (ties count half). */
export function auc(positives: readonly number[], negatives: readonly number[]): number {
  if (positives.length === 0 || negatives.length === 0) return Number.NaN;
  const all = [...positives.map((s) => ({ s, p: true })), ...negatives.map((s) => ({ s, p: false }))].sort(
    (a, b) => a.s - b.s,
  );
  let rankSum = 0;
  for (let i = 0; i < all.length; ) {
    let j = i;
    while (j < all.length && all[j]?.s === all[i]?.s) j += 1;
    const rank = (i + j + 1) / 2;
    for (let k = i; k < j; k += 1) if (all[k]?.p) rankSum += rank;
    i = j;
  }
  const n = positives.length;
  return (rankSum - (n * (n + 1)) / 2) / (n * negatives.length);
}

/** The scores splitting the rated requests into quarters (over every row, held out or not). */
export function ratedQuartiles(examples: readonly { readonly score: number | null }[]): {
  low: number;
  high: number;
} {
  const scores = examples.map((e) => e.score ?? 0).sort((a, b) => a - b);
  const at = (q: number) => scores[Math.floor(q * (scores.length - 1))] ?? 0;
  return { low: at(0.25), high: at(0.75) };
}
