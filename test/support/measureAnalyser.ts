/**
 * `npm run measure:analyser [-- --misses]`: prints the analyser's precision and recall per family on
 * the labelled replies, for the tuning lines and the held-out lines apart; then the learned tone on the
 * held-out fifths (see `measureTone`).
 */
import { evaluate, formatEvaluation, isHeldOut, labelledReplies } from './evaluateAnalyser';
import { formatToneFigures, measureTone } from './measureTone';

const showMisses = process.argv.includes('--misses');
for (const language of ['en', 'es']) {
  const all = labelledReplies(language);
  const tuning = evaluate(
    language,
    all.filter((r) => !isHeldOut(r)),
  );
  const held = evaluate(language, all.filter(isHeldOut));
  console.log(`\n## ${language} tuning lines\n${formatEvaluation(language, tuning)}`);
  console.log(`\n## ${language} held-out lines\n${formatEvaluation(language, held)}`);
  if (showMisses) console.log(`\n${tuning.misses.join('\n')}`);
}

console.log(`\n${formatToneFigures(measureTone(), measureTone(true))}`);
