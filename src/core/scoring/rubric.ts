/**
 * The rubric's table: one module per dimension (in `dimensions/`), each holding its evidence keys, how
 * it scores a contact, and which of its keys can become tips. Adding a dimension means writing its
 * module and listing it here (and naming it in the schema's list of dimensions, which this table must
 * cover); its point values go in `scoringRules`.
 */
import { DIMENSIONS } from '../scenario/schema';
import type { Dimension } from '../scenario/types';
import { CRITICAL_KEYS } from './critical';
import { attention } from './dimensions/attention';
import { availability } from './dimensions/availability';
import { empathy } from './dimensions/empathy';
import { followUp } from './dimensions/followUp';
import { listening } from './dimensions/listening';
import { problemSolving } from './dimensions/problemSolving';
import { professionalism } from './dimensions/professionalism';
import { promises } from './dimensions/promises';
import { responsiveness } from './dimensions/responsiveness';
import { tier } from './dimensions/tier';
import type { DimensionRubric, KeyRole } from './evidence';

/** Every dimension's module, by dimension. */
export const RUBRIC = {
  empathy,
  promises,
  tier,
  availability,
  attention,
  listening,
  problem_solving: problemSolving,
  responsiveness,
  professionalism,
  follow_up: followUp,
} as const satisfies { readonly [D in Dimension]: DimensionRubric<string, D> };

type Rubric = typeof RUBRIC;

/** Every key a piece of evidence can carry; the debrief holds a text for each. */
export type EvidenceKey = { [D in Dimension]: keyof Rubric[D]['keys'] & string }[Dimension];

const roles = new Map<string, KeyRole>(
  DIMENSIONS.flatMap((d) => Object.entries(RUBRIC[d].keys) as [string, KeyRole][]),
);

/** Every evidence key, each once. */
export const EVIDENCE_KEYS: readonly EvidenceKey[] = [...roles.keys()] as EvidenceKey[];

/** What kind of evidence a key is (see {@link KeyRole}). */
export function roleOf(key: string): KeyRole | undefined {
  return roles.get(key);
}

/**
 * The keys a tip can carry: evidence that costs points or says what was missing, each critical error,
 * and a general tip per dimension for a weak score with no single cause.
 */
export const TIP_KEYS: readonly string[] = [
  ...EVIDENCE_KEYS.filter((key) => roles.get(key) !== 'credit'),
  ...Object.keys(CRITICAL_KEYS),
  ...DIMENSIONS.map((d) => `${d}.general`),
];
