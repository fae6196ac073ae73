/**
 * `npm run scorecards:reference`: records the reference scorecard for this build's engine, analyser
 * and rubric versions in test/fixtures/scorecards/ (see `referenceScorecards`). Refuses, and says why,
 * when a reference for the same versions exists and no longer verifies: then something decides
 * differently under an unchanged version, and old scorecards would be called edited.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { lexiconAnalyser } from '../../src/core/analysis/lexiconAnalyser';
import { parseScorecard } from '../../src/core/scoring/readScorecard';
import { verifyScorecard } from '../../src/core/scoring/verifyScorecard';
import { playReference, REFERENCE_DIR, referenceName, referenceScenarios } from './referenceScorecards';

const file = join(REFERENCE_DIR, referenceName('shift'));
if (existsSync(file)) {
  const read = parseScorecard(readFileSync(file, 'utf8'), file);
  const verdict = read.ok
    ? verifyScorecard(read.value, referenceScenarios(), { analyser: lexiconAnalyser })
    : read;
  if (verdict.ok) console.log(`${file} is recorded and still verifies.`);
  else {
    console.error(
      `${file} no longer verifies under the same versions: ${verdict.problems[0]?.message ?? ''}\n` +
        'Something decides differently while its version stayed the same. Raise ENGINE_VERSION, ' +
        'LEXICON_ANALYSER_VERSION or RUBRIC_VERSION (whichever changed), then run this again.',
    );
    process.exitCode = 1;
  }
} else {
  mkdirSync(REFERENCE_DIR, { recursive: true });
  writeFileSync(file, `${JSON.stringify(playReference())}\n`);
  console.log(`wrote ${file}`);
}
