/**
 * The learned tone: a logistic regression over the readable features of a reply (see `toneFeatures`),
 * one weights file per language in `lexicons/tone-<lang>.json`, fitted by `npm run train:tone` from
 * people's politeness ratings and our labelled replies. A reply's tone is 2·σ(bias + Σ weights) − 1,
 * from −1 (rude) to +1 (warm), and every feature that moved it comes back as a span with its weight, so
 * the debrief can show which words read as warm or curt. No opaque score: the weights are data.
 */
import type { ToneSpan } from '../engine/analyser';
import toneEn from './lexicons/tone-en.json';
import toneEs from './lexicons/tone-es.json';
import { featureValues, type ToneFeature } from './toneFeatures';

/** A language's fitted model: what it was fitted on, its bias and the weight of each feature. */
export interface ToneWeights {
  readonly language: string;
  /** Raised whenever the model is fitted again; part of the analyser's version. */
  readonly version: number;
  readonly bias: number;
  readonly weights: Readonly<Record<string, number>>;
}

/** The shipped models, by language. */
export const TONE_MODELS: Readonly<Record<string, ToneWeights>> = {
  en: toneEn as ToneWeights,
  es: toneEs as ToneWeights,
};

/** A reply's learned tone, and the spans of every feature that moved it. */
export interface ToneReading {
  readonly tone: number;
  readonly spans: readonly ToneSpan[];
}

function round(value: number): number {
  return Math.round(value * 1e4) / 1e4 || 0;
}

/**
 * Reads the tone of a reply's features with a model. Each distinct feature counts once, at its value
 * (see `featureValues`); what it added is shown on every place it occurs.
 */
export function readTone(features: readonly ToneFeature[], model: ToneWeights): ToneReading {
  const values = featureValues(features);
  let sum = model.bias;
  for (const [key, value] of values) sum += (model.weights[key] ?? 0) * value;
  const spans = features.flatMap((f) => {
    const weight = model.weights[f.key];
    return weight
      ? [{ start: f.start, end: f.end, key: f.key, weight: round(weight * (values.get(f.key) ?? 1)) }]
      : [];
  });
  return { tone: round(2 / (1 + Math.exp(-sum)) - 1), spans };
}
