/**
 * One-output regression on the linear-model base: fit / partialFit on numeric targets, the
 * weights as a vector and the intercept as a number, and predict = the loss's inverse link of
 * X·w + b. LinearRegression, PoissonRegressor and HuberRegressor are this plus their loss.
 */
import { LinfitError } from '../errors.js';
import { readSampleWeight, type FitData } from '../fit/load.js';
import type { InverseLink } from '../losses/links.js';
import { r2Score } from '../metrics/regression.js';
import { asMatrix, asVector, type MatrixLike } from '../validate.js';
import { LinearModel } from './linear-model.js';
import { TRAIN_OPTION_NAMES, type TrainOptions } from './train-options.js';

export abstract class LinearRegressor extends LinearModel {
  /** From the linear predictor to the predicted mean. */
  protected abstract get inverseLink(): InverseLink;

  /** Checks the targets beyond finiteness (e.g. Poisson's y ≥ 0). */
  protected checkTarget(_y: Float64Array): void {}

  fit(X: MatrixLike, y: ArrayLike<number>, options?: { sampleWeight?: ArrayLike<number> }): this {
    const M = asMatrix(X);
    this.fitEncoded(M, { target: this.readTarget(y, M.rows), outputs: 1, sampleWeight: readSampleWeight(options, M.rows) });
    return this;
  }

  /** One epoch of the gradient solver over (X, y), continuing from the current state. */
  partialFit(X: MatrixLike, y: ArrayLike<number>, options?: { sampleWeight?: ArrayLike<number> }): this {
    this.assertPartialFit();
    const M = asMatrix(X);
    this.partialFitEncoded(M, { target: this.readTarget(y, M.rows), outputs: 1, sampleWeight: readSampleWeight(options, M.rows) });
    return this;
  }

  private readTarget(y: ArrayLike<number>, rows: number): Float64Array {
    const target = asVector(y, 'y', rows);
    this.checkTarget(target);
    return target;
  }

  /** The linear predictor X·w + b (the link scale: log-mean for Poisson). */
  linearPredictor(X: MatrixLike): Float64Array {
    return this.scores(X).scores;
  }

  /** The predicted mean: the inverse link of X·w + b. A mean past float64's range is an OVERFLOW error, never Infinity. */
  predict(X: MatrixLike): Float64Array {
    const z = this.linearPredictor(X);
    const mean = z.slice();
    this.inverseLink(mean, 1);
    const row = mean.findIndex((m) => !Number.isFinite(m));
    if (row >= 0) {
      throw new LinfitError('OVERFLOW', `${this.typeName}.predict: row ${row} has linear predictor ${z[row]}, whose mean overflows float64; check that row's features for values far outside the training data`);
    }
    return mean;
  }

  /** R² of the predictions for X against y (models with another natural score override it). */
  score(X: MatrixLike, y: ArrayLike<number>): number {
    return r2Score(y, this.predict(X));
  }

  /** Weights, one per feature (a copy). */
  get coef(): Float64Array {
    const f = this.state();
    return f.params.slice(0, f.cols);
  }

  get intercept(): number {
    const f = this.state();
    return f.params[f.cols];
  }
}

/** The solvers a generalized linear regressor may offer. */
export type GlmSolver = 'lbfgs' | 'newton' | 'gd' | 'sgd';

/** The options every generalized linear regressor shares: an L2 penalty (mean loss + α/2‖w‖²) and a solver. */
export interface GlmOptions extends TrainOptions {
  alpha?: number;
  fitIntercept?: boolean;
  solver?: GlmSolver;
}

export const GLM_OPTION_NAMES = ['alpha', 'fitIntercept', 'solver', ...TRAIN_OPTION_NAMES] as const;

/** The intercept log of the (weighted) mean of y, weights 0: the best constant model of a log-link GLM, where scikit-learn starts too. */
export function logMeanStart({ X, target, sampleWeight }: FitData, fitIntercept: boolean): Float64Array {
  const start = new Float64Array(X.cols + 1);
  if (!fitIntercept) return start;
  let sum = 0, total = 0;
  for (let i = 0; i < target.length; i++) {
    const s = sampleWeight ? sampleWeight[i] : 1;
    sum += s * target[i];
    total += s;
  }
  start[X.cols] = Math.log(sum / total);
  return start;
}

/** D² of a deviance: 1 − dev(y, μ) / dev(y, ȳ), the fraction of the deviance the model explains. */
export function d2Score(y: Float64Array, mu: Float64Array, halfDeviance: (y: number, mu: number) => number): number {
  const mean = y.reduce((s, v) => s + v, 0) / y.length;
  let dev = 0, nullDev = 0;
  for (let i = 0; i < y.length; i++) {
    dev += halfDeviance(y[i], mu[i]);
    nullDev += halfDeviance(y[i], mean);
  }
  return nullDev > 0 ? 1 - dev / nullDev : dev === 0 ? 1 : 0;
}
