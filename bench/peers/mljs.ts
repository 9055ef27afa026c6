/**
 * ml.js peers (pure JavaScript, float64): ml-regression-multivariate-linear and
 * ml-logistic-regression. Their inputs (number[][] and ml-matrix Matrix) are built once,
 * outside the timing; the copy each constructor makes of them is part of its fit, as linfit's
 * copy into wasm memory is part of its.
 */
import MultivariateLinearRegression from 'ml-regression-multivariate-linear';
import LogisticRegression from 'ml-logistic-regression';
import { Matrix as MlMatrix } from 'ml-matrix';
import type { Matrix } from '../../src/index.js';
import type { Linear } from './types.js';

function rowsOf(M: Matrix): number[][] {
  return Array.from({ length: M.rows }, (_, i) => Array.from(M.data.subarray(i * M.cols, (i + 1) * M.cols)));
}

/**
 * Normal equation too: XᵀX with an appended column of ones (not centred), inverted by an SVD.
 * statistics: false skips the standard errors and t-statistics, which linfit does not compute.
 */
export function mlOls(M: Matrix, y: Float64Array): () => Linear {
  const x = rowsOf(M), ys = Array.from(y, (v) => [v]);
  return () => {
    const w = new MultivariateLinearRegression(x, ys, { intercept: true, statistics: false }).weights;
    return { coef: w.slice(0, M.cols).map((r) => r[0]), intercept: w[M.cols][0] };
  };
}

/**
 * Full-batch gradient descent on the summed (not mean) cross-entropy, no intercept, from zero.
 * It trains one-vs-rest even for two classes, so `numSteps` costs twice that many GD steps.
 * Its predict() picks the class whose "not this class" probability σ(x·w_k) is smaller: for
 * two classes, class 1 exactly when x·(w₀ − w₁) > 0, the linear function returned here.
 */
export function mlLogistic(M: Matrix, labels: ArrayLike<number>, numSteps: number, learningRate: number): () => Linear {
  const X = new MlMatrix(rowsOf(M)), Y = MlMatrix.columnVector(Array.from(labels));
  return () => {
    const model = new LogisticRegression({ numSteps, learningRate });
    model.train(X, Y);
    const [w0, w1] = model.classifiers.map((c) => c.weights.to1DArray());
    return { coef: w0.map((v, j) => v - w1[j]), intercept: 0 };
  };
}
