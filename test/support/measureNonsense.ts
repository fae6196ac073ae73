/**
 * `npx tsx test/support/measureNonsense.ts [--sweep] [--show]`: how the nonsense reading does at the
 * shipped thresholds: real text it wrongly calls nonsense (must be none) and the share of seeded
 * keyboard mashing it catches, per language. `--sweep` prints the same for a range of thresholds (how
 * `WORDLIKE_MAX_COST` was chosen); `--show` lists what was wrongly flagged and what was missed.
 */
import { WORDLIKE_MAX_COST } from '../../src/core/analysis/readNonsense';
import { flagged, heldOutSamples, keyboardMash } from './nonsenseMeasurement';

const MASH_PER_KIND = 1000;
const sweep = process.argv.includes('--sweep');
const show = process.argv.includes('--show');
const pct = (part: number, whole: number) => `${((100 * part) / Math.max(1, whole)).toFixed(1)}%`;

for (const language of ['en', 'es']) {
  const real = heldOutSamples(language);
  const mash = keyboardMash(language, MASH_PER_KIND);
  const shipped = WORDLIKE_MAX_COST[language] ?? 0;
  const thresholds = sweep ? Array.from({ length: 21 }, (_, i) => 5 + i * 0.25) : [shipped];
  console.log(`\n## ${language}\n`);
  const heads = [...Object.keys(real), ...Object.keys(mash)];
  console.log(`| max cost (bits) | ${heads.join(' | ')} |`);
  console.log(`|---|${heads.map(() => '---').join('|')}|`);
  for (const maxCost of thresholds) {
    const cells = [
      ...Object.values(real).map((s) => `${flagged(language, s, maxCost).length}/${s.length} flagged`),
      ...Object.values(mash).map((texts) => {
        const caught = flagged(
          language,
          texts.map((text) => ({ text, customerName: '' })),
          maxCost,
        ).length;
        return `${pct(caught, texts.length)} caught`;
      }),
    ];
    console.log(`| ${maxCost}${maxCost === shipped ? ' (shipped)' : ''} | ${cells.join(' | ')} |`);
  }
  if (show) {
    for (const [name, samples] of Object.entries(real)) {
      for (const { sample, reading } of flagged(language, samples, shipped)) {
        console.log(`flagged (${name}, ${reading.kind}): ${sample.text.slice(0, 160)}`);
      }
    }
    for (const [name, texts] of Object.entries(mash)) {
      const caught = new Set(
        flagged(
          language,
          texts.map((text) => ({ text, customerName: '' })),
          shipped,
        ).map((f) => f.sample.text),
      );
      const missed = texts.filter((t) => !caught.has(t));
      console.log(`missed (${name}, ${missed.length}): ${missed.slice(0, 30).join(' · ')}`);
    }
  }
}
