/**
 * Regression metrics with scikit-learn's semantics: each compares true targets with
 * predictions of the same length and returns one number.
 */
import { LinfitError } from '../errors.js';
import { asVector } from '../validate.js';

/**
 * Both vectors validated (non-empty, finite) and of equal length; errors name the function
 * and the argument at fault.
 */
function targetAndPrediction(yTrue: ArrayLike<number>, yPred: ArrayLike<number>, where: string): [Float64Array, Float64Array] {
  const t = asVector(yTrue, `${where}: yTrue`);
  const p = asVector(yPred, `${where}: yPred`);
  if (t.length !== p.length) {
    throw new LinfitError('SHAPE_MISMATCH', `${where}: yTrue has ${t.length} values but yPred has ${p.length}`);
  }
  return [t, p];
}

function sumOfSquaredErrors(t: Float64Array, p: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < t.length; i++) {
    const r = t[i] - p[i];
    sum += r * r;
  }
  return sum;
}

/**
 * Mean of (yTrue − yPred)².
 * @example meanSquaredError([3, -0.5, 2, 7], [2.5, 0, 2, 8]) // 0.375
 */
export function meanSquaredError(yTrue: ArrayLike<number>, yPred: ArrayLike<number>): number {
  const [t, p] = targetAndPrediction(yTrue, yPred, 'meanSquaredError');
  return sumOfSquaredErrors(t, p) / t.length;
}

/**
 * √MSE, in the units of y.
 * @example rootMeanSquaredError([1, 2], [1, 4]) // Math.SQRT2
 */
export function rootMeanSquaredError(yTrue: ArrayLike<number>, yPred: ArrayLike<number>): number {
  const [t, p] = targetAndPrediction(yTrue, yPred, 'rootMeanSquaredError');
  return Math.sqrt(sumOfSquaredErrors(t, p) / t.length);
}

/**
 * Mean of |yTrue − yPred|.
 * @example meanAbsoluteError([3, -0.5, 2, 7], [2.5, 0, 2, 8]) // 0.5
 */
export function meanAbsoluteError(yTrue: ArrayLike<number>, yPred: ArrayLike<number>): number {
  const [t, p] = targetAndPrediction(yTrue, yPred, 'meanAbsoluteError');
  let sum = 0;
  for (let i = 0; i < t.length; i++) sum += Math.abs(t[i] - p[i]);
  return sum / t.length;
}

/**
 * Coefficient of determination, 1 − SS_res / SS_tot (1 is perfect; it can be negative).
 *
 * When yTrue is constant SS_tot is 0 and the ratio undefined; like scikit-learn's
 * `force_finite=True` this returns 1 for a perfect prediction and 0 otherwise. (That also
 * covers a single sample, where scikit-learn returns NaN with a warning.)
 * @example r2Score([3, -0.5, 2, 7], [2.5, 0, 2, 8]) // 0.9486081370449679
 */
export function r2Score(yTrue: ArrayLike<number>, yPred: ArrayLike<number>): number {
  const [t, p] = targetAndPrediction(yTrue, yPred, 'r2Score');
  const ssRes = sumOfSquaredErrors(t, p);
  // Test constancy directly: the mean of equal floats need not equal them (0.1 × 3 / 3),
  // which would leave a tiny SS_tot and a meaningless huge negative score.
  if (t.every((v) => v === t[0])) return ssRes === 0 ? 1 : 0;
  let mean = 0;
  for (let i = 0; i < t.length; i++) mean += t[i];
  mean /= t.length;
  let ssTot = 0;
  for (let i = 0; i < t.length; i++) ssTot += (t[i] - mean) ** 2;
  return 1 - ssRes / ssTot;
}
