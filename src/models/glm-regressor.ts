/**
 * The one-output generalized linear regressor: a loss with an inverse link, an L2 penalty
 * α/2‖w‖² (never on the intercept), the exact solvers (L-BFGS, Newton–CG) and the gradient
 * solvers (gd, sgd with partialFit). A model is a spec (its loss, link, defaults, solvers and
 * score) and a few lines: see PoissonRegressor and HuberRegressor.
 */
import { currentArena } from '../runtime/select.js';
import { LinfitError, notFitted } from '../errors.js';
import { finiteArray, finiteNumber } from '../json.js';
import type { Loss } from '../losses/index.js';
import type { Matrix } from '../matrix.js';
import { initialState, type TrainResult, type TrainState } from '../solvers/gradient.js';
import { asMatrix, asVector, booleanOption, checkOptionNames, numberIn, oneOf, type MatrixLike } from '../validate.js';
import { runExact } from './exact-fit.js';
import { appendHistory, readSampleWeight, runGradient, type GradientProblem } from './gradient-fit.js';
import { linearPredict } from './predict.js';
import { TRAIN_OPTION_NAMES, resolveTrainOptions, trainConfig, type ResolvedTrainOptions, type TrainOptions } from './train-options.js';
import { optionsJSON, restoreOptions, restoreTrainState, trainStateJSON, type SavedTrainState } from './train-state-json.js';

export type GlmSolver = 'lbfgs' | 'newton' | 'gd' | 'sgd';

export interface GlmOptions extends TrainOptions {
  /** L2 strength: mean loss + α/2‖w‖². */
  alpha?: number;
  fitIntercept?: boolean;
  solver?: GlmSolver;
}

/** What makes one model: everything else is shared. */
export interface GlmSpec<O extends GlmOptions> {
  typeName: string;
  /** Allowed solvers, the default first. */
  solvers: readonly GlmSolver[];
  defaultAlpha: number;
  /** Defaults of the exact solvers (the gradient solvers have TrainOptions' defaults). */
  exact: { maxIter: number; tol: number };
  /** The model's own option names beyond GlmOptions. */
  extraOptions: readonly string[];
  /** The loss, from the validated options (its parameters, such as Huber's ε). */
  makeLoss(options: O): Loss;
  /** Checks the targets beyond finiteness (e.g. Poisson's y ≥ 0). */
  checkTarget?(y: Float64Array): void;
  /** The mean for a linear predictor z. */
  inverseLink(z: number): number;
  /** The intercept to start the exact solvers from (default 0), given the targets and weights. */
  startIntercept?(y: Float64Array, sampleWeight?: Float64Array): number;
  score(y: Float64Array, prediction: Float64Array): number;
}

interface Fitted {
  /** The kernels' layout: [w_0 … w_{d−1}, b]. */
  params: Float64Array;
  solver: GlmSolver;
  history: { loss: number[]; learningRate?: number[]; gradNorm?: number[] };
  nIter: number;
  converged: boolean;
  warning?: string;
  /** Gradient solvers: where partialFit resumes. */
  train?: TrainState;
}

export interface GlmJSON {
  format: 'linfit';
  version: 1;
  type: string;
  options: Record<string, unknown>;
  coef: number[];
  intercept: number;
  solverUsed: GlmSolver;
  nIter: number;
  converged: boolean;
  warning: string | null;
  history: Fitted['history'];
  state?: SavedTrainState;
}

const BASE_OPTIONS = ['alpha', 'fitIntercept', 'solver', ...TRAIN_OPTION_NAMES] as const;

export abstract class GlmRegressor<O extends GlmOptions> {
  readonly alpha: number;
  readonly fitIntercept: boolean;
  readonly solver: GlmSolver;
  private readonly spec: GlmSpec<O>;
  /** The options as given (a copy), for the loss parameters and toJSON. */
  private readonly given: O;
  private readonly train?: ResolvedTrainOptions;
  private readonly exact?: { maxIter: number; tol: number };
  private fitted?: Fitted;

  protected constructor(spec: GlmSpec<O>, options: O) {
    const where = spec.typeName;
    const o = checkOptionNames(options, [...BASE_OPTIONS, ...spec.extraOptions], where);
    this.spec = spec;
    this.given = { ...o };
    this.alpha = numberIn(o.alpha ?? spec.defaultAlpha, 'alpha', where, { min: 0 });
    this.fitIntercept = booleanOption(o.fitIntercept ?? true, 'fitIntercept', where);
    this.solver = oneOf(o.solver ?? spec.solvers[0], spec.solvers, 'solver', where);
    if (this.solver === 'gd' || this.solver === 'sgd') {
      this.train = resolveTrainOptions(o, where, this.solver);
    } else {
      const stray = TRAIN_OPTION_NAMES.find((name) => name !== 'maxIter' && name !== 'tol' && o[name] !== undefined);
      if (stray) throw new LinfitError('BAD_OPTION', `${where}: ${stray} applies to the gradient solvers ('gd', 'sgd'), not solver '${this.solver}'`);
      this.exact = {
        maxIter: numberIn(o.maxIter ?? spec.exact.maxIter, 'maxIter', where, { min: 1, integer: true }),
        tol: numberIn(o.tol ?? spec.exact.tol, 'tol', where, { min: 0 }),
      };
    }
  }

  /** The model's name in JSON and messages (fixed: bundlers may rename classes). */
  get typeName(): string {
    return this.spec.typeName;
  }

  fit(X: MatrixLike, y: ArrayLike<number>, options?: { sampleWeight?: ArrayLike<number> }): this {
    const M = asMatrix(X);
    const target = this.readTarget(y, M.rows);
    const sampleWeight = readSampleWeight(options, M.rows);
    this.fitted = this.train
      ? this.runGradient(M, target, sampleWeight, initialState(M.cols + 1, this.train.optimizer, this.train.seed), false)
      : this.runExact(M, target, sampleWeight);
    return this;
  }

  /** One epoch of the gradient solver over (X, y), continuing from the current state. */
  partialFit(X: MatrixLike, y: ArrayLike<number>, options?: { sampleWeight?: ArrayLike<number> }): this {
    if (!this.train) {
      throw new LinfitError('BAD_OPTION', `${this.typeName}: partialFit needs a gradient solver ('sgd' or 'gd'); this model uses '${this.solver}'`);
    }
    const M = asMatrix(X);
    const target = this.readTarget(y, M.rows);
    const previous = this.fitted;
    if (previous && previous.params.length !== M.cols + 1) {
      throw new LinfitError('SHAPE_MISMATCH', `X has ${M.cols} columns but the model was fitted with ${previous.params.length - 1}`);
    }
    const start = previous?.train ?? initialState(M.cols + 1, this.train.optimizer, this.train.seed);
    const next = this.runGradient(M, target, readSampleWeight(options, M.rows), start, true);
    if (previous) {
      next.history = appendHistory(previous.history, next.history);
      next.nIter += previous.nIter;
    }
    this.fitted = next;
    return this;
  }

  private readTarget(y: ArrayLike<number>, rows: number): Float64Array {
    const target = asVector(y, 'y', rows);
    this.spec.checkTarget?.(target);
    return target;
  }

  private problem(cols: number): GradientProblem {
    return {
      makeLoss: () => this.spec.makeLoss(this.given),
      penalty: this.alpha > 0 ? { kind: 'l2', alpha: this.alpha, l1Ratio: 0 } : { kind: 'none', alpha: 0, l1Ratio: 0 },
      cols,
      outputs: 1,
      fitIntercept: this.fitIntercept,
    };
  }

  private runExact(M: Matrix, target: Float64Array, sampleWeight?: Float64Array): Fitted {
    const start = new Float64Array(M.cols + 1);
    if (this.fitIntercept && this.spec.startIntercept) start[M.cols] = this.spec.startIntercept(target, sampleWeight);
    const r = runExact(currentArena(), { X: M, target, sampleWeight }, this.problem(M.cols), this.solver as 'lbfgs' | 'newton', { ...this.exact!, start });
    return { params: r.params, solver: this.solver, history: r.history, nIter: r.iterations, converged: r.converged, warning: r.warning };
  }

  private runGradient(M: Matrix, target: Float64Array, sampleWeight: Float64Array | undefined, start: TrainState, partial: boolean): Fitted {
    const config = trainConfig(this.train!, M.rows, this.typeName, partial);
    const r: TrainResult = runGradient(currentArena(), { X: M, target, sampleWeight }, this.problem(M.cols), config, start);
    return {
      params: r.state.params, solver: this.solver, history: r.history, nIter: r.nIter, converged: r.converged, warning: r.warning, train: r.state,
    };
  }

  /** The linear predictor X·w + b (the link scale: log-mean for Poisson). */
  linearPredictor(X: MatrixLike): Float64Array {
    const f = this.state();
    const cols = f.params.length - 1;
    return linearPredict(X, f.params.subarray(0, cols), f.params[cols]);
  }

  /** The predicted mean: the inverse link of X·w + b. A mean past float64's range is an OVERFLOW error, never Infinity. */
  predict(X: MatrixLike): Float64Array {
    const z = this.linearPredictor(X);
    for (let i = 0; i < z.length; i++) {
      const mean = this.spec.inverseLink(z[i]);
      if (!Number.isFinite(mean)) {
        throw new LinfitError('OVERFLOW', `${this.typeName}.predict: row ${i} has linear predictor ${z[i]}, whose mean overflows float64; check that row's features for values far outside the training data`);
      }
      z[i] = mean;
    }
    return z;
  }

  score(X: MatrixLike, y: ArrayLike<number>): number {
    const prediction = this.predict(X);
    return this.spec.score(asVector(y, 'y', prediction.length), prediction);
  }

  /** Weights, one per feature (a copy). */
  get coef(): Float64Array {
    const p = this.state().params;
    return p.slice(0, p.length - 1);
  }

  get intercept(): number {
    const p = this.state().params;
    return p[p.length - 1];
  }

  get nFeaturesIn(): number {
    return this.state().params.length - 1;
  }

  get solverUsed(): GlmSolver {
    return this.state().solver;
  }

  /** Per iteration (exact solvers: loss and gradient max-norm) or per epoch (gradient solvers: loss and rate). */
  get history(): Fitted['history'] {
    return structuredClone(this.state().history);
  }

  get nIter(): number {
    return this.state().nIter;
  }

  get converged(): boolean {
    return this.state().converged;
  }

  get warning(): string | undefined {
    return this.state().warning;
  }

  get isFitted(): boolean {
    return this.fitted !== undefined;
  }

  toJSON(): GlmJSON {
    const f = this.state();
    const given = this.given as Record<string, unknown>;
    const cols = f.params.length - 1;
    return {
      format: 'linfit',
      version: 1,
      type: this.typeName,
      options: this.train ? optionsJSON(given, this.train) : { ...given },
      coef: Array.from(f.params.subarray(0, cols)),
      intercept: f.params[cols],
      solverUsed: f.solver,
      nIter: f.nIter,
      converged: f.converged,
      warning: f.warning ?? null,
      history: structuredClone(f.history),
      ...(f.train ? { state: trainStateJSON(f.train) } : {}),
    };
  }

  /** Restores the fitted state from toJSON() output (the options were given to the constructor). */
  protected restore(json: GlmJSON): this {
    const where = `${this.typeName} JSON`;
    const coef = finiteArray(json.coef, 'coef', this.typeName);
    const params = new Float64Array(coef.length + 1);
    params.set(coef);
    params[coef.length] = finiteNumber(json.intercept, 'intercept', this.typeName);
    if (json.warning !== null && typeof json.warning !== 'string') throw new LinfitError('BAD_MODEL', `${where}: warning must be a string or null`);
    const fitted: Fitted = {
      params,
      solver: oneOf(json.solverUsed, this.spec.solvers, 'solverUsed', where),
      nIter: numberIn(json.nIter, 'nIter', where, { min: 0, integer: true }),
      converged: booleanOption(json.converged, 'converged', where),
      warning: json.warning ?? undefined,
      history: { ...json.history, loss: Array.from(finiteArray(json.history?.loss ?? [], 'history.loss', this.typeName)) },
    };
    if (this.train) {
      if (!json.state) throw new LinfitError('BAD_MODEL', `${where}: a gradient-trained model needs its state`);
      fitted.train = restoreTrainState(json.state, params.length, this.train.optimizer.slots);
      if (fitted.train.params.some((v, j) => v !== params[j])) throw new LinfitError('BAD_MODEL', `${where}: coef and intercept disagree with state.params`);
    }
    this.fitted = fitted;
    return this;
  }

  /** The constructor options saved in toJSON() output. */
  protected static savedOptions(json: GlmJSON): Record<string, unknown> {
    return restoreOptions(json.options);
  }

  private state(): Fitted {
    if (!this.fitted) throw notFitted(this.typeName);
    return this.fitted;
  }
}
