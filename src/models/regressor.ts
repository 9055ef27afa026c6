/**
 * One-output regression on the linear-model base: fit / partialFit on numeric targets, the
 * weights as a vector and the intercept as a number, and predict = the loss's inverse link of
 * X·w + b. A model is its RegressorSpec: the base's spec plus its loss, link and target check;
 * a log-link GLM also gives its deviance, and then starts at log ȳ and scores by D².
 */
import { LinfitError } from '../errors.js';
import { readSampleWeight, type FitData } from '../fit/load.js';
import type { InverseLink } from '../losses/links.js';
import type { Loss } from '../losses/types.js';
import { r2Score } from '../metrics/regression.js';
import { asMatrix, asVector, type MatrixLike } from '../validate.js';
import { LinearModel, type CommonOptions, type FitHistory, type LinearModelSpec } from './linear-model.js';
import { TRAIN_OPTION_NAMES, type TrainOptions } from './train-options.js';

export interface RegressorSpec extends LinearModelSpec {
  /** The loss, or how to make it from the model (for a parameter such as Huber's ε). */
  loss: Loss | ((model: LinearRegressor) => Loss);
  /** From the linear predictor to the predicted mean. */
  inverseLink: InverseLink;
  /** Checks the targets beyond finiteness (e.g. Poisson's y ≥ 0). */
  checkTarget?(y: Float64Array): void;
  /** Log-link GLMs: one row's half deviance; fits then start at log ȳ and `score` is D². */
  halfDeviance?(y: number, mu: number): number;
}

export abstract class LinearRegressor extends LinearModel {
  protected constructor(options: CommonOptions, spec: RegressorSpec, given?: object) {
    super(options, spec, given);
  }

  private get regression(): RegressorSpec {
    return this.spec as RegressorSpec;
  }

  protected makeLoss(): Loss {
    const { loss } = this.regression;
    return typeof loss === 'function' ? loss(this) : loss;
  }

  protected override exactStart(data: FitData): Float64Array | undefined {
    return this.regression.halfDeviance ? logMeanStart(data, this.fitIntercept) : undefined;
  }

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
    this.regression.checkTarget?.(target);
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
    this.regression.inverseLink(mean, 1);
    const row = mean.findIndex((m) => !Number.isFinite(m));
    if (row >= 0) {
      throw new LinfitError('OVERFLOW', `${this.typeName}.predict: row ${row} has linear predictor ${z[row]}, whose mean overflows float64; check that row's features for values far outside the training data`);
    }
    return mean;
  }

  /** R² of the predictions for X against y; D² of the deviance for the log-link GLMs. */
  score(X: MatrixLike, y: ArrayLike<number>): number {
    const prediction = this.predict(X);
    const { halfDeviance } = this.regression;
    return halfDeviance ? d2Score(asVector(y, 'y', prediction.length), prediction, halfDeviance) : r2Score(y, prediction);
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

/** The generalized linear regressors: always iterative, so always a history. */
export abstract class GlmRegressor extends LinearRegressor {
  /** Per iteration (exact solvers: loss and gradient max-norm) or per epoch (gradient solvers: loss and rate). */
  override get history(): FitHistory {
    return super.history!;
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
