/**
 * `npx tsx test/support/trainLetterPairs.ts [--check]`: learns the letter pairs of English and Spanish
 * (see `letterPairTable`) and writes `src/core/analysis/lexicons/letter-pairs.json`. With `--check`,
 * writes nothing and fails when the committed table is not what the corpus gives today (the Spanish
 * part learns from the scenarios, which change). The table is part of what the analyser reads with:
 * writing a new one means raising `LEXICON_ANALYSER_VERSION`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { hasPolitenessData, POLITENESS_DATA } from './letterPairCorpus';
import { formatLetterPairTable, letterPairTable } from './letterPairTable';

const FILE = 'src/core/analysis/lexicons/letter-pairs.json';

if (!hasPolitenessData()) {
  console.error(`No TyDiP files in ${POLITENESS_DATA}: set POLITENESS_DATA to the folder holding them.`);
  process.exit(1);
}
const written = formatLetterPairTable(letterPairTable());
if (process.argv.includes('--check')) {
  const committed = readFileSync(FILE, 'utf8');
  if (committed === written) console.log(`${FILE} is what the corpus gives.`);
  else {
    console.error(`${FILE} differs from what the corpus gives today; regenerate it and raise the version.`);
    process.exitCode = 1;
  }
} else {
  writeFileSync(FILE, written);
  console.log(`wrote ${FILE} (${written.length} bytes)`);
}
