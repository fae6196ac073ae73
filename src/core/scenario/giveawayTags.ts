/**
 * Tags that give a case away. The menu shows a scenario's tags beside its topic and difficulty, so a
 * tag that names a tier (`level-4`, `crisis`) or how the case is handled (`routine`, `handoff`,
 * `policy-exception`) tells the trainee where to escalate before they have read a word. The compiler
 * warns about them (`tag-gives-away`).
 */

/** Words that give the case away wherever they stand in a tag (`crisis`, `policy-exception`). */
const GIVEAWAY_WORDS: ReadonlySet<string> = new Set([
  'tier',
  'tiers',
  'level',
  'levels',
  'nivel',
  'crisis',
  'routine',
  'rutina',
  'handoff',
  'handoffs',
  'escalate',
  'escalated',
  'escalation',
  'escalations',
  'escalar',
  'escalado',
  'authority',
  'autoridad',
  'senior',
  'exception',
  'exceptions',
  'excepcion',
  'custom',
  'bespoke',
]);
/** Whole tags that say what the trainee should do. */
const GIVEAWAY_TAGS: ReadonlySet<string> = new Set([
  'hand-off',
  'look-up',
  'lookup',
  'reproduce',
  'promise',
  'promises',
  'information',
]);
/** `l1`, `t2`, `n3`, `level4`, `tier-2`, `nivel_3`: a tier by its number. */
const TIER_NUMBER = /^(?:l|t|n|level|tier|nivel)[-_]?\d+$/;

/**
 * Why `tag` gives the case away, as the word at fault, or null when it does not. `tierIds` are the
 * ladder's tier ids (`level-2`, or a pack's own such as `senior-desk`).
 */
export function giveawayIn(tag: string, tierIds: readonly string[]): string | null {
  if (tierIds.includes(tag) || TIER_NUMBER.test(tag) || GIVEAWAY_TAGS.has(tag)) return tag;
  return tag.split(/[-_]/).find((word) => GIVEAWAY_WORDS.has(word)) ?? null;
}
