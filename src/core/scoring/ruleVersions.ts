/**
 * Every set of rules that has ever made scorecards, by scorecard format: what an honest scorecard can
 * claim to have been made with. A scorecard claiming rules no build had was edited; one claiming rules
 * a past build had cannot be re-checked by this one. Add the current set whenever a version is raised
 * (the reference scorecard test fails until it is listed).
 */
export interface RuleSet {
  readonly format: number;
  readonly engine: string;
  /** `id@version`; null before analysers were recorded. */
  readonly analyser: string | null;
  readonly rubric: string;
}

/** The rule sets builds have made scorecards with, oldest first. */
export const RULE_SETS: readonly RuleSet[] = [
  { format: 1, engine: '1.1.0', analyser: null, rubric: '1.0.0' },
  { format: 2, engine: '2.0.0', analyser: 'lexicon@1.0.0', rubric: '1.0.0' },
  { format: 2, engine: '3.0.0', analyser: 'lexicon@1.1.0', rubric: '2.0.0' },
  { format: 2, engine: '4.0.0', analyser: 'lexicon@1.1.0', rubric: '2.0.0' },
  { format: 2, engine: '5.0.0', analyser: 'lexicon@1.1.0', rubric: '2.1.0' },
  { format: 3, engine: '6.0.0', analyser: 'lexicon@1.2.0', rubric: '3.0.0' },
  { format: 3, engine: '7.0.0', analyser: 'lexicon@2.0.0', rubric: '4.0.0' },
  { format: 3, engine: '8.0.0', analyser: 'lexicon@2.0.0', rubric: '4.0.0' },
  // Format 4 came with engine 8; an attempt begun under engine 7 and resumed by that build ends in it too.
  { format: 4, engine: '7.0.0', analyser: 'lexicon@2.0.0', rubric: '4.0.0' },
  { format: 4, engine: '8.0.0', analyser: 'lexicon@2.0.0', rubric: '4.0.0' },
];

/** Whether some build (one of `known`, every released one when absent) made scorecards with these rules. */
export function isKnownRuleSet(rules: RuleSet, known: readonly RuleSet[] = RULE_SETS): boolean {
  return known.some(
    (r) =>
      r.format === rules.format &&
      r.engine === rules.engine &&
      r.analyser === rules.analyser &&
      r.rubric === rules.rubric,
  );
}
