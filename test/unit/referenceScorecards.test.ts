/**
 * The versions are honest: the reference scorecard recorded for this build's engine, analyser and
 * rubric still verifies (so a scorecard exported today verifies tomorrow unless a version moved), so
 * does one recorded by an earlier engine this build still plays (replayed under that engine's rules),
 * and every reference recorded under other versions is said to be beyond re-checking, never edited.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lexiconAnalyser } from '../../src/core/analysis/lexiconAnalyser';
import { ENGINE_RULES, engineRulesOf } from '../../src/core/engine/engineRules';
import { ENGINE_VERSION } from '../../src/core/engine/session';
import { parseScorecard } from '../../src/core/scoring/readScorecard';
import { isKnownRuleSet } from '../../src/core/scoring/ruleVersions';
import { RUBRIC_VERSION } from '../../src/core/scoring/scoreAttempt';
import { SCORECARD_VERSION } from '../../src/core/scoring/scorecard';
import { verdictOf, verifyScorecard } from '../../src/core/scoring/verifyScorecard';
import { REFERENCE_DIR, referenceName, referenceScenarios } from '../support/referenceScorecards';

const files = readdirSync(REFERENCE_DIR).filter((f) => f.endsWith('.json'));
const current = referenceName('shift');

/** Whether this build can re-check a reference: its engine is one it plays, its analyser and rubric its own. */
function recheckable(name: string): boolean {
  const [, engine = '', analyser = '', rubric = ''] =
    /^shift\.engine-(.+?)\.lexicon-(.+?)\.rubric-(.+?)(?:\.format-\d+)?\.json$/.exec(name) ?? [];
  return engineRulesOf(engine) !== null && analyser === lexiconAnalyser.version && rubric === RUBRIC_VERSION;
}

describe('reference scorecards', () => {
  it('include one made with this build’s versions (else run npm run scorecards:reference)', () => {
    expect(files).toContain(current);
  });

  it('are made with a rule set listed as released (else add it to RULE_SETS)', () => {
    const rules = {
      format: SCORECARD_VERSION,
      engine: ENGINE_VERSION,
      analyser: `${lexiconAnalyser.id}@${lexiconAnalyser.version}`,
      rubric: RUBRIC_VERSION,
    };
    expect(isKnownRuleSet(rules), JSON.stringify(rules)).toBe(true);
  });

  it('include one made with every engine version this build plays, so each is re-checked', () => {
    for (const engine of Object.keys(ENGINE_RULES))
      expect(
        files.some((name) => name.startsWith(`shift.engine-${engine}.`) && recheckable(name)),
        engine,
      ).toBe(true);
  });

  it.each(files)('%s verifies, or says it cannot be re-checked when made with other versions', (name) => {
    const read = parseScorecard(readFileSync(join(REFERENCE_DIR, name), 'utf8'), name);
    if (!read.ok) throw new Error(read.problems[0]?.message);
    const verdict = verdictOf(
      verifyScorecard(read.value, referenceScenarios(), { analyser: lexiconAnalyser }),
    );
    if (recheckable(name)) {
      expect(
        verdict,
        'The engine, analyser or rubric decides differently under an unchanged version: raise the version of what changed, then run npm run scorecards:reference.',
      ).toBe('verified');
    } else expect(verdict).toBe('cannot-recheck');
  });
});
