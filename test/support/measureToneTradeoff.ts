/**
 * `npx tsx test/support/measureToneTradeoff.ts`: how the English model trades agreeing with people's
 * politeness ratings against agreeing with our labelled replies' bands, as one reply counts for more
 * rated requests. Measured out of fold on the fitted rows only (five folds of each; no held-out row is
 * read), so it can guide a setting without spending the held-out fifths.
 *
 * It shows why the English band target is not bought by weighting replies more: our labels call routine
 * courtesy ("Thanks for confirming. I'll send the form.") neutral, while people rate it polite, so
 * every step towards our bands is a step away from people.
 */
import { calibrate, fitTone, logOdds } from './fitTone';
import { auc, labelledExamples, ratedQuartiles, ratedRequests, toneBand } from './toneData';

const SETTINGS = { lambda: 0.01, rounds: 300, rate: 0.3, minCount: 2 } as const;
const FOLDS = 5;

/** Out-of-fold band accuracy on the English replies and AUC on the rated requests, at one reply weight. */
export function tradeoffAt(replyWeight: number): { bandRight: number; ratedAuc: number } {
  const rated = ratedRequests().fit;
  const replies = labelledExamples('en').fit.map((e) => ({ ...e, weight: replyWeight }));
  const bands: { z: number; band: string }[] = [];
  const ratedScores: { z: number; score: number }[] = [];
  for (let fold = 0; fold < FOLDS; fold += 1) {
    const out = (_: unknown, i: number) => i % FOLDS !== fold;
    const model = fitTone([...rated.filter(out), ...replies.filter(out)], SETTINGS);
    replies.forEach((e, i) => {
      if (i % FOLDS === fold) bands.push({ z: logOdds(model, e.keys), band: e.source });
    });
    rated.forEach((e, i) => {
      if (i % FOLDS === fold) ratedScores.push({ z: logOdds(model, e.keys), score: e.score ?? 0 });
    });
  }
  const { scale, shift } = calibrate(bands, toneBand);
  const right = bands.filter((b) => toneBand(2 / (1 + Math.exp(-(scale * b.z + shift))) - 1) === b.band);
  const { low, high } = ratedQuartiles(rated);
  return {
    bandRight: right.length / bands.length,
    ratedAuc: auc(
      ratedScores.filter((r) => r.score >= high).map((r) => r.z),
      ratedScores.filter((r) => r.score <= low).map((r) => r.z),
    ),
  };
}

if (process.argv[1]?.endsWith('measureToneTradeoff.ts')) {
  console.log('| one reply counts as | en replies in their band | en rated AUC |');
  console.log('|---|---|---|');
  for (const weight of [1, 5, 10, 20]) {
    const { bandRight, ratedAuc } = tradeoffAt(weight);
    console.log(`| ${weight} rated requests | ${(100 * bandRight).toFixed(1)}% | ${ratedAuc.toFixed(3)} |`);
  }
}
