/**
 * The shape every dimension of the rubric shares: the evidence it gathers (points, a key that explains
 * them, the transcript entry and, for words, the span), the card it gathers them on, and the contract
 * of a dimension module. The dimensions themselves live one per module in `dimensions/`.
 */
import type { Dimension, Scenario } from '../scenario/types';
import type { ContactRecord } from './readAttempt';
import { BASE, clampScore } from './scoringRules';

/**
 * One reason for points: how many (signed), a key that explains it (`promises.broken`,
 * `phrase.negated`, …) with the values its explanation needs, the transcript entry it comes from, and,
 * for words, their span in that reply.
 */
export interface Evidence<K extends string = string> {
  readonly points: number;
  readonly key: K;
  readonly seq: number | null;
  readonly span: { readonly start: number; readonly end: number } | null;
  readonly params: Readonly<Record<string, string | number>>;
}

/** A dimension's score (0–100, or null where it does not apply), its weight and its evidence. */
export interface DimensionScore<K extends string = string> {
  readonly score: number | null;
  readonly weight: number;
  readonly evidence: readonly Evidence<K>[];
}

/**
 * What a kind of evidence is: a credit (earned points; never a tip), a cost (a tip when it costs
 * points), or something missed (worth nothing, but a tip: the greeting never said, the fact never
 * asked for).
 */
export type KeyRole = 'credit' | 'cost' | 'missed';

/** Everything a dimension scores one contact from: the contact's record, its scenario and the attempt's end. */
export interface ContactInput {
  readonly record: ContactRecord;
  readonly scenario: Scenario;
  /** The last game time of the attempt: promises still open then were never kept. */
  readonly endedAt: number;
}

/** Gathers one dimension's evidence for one contact. */
export class Card<K extends string> {
  private readonly evidence: Evidence<K>[] = [];
  private applies = true;

  constructor(private readonly dimension: Dimension) {}

  /** Adds a piece of evidence: its points, its key, the transcript entry it comes from, and any span or values. */
  add(
    points: number,
    key: K,
    seq: number | null,
    extra: { readonly span?: Evidence['span']; readonly params?: Evidence['params'] } = {},
  ): void {
    this.evidence.push({ points, key, seq, span: extra.span ?? null, params: extra.params ?? {} });
  }

  /** Marks the dimension as not applying to this contact: it is left out of the overall score. */
  skip(): void {
    this.applies = false;
  }

  /** The dimension's score: its base plus its evidence, kept within 0–100, or null when it does not apply. */
  result(weight: number): DimensionScore<K> {
    const score = this.applies
      ? clampScore(this.evidence.reduce((sum, e) => sum + e.points, BASE[this.dimension]))
      : null;
    return { score, weight, evidence: this.evidence };
  }
}

/**
 * One dimension of the rubric: the keys its evidence can carry with their roles, and how it scores a
 * contact. Adding a dimension means writing one of these and listing it in the rubric's table.
 */
export interface DimensionRubric<K extends string = string, D extends Dimension = Dimension> {
  readonly dimension: D;
  /** Every key this dimension's evidence can carry, and what kind of evidence it is. */
  readonly keys: Readonly<Record<K, KeyRole>>;
  /** Whether it judges a contact the trainee never answered (only availability can). */
  readonly judgesUnanswered: boolean;
  /** Scores one contact onto its card; skips the card when the dimension does not apply. */
  score(input: ContactInput, card: Card<K>): void;
}

/** Declares a dimension module, keeping its key names as a type. */
export function defineDimension<K extends string, D extends Dimension>(
  rubric: DimensionRubric<K, D>,
): DimensionRubric<K, D> {
  return rubric;
}

/** Game time in minutes, to one decimal, as evidence shows it. */
export function minutes(ms: number): number {
  return Math.round(ms / 6_000) / 10;
}
