/**
 * What the manager's review says of each scorecard, from the core's verification (hash chain, replay,
 * rescoring): "Verified" (the score follows from the recorded conversation by the rules, which does
 * not prove who played), "Changed after scoring" with the exact fields that differ, "Scenario version
 * unknown", or "Made with a version this build cannot re-check". And one the checks never reach: an
 * attempt read from a learning record store whose completed statement carried no scorecard is shown
 * from the statement alone, "From the learning record store, not re-checked"; with no conversation
 * to replay, it never counts as verified.
 */
import type { Analyser } from '../core/engine/analyser';
import type { Scenario } from '../core/scenario/types';
import type { ReadScorecard } from '../core/scoring/readScorecard';
import { verdictOf, verifyScorecard } from '../core/scoring/verifyScorecard';

/** The things the review can say of an attempt: four of a scorecard, one of a statement alone. */
export type Trust = 'verified' | 'changed' | 'scenario-unknown' | 'cannot-recheck' | 'not-rechecked';

/** A scorecard's trust, and for a changed one the fields that differ from the replay. */
export interface TrustReport {
  readonly trust: Trust;
  readonly fields: readonly string[];
  /** The core's own explanations, for the detail view. */
  readonly messages: readonly string[];
}

const FROM_VERDICT = {
  verified: 'verified',
  differs: 'changed',
  'scenario-unavailable': 'scenario-unknown',
  'cannot-recheck': 'cannot-recheck',
} as const;

/** Verifies one scorecard against the scenario versions the page holds. */
export function trustOf(
  read: ReadScorecard,
  scenarios: readonly Scenario[],
  analyser: Analyser,
): TrustReport {
  const verification = verifyScorecard(read, scenarios, { analyser });
  if (verification.ok) return { trust: 'verified', fields: [], messages: [] };
  return {
    trust: FROM_VERDICT[verdictOf(verification)],
    fields: verification.problems.flatMap((p) => (p.code === 'differs' ? [p.field] : [])),
    messages: verification.problems.map((p) => p.message),
  };
}
