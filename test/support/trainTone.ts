/**
 * `npm run train:tone [-- --check]`: fits the learned tone of each language and writes its weights to
 * `src/core/analysis/lexicons/tone-<lang>.json` (with `--check`, only says whether they are what the
 * data gives). Deterministic: the same data always writes the same files.
 *
 * - English is fitted on the rated requests of `data/politeness/en_train.csv` and our English labelled
 *   replies, the held-out fifth of each left out. A domain feature takes the difference between
 *   Wikipedia requests and customer replies, and is not shipped.
 * - Spanish has no rated set: it is fitted on our Spanish labelled replies, with each strategy and
 *   family weight pulled towards what English learnt for it (Spanish words start from nothing).
 *
 * Each model is calibrated (one scale and shift of its log-odds, folded into its weights) so that the
 * most labelled replies fall in their band, on scores from models that never saw those replies (five
 * folds of the fitted rows). The settings were chosen on a validation quarter of the fitted rows; no
 * held-out row is ever fitted, tuned or calibrated on.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { ToneWeights } from '../../src/core/analysis/toneModel';
import { canonicalJson } from '../../src/core/canonicalJson';
import { type Fitted, fitCalibrated, fitTone } from './fitTone';
import { labelledExamples, RATED_DOMAIN, ratedRequests, toneBand } from './toneData';

/** Raised with every change to the features, the data or the settings. */
export const TONE_MODEL_VERSION = 1;
const SETTINGS = { lambda: 0.01, rounds: 300, rate: 0.3, minCount: 2 } as const;
/** Weights smaller than this are dropped: they move no reply's band and only make the file larger. */
const SMALLEST_WEIGHT = 0.005;

function shipped(language: string, fitted: Fitted): ToneWeights {
  const weights = Object.fromEntries(
    Object.entries(fitted.weights)
      .filter(([k, w]) => k !== RATED_DOMAIN && Math.abs(w) >= SMALLEST_WEIGHT)
      .map(([k, w]) => [k, Math.round(w * 1000) / 1000])
      .sort(([a], [b]) => String(a).localeCompare(String(b))),
  );
  return { language, version: TONE_MODEL_VERSION, bias: Math.round(fitted.bias * 1000) / 1000, weights };
}

/** Fits both languages' models from the data. */
export function trainTone(): Record<'en' | 'es', ToneWeights> {
  const rated = ratedRequests();
  const englishExamples = [...rated.fit, ...labelledExamples('en').fit];
  const english = fitCalibrated(englishExamples, SETTINGS, toneBand);
  // Spanish starts each strategy and family from what English learnt of it, before calibration.
  const uncalibrated = fitTone(englishExamples, SETTINGS);
  const shared = Object.fromEntries(Object.entries(uncalibrated.weights).filter(([k]) => /^[sf]:/.test(k)));
  const spanish = fitCalibrated(labelledExamples('es').fit, { ...SETTINGS, prior: shared }, toneBand);
  return { en: shipped('en', english), es: shipped('es', spanish) };
}

const fileOf = (language: string) => `src/core/analysis/lexicons/tone-${language}.json`;

if (process.argv[1]?.endsWith('trainTone.ts')) {
  const check = process.argv.includes('--check');
  let stale = 0;
  for (const [language, model] of Object.entries(trainTone())) {
    const text = `${JSON.stringify(JSON.parse(canonicalJson(model)), null, 2)}\n`;
    const file = fileOf(language);
    if (check) {
      const same = readFileSync(file, 'utf8') === text;
      if (!same) stale += 1;
      console.log(`${file} ${same ? 'is' : 'is NOT'} what the data gives.`);
    } else {
      writeFileSync(file, text);
      console.log(`wrote ${file}: ${Object.keys(model.weights).length} weights`);
    }
  }
  process.exitCode = stale > 0 ? 1 : 0;
}
