/**
 * Measures the reply analyser against the labelled replies in test/fixtures/replies/<lang>.jsonl:
 * precision and recall per phrase family, promise detection, vague-promise classification, and tone
 * agreement. Every fifth line is held out (never looked at while writing the lexicons), so the figures
 * are reported for the tuning lines and the held-out lines apart.
 */
import { readFileSync } from 'node:fs';
import { analyseReply } from '../../src/core/analysis/analyseReply';
import { PHRASE_FAMILIES } from '../../src/core/scenario/schema';
import type { PhraseFamily } from '../../src/core/scenario/types';

export interface LabelledReply {
  readonly text: string;
  readonly customer: string;
  readonly tone: 'warm' | 'neutral' | 'cold';
  readonly families: readonly PhraseFamily[];
  readonly promise: { readonly vague: boolean; readonly deadline: string } | null;
  readonly line: number;
}

export function labelledReplies(language: string): LabelledReply[] {
  return readFileSync(`test/fixtures/replies/${language}.jsonl`, 'utf8')
    .trim()
    .split('\n')
    .map((l, i) => ({ ...JSON.parse(l), line: i + 1 }));
}

/** True for the held-out fifth of the set. */
export function isHeldOut(reply: LabelledReply): boolean {
  return reply.line % 5 === 0;
}

export interface Score {
  tp: number;
  fp: number;
  fn: number;
}

export function precision(s: Score): number {
  return s.tp + s.fp === 0 ? 1 : s.tp / (s.tp + s.fp);
}
export function recall(s: Score): number {
  return s.tp + s.fn === 0 ? 1 : s.tp / (s.tp + s.fn);
}

export interface Evaluation {
  readonly replies: number;
  readonly families: Readonly<Record<PhraseFamily, Score>>;
  readonly micro: Score;
  readonly promises: Score;
  /** Of promises found and labelled, how many got the vague/specific call right. */
  readonly vagueAgreement: { right: number; of: number };
  /** Of labelled specific promises found, how many were given a due time. */
  readonly deadlinesRead: { right: number; of: number };
  /** Replies whose tone sign matches the label (warm > 0.15, cold < -0.15, neutral between). */
  readonly toneAgreement: { right: number; of: number };
  readonly misses: readonly string[];
}

function toneBand(tone: number): LabelledReply['tone'] {
  return tone > 0.15 ? 'warm' : tone < -0.15 ? 'cold' : 'neutral';
}

export function evaluate(language: string, replies: readonly LabelledReply[]): Evaluation {
  const families = Object.fromEntries(PHRASE_FAMILIES.map((f) => [f, { tp: 0, fp: 0, fn: 0 }])) as Record<
    PhraseFamily,
    Score
  >;
  const micro = { tp: 0, fp: 0, fn: 0 };
  const promises = { tp: 0, fp: 0, fn: 0 };
  const vagueAgreement = { right: 0, of: 0 };
  const deadlinesRead = { right: 0, of: 0 };
  const toneAgreement = { right: 0, of: 0 };
  const misses: string[] = [];
  for (const reply of replies) {
    const analysis = analyseReply(reply.text, { language, customerName: reply.customer, previous: [] });
    for (const family of PHRASE_FAMILIES) {
      const expected = reply.families.includes(family);
      const found = analysis.families.includes(family);
      const score = families[family];
      if (expected && found) {
        score.tp += 1;
        micro.tp += 1;
      } else if (found) {
        score.fp += 1;
        micro.fp += 1;
        misses.push(`${language}:${reply.line} extra ${family}: ${reply.text}`);
      } else if (expected) {
        score.fn += 1;
        micro.fn += 1;
        misses.push(`${language}:${reply.line} missed ${family}: ${reply.text}`);
      }
    }
    const promise = analysis.promises[0];
    if (reply.promise && promise) {
      promises.tp += 1;
      vagueAgreement.of += 1;
      if (promise.vague === reply.promise.vague) vagueAgreement.right += 1;
      else misses.push(`${language}:${reply.line} promise vague=${promise.vague}: ${reply.text}`);
      if (!reply.promise.vague) {
        deadlinesRead.of += 1;
        if (promise.dueAt !== null) deadlinesRead.right += 1;
      }
    } else if (promise) {
      promises.fp += 1;
      misses.push(`${language}:${reply.line} extra promise: ${reply.text}`);
    } else if (reply.promise) {
      promises.fn += 1;
      misses.push(`${language}:${reply.line} missed promise (${reply.promise.deadline}): ${reply.text}`);
    }
    toneAgreement.of += 1;
    if (toneBand(analysis.tone) === reply.tone) toneAgreement.right += 1;
  }
  return {
    replies: replies.length,
    families,
    micro,
    promises,
    vagueAgreement,
    deadlinesRead,
    toneAgreement,
    misses,
  };
}

const pct = (n: number) => `${Math.round(n * 100)}%`;

/** The evaluation as a Markdown table, one row per family. */
export function formatEvaluation(language: string, e: Evaluation): string {
  const rows = PHRASE_FAMILIES.map((f) => {
    const s = e.families[f];
    return `| ${f} | ${s.tp + s.fn} | ${pct(precision(s))} | ${pct(recall(s))} |`;
  });
  return [
    `${language}: ${e.replies} replies`,
    '| family | labelled | precision | recall |',
    '|---|---|---|---|',
    ...rows,
    `| **all (micro)** | ${e.micro.tp + e.micro.fn} | ${pct(precision(e.micro))} | ${pct(recall(e.micro))} |`,
    `| promises | ${e.promises.tp + e.promises.fn} | ${pct(precision(e.promises))} | ${pct(recall(e.promises))} |`,
    `vague/specific right: ${e.vagueAgreement.right}/${e.vagueAgreement.of}; deadlines read: ${e.deadlinesRead.right}/${e.deadlinesRead.of}; tone band right: ${e.toneAgreement.right}/${e.toneAgreement.of}`,
  ].join('\n');
}
