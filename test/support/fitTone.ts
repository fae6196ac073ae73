/**
 * Fitting the learned tone: an L2-regularised logistic regression with soft targets, by full-batch
 * gradient descent with AdaGrad steps, in a fixed order and a fixed number of rounds, so that the
 * same examples always give the same weights. The regularisation pulls each weight towards a prior
 * (zero, or for Spanish the English weight of a shared strategy or family), which is how Spanish
 * borrows what English learnt from people's ratings.
 */
import type { ToneExample } from './toneData';

/** How the fit runs. */
export interface FitOptions {
  readonly lambda: number;
  readonly rounds: number;
  readonly rate: number;
  /** Keys seen in fewer examples than this are left out (strategies and families always stay). */
  readonly minCount: number;
  /** Where each weight is pulled to; 0 when absent. */
  readonly prior?: Readonly<Record<string, number>>;
  /**
   * How much more loosely strategies and families are held than words (their λ is `lambda` times
   * this): there are few of them, each seen often, and each means the same in every reply.
   */
  readonly structureFactor?: number;
}

/** A fitted model before it is written: bias and weights. */
export interface Fitted {
  readonly bias: number;
  readonly weights: Record<string, number>;
}

const ALWAYS = /^[sfd]:/;

/** The keys worth a weight: every strategy, family and domain key, and words seen often enough. */
export function vocabulary(examples: readonly ToneExample[], minCount: number): string[] {
  const counts = new Map<string, number>();
  for (const e of examples) for (const [k] of e.keys) counts.set(k, (counts.get(k) ?? 0) + 1);
  return [...counts.entries()]
    .filter(([k, n]) => ALWAYS.test(k) || n >= minCount)
    .map(([k]) => k)
    .sort();
}

/** Fits the model to `examples`. Deterministic. */
export function fitTone(examples: readonly ToneExample[], options: FitOptions): Fitted {
  const keys = vocabulary(examples, options.minCount);
  const index = new Map(keys.map((k, i) => [k, i]));
  const rows = examples.map((e) => ({
    features: e.keys.flatMap(([k, v]) => {
      const i = index.get(k);
      return i === undefined ? [] : [[i, v] as const];
    }),
    target: e.target,
    weight: e.weight,
  }));
  const total = rows.reduce((sum, r) => sum + r.weight, 0);
  const prior = Float64Array.from(keys, (k) => options.prior?.[k] ?? 0);
  const lambdas = Float64Array.from(keys, (k) =>
    /^[sf]:/.test(k) ? options.lambda * (options.structureFactor ?? 1) : options.lambda,
  );
  const w = Float64Array.from(prior);
  let bias = 0;
  const grad = new Float64Array(keys.length);
  const squares = new Float64Array(keys.length);
  let biasSquares = 0;
  for (let round = 0; round < options.rounds; round += 1) {
    grad.fill(0);
    let biasGrad = 0;
    for (const r of rows) {
      let z = bias;
      for (const [i, v] of r.features) z += (w[i] ?? 0) * v;
      const p = 1 / (1 + Math.exp(-z));
      const g = ((p - r.target) * r.weight) / total;
      biasGrad += g;
      for (const [i, v] of r.features) grad[i] = (grad[i] ?? 0) + g * v;
    }
    for (let i = 0; i < keys.length; i += 1) {
      const g = (grad[i] ?? 0) + (lambdas[i] ?? 0) * ((w[i] ?? 0) - (prior[i] ?? 0));
      squares[i] = (squares[i] ?? 0) + g * g;
      w[i] = (w[i] ?? 0) - (options.rate * g) / (Math.sqrt(squares[i] ?? 0) + 1e-8);
    }
    biasSquares += biasGrad * biasGrad;
    bias -= (options.rate * biasGrad) / (Math.sqrt(biasSquares) + 1e-8);
  }
  const weights: Record<string, number> = {};
  keys.forEach((k, i) => {
    weights[k] = w[i] ?? 0;
  });
  return { bias, weights };
}

/** The tone a fitted model gives an example's features: 2·σ(z) − 1. */
export function predict(model: Fitted, keys: readonly (readonly [string, number])[]): number {
  return 2 / (1 + Math.exp(-logOdds(model, keys))) - 1;
}

/** The model's log-odds for an example's features. */
export function logOdds(model: Fitted, keys: readonly (readonly [string, number])[]): number {
  let z = model.bias;
  for (const [k, v] of keys) z += (model.weights[k] ?? 0) * v;
  return z;
}

/** A calibration of log-odds: the tone is 2·σ(scale·z + shift) − 1. */
export interface Calibration {
  readonly scale: number;
  readonly shift: number;
}

/**
 * The calibration that puts the most labelled replies in their band, found on log-odds each reply got
 * from a model that never saw it (out of fold), so it does not reward a model for remembering. Ties go
 * to the calibration nearest to none (scale 1, shift 0).
 */
export function calibrate(
  scored: readonly { readonly z: number; readonly band: string }[],
  band: (tone: number) => string,
): Calibration {
  let best = { scale: 1, shift: 0, right: -1 };
  // The scale may not squash the tone below 0.8 of itself: personas' moods and the reactions they pick
  // read its size, not only its band.
  for (let a = 80; a <= 150; a += 5) {
    for (let c = -60; c <= 60; c += 5) {
      const scale = a / 100;
      const shift = c / 100;
      const right = scored.filter(
        (r) => band(2 / (1 + Math.exp(-(scale * r.z + shift))) - 1) === r.band,
      ).length;
      const nearer = Math.abs(scale - 1) + Math.abs(shift) < Math.abs(best.scale - 1) + Math.abs(best.shift);
      if (right > best.right || (right === best.right && nearer)) best = { scale, shift, right };
    }
  }
  return { scale: best.scale, shift: best.shift };
}

/** Folds a calibration into a model, so the shipped model stays a plain sum of weights. */
export function applyCalibration(model: Fitted, calibration: Calibration): Fitted {
  return {
    bias: calibration.scale * model.bias + calibration.shift,
    weights: Object.fromEntries(Object.entries(model.weights).map(([k, w]) => [k, calibration.scale * w])),
  };
}

/**
 * Fits a model and calibrates it on out-of-fold log-odds: `folds` models each fitted without one
 * fold of the examples score the labelled replies of that fold; the calibration is fitted to those
 * scores; the model fitted on every example is shipped with it.
 */
export function fitCalibrated(
  examples: readonly ToneExample[],
  options: FitOptions,
  band: (tone: number) => string,
  folds = 5,
): Fitted {
  const scored: { z: number; band: string }[] = [];
  for (let fold = 0; fold < folds; fold += 1) {
    const model = fitTone(
      examples.filter((_, i) => i % folds !== fold),
      options,
    );
    examples.forEach((e, i) => {
      if (i % folds === fold && e.source !== 'rated')
        scored.push({ z: logOdds(model, e.keys), band: e.source });
    });
  }
  return applyCalibration(fitTone(examples, options), calibrate(scored, band));
}
