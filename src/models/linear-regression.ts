import { currentArena } from '../runtime/select.js';
import { LinfitError, notFitted } from '../errors.js';
import { finiteArray, finiteNumber } from '../json.js';
import { squaredLoss } from '../losses/index.js';
import type { Matrix } from '../matrix.js';
import { r2Score } from '../metrics/regression.js';
import type { Penalty, PenaltyKind } from '../penalty.js';
import { initialState, type TrainResult, type TrainState } from '../solvers/gradient.js';
import { fitElasticNet } from '../solvers/elastic-net.js';
import { fitLeastSquares, type ExactSolver } from '../solvers/least-squares.js';
import { asMatrix, asVector, booleanOption, checkOptionNames, numberIn, oneOf, type MatrixLike } from '../validate.js';
import { appendHistory, readSampleWeight, runGradient } from './gradient-fit.js';
import { linearPredict } from './predict.js';
import { TRAIN_OPTION_NAMES, resolveTrainOptions, trainConfig, type ResolvedTrainOptions, type TrainOptions } from './train-options.js';
import { optionsJSON, restoreOptions, restoreTrainState, trainStateJSON, type SavedTrainState } from './train-state-json.js';

export type LinearSolver = ExactSolver | 'cd' | 'gd' | 'sgd';
export type LinearPenalty = PenaltyKind;

export interface LinearRegressionOptions extends TrainOptions {
  fitIntercept?: boolean;
  penalty?: LinearPenalty;
  /** Penalty strength α (default 1 when a penalty is set); see the objective below. */
  alpha?: number;
  /** Elastic net's share of L1 in [0, 1] (default 0.5). */
  l1Ratio?: number;
  /**
   * 'normal': the normal equation (Cholesky of the centred Gram matrix). 'qr': Householder QR
   * + SVD, accurate when X is ill-conditioned, minimum-norm when it is rank deficient.
   * 'cd': coordinate descent on the Gram matrix (exact zeros for L1; duality-gap stopping).
   * 'gd' / 'sgd': gradient descent, full batch or mini-batch (the lecture notes). 'auto' (default):
   * normal when the Gram matrix is well conditioned, QR otherwise; 'cd' for L1 penalties.
   */
  solver?: LinearSolver;
  /** Constrain the weights to be ≥ 0 (solver 'cd'). */
  positive?: boolean;
}

const OPTION_NAMES = ['fitIntercept', 'penalty', 'alpha', 'l1Ratio', 'solver', 'positive', ...TRAIN_OPTION_NAMES] as const;
const SOLVERS: readonly LinearSolver[] = ['auto', 'normal', 'qr', 'cd', 'gd', 'sgd'];
const PENALTIES: readonly LinearPenalty[] = ['none', 'l2', 'l1', 'elasticnet'];

interface Fitted {
  coef: Float64Array;
  intercept: number;
  solver: FittedSolver;
  rank?: number;
  /** Coordinate descent: the duality gap at the answer. */
  dualGap?: number;
  singularValues?: Float64Array;
  /** Gradient solvers only. */
  train?: TrainState;
  history?: TrainResult['history'];
  nIter?: number;
  converged?: boolean;
  warning?: string;
}

/**
 * Linear least squares, optionally penalised (the intercept never is). Objective:
 * mean_i ½(y_i − x_i·w − b)² + penalty, with 'l2' α/2‖w‖², 'l1' α‖w‖₁ and 'elasticnet'
 * α(l1Ratio‖w‖₁ + (1 − l1Ratio)/2‖w‖²).
 *
 * @example
 * const model = new LinearRegression().fit([[2.7, 1], [4.1, 1], [1.0, 0], [5.2, 1], [2.8, 0]], [25, 33, 15, 45, 22]);
 * model.intercept; // 6.08613445378149
 * model.coef;      // Float64Array [6.53361344537816, 2.11274509803922]
 */
export class LinearRegression {
  readonly fitIntercept: boolean;
  readonly penalty: LinearPenalty;
  readonly alpha: number;
  readonly l1Ratio: number;
  readonly solver: LinearSolver;
  readonly positive: boolean;
  private readonly train?: ResolvedTrainOptions;
  private readonly cd?: { maxIter: number; tol: number };
  private readonly given: LinearRegressionOptions;
  private fitted?: Fitted;

  /** The model's name in JSON and in messages (fixed: bundlers may rename classes). */
  get typeName(): ModelType {
    return 'LinearRegression';
  }

  constructor(options: LinearRegressionOptions = {}) {
    const where = this.typeName;
    const o = checkOptionNames(options, OPTION_NAMES, where);
    this.given = { ...o };
    this.fitIntercept = booleanOption(o.fitIntercept ?? true, 'fitIntercept', where);
    this.penalty = oneOf(o.penalty ?? 'none', PENALTIES, 'penalty', where);
    this.alpha = this.penalty === 'none' ? 0 : numberIn(o.alpha ?? 1, 'alpha', where, { min: 0 });
    if (this.penalty === 'none' && o.alpha !== undefined && o.alpha !== 0) {
      throw new LinfitError('BAD_OPTION', `${where}: alpha = ${o.alpha} has no effect with penalty 'none'; set penalty: 'l2' (or use Ridge)`);
    }
    this.l1Ratio = numberIn(o.l1Ratio ?? 0.5, 'l1Ratio', where, { min: 0, max: 1 });
    const hasL1 = this.penalty === 'l1' || this.penalty === 'elasticnet';
    const solver = oneOf(o.solver ?? 'auto', SOLVERS, 'solver', where);
    if (hasL1 && (solver === 'normal' || solver === 'qr')) {
      throw new LinfitError('BAD_OPTION', `${where}: solver '${solver}' has no closed form for penalty '${this.penalty}'; use 'gd', 'sgd' or 'auto'`);
    }
    this.solver = solver === 'auto' && hasL1 ? 'cd' : solver;
    this.positive = booleanOption(o.positive ?? false, 'positive', where);
    const l1Part = this.penalty === 'l1' || (this.penalty === 'elasticnet' && this.l1Ratio > 0);
    if (this.positive && (this.solver !== 'cd' || !l1Part)) {
      throw new LinfitError('BAD_OPTION', `${where}: positive: true needs solver 'cd' and an L1 term (Lasso or ElasticNet with l1Ratio > 0)`);
    }
    if (this.solver === 'cd' && this.alpha === 0) {
      throw new LinfitError('BAD_OPTION', `${where}: solver 'cd' needs a penalty with alpha > 0; for ordinary least squares use solver 'normal' or 'qr'`);
    }
    if (this.solver === 'gd' || this.solver === 'sgd') {
      this.train = resolveTrainOptions(o, where, this.solver);
      return;
    }
    const iterative = this.solver === 'cd';
    const stray = TRAIN_OPTION_NAMES.find((name) => o[name] !== undefined && !(iterative && (name === 'maxIter' || name === 'tol')));
    if (stray) throw new LinfitError('BAD_OPTION', `${where}: ${stray} applies to the gradient solvers ('gd', 'sgd'), not solver '${this.solver}'`);
    if (iterative) {
      this.cd = {
        maxIter: numberIn(o.maxIter ?? 1000, 'maxIter', where, { min: 1, integer: true }),
        tol: numberIn(o.tol ?? 1e-4, 'tol', where, { min: 0 }),
      };
    }
  }

  fit(X: MatrixLike, y: ArrayLike<number>, options?: { sampleWeight?: ArrayLike<number> }): this {
    const M = asMatrix(X);
    const target = asVector(y, 'y', M.rows);
    if (this.train) {
      this.fitted = this.runGradient(M, target, options, initialState(M.cols + 1, this.train.optimizer, this.train.seed), false);
      return this;
    }
    const sampleWeight = readSampleWeight(options, M.rows);
    if (this.cd) {
      const r = fitElasticNet(currentArena(), M, target, sampleWeight, this.alpha, {
        fitIntercept: this.fitIntercept, l1Ratio: this.l1Share(), positive: this.positive, ...this.cd,
      });
      this.fitted = {
        coef: r.coef, intercept: r.intercept, solver: 'cd', dualGap: r.gap, nIter: r.iterations, converged: r.converged,
        ...(r.converged ? {} : { warning: `coordinate descent stopped after ${r.iterations} sweeps with duality gap ${r.gap.toExponential(2)} above tol·‖y‖²; raise maxIter or tol` }),
      };
      return this;
    }
    const result = fitLeastSquares(currentArena(), M, target, {
      fitIntercept: this.fitIntercept,
      alpha: this.alpha,
      solver: this.solver as ExactSolver,
    }, sampleWeight);
    // Only a completed fit replaces the previous state.
    this.fitted = result;
    return this;
  }

  /** The L1 share of the penalty: 1 for 'l1', l1Ratio for 'elasticnet', 0 otherwise. */
  private l1Share(): number {
    return this.penalty === 'l1' ? 1 : this.penalty === 'elasticnet' ? this.l1Ratio : 0;
  }

  /** One epoch of the gradient solver over (X, y), continuing from the current state. */
  partialFit(X: MatrixLike, y: ArrayLike<number>, options?: { sampleWeight?: ArrayLike<number> }): this {
    if (!this.train) {
      throw new LinfitError('BAD_OPTION', `${this.typeName}: partialFit needs a gradient solver ('sgd' or 'gd'); this model uses '${this.solver}'`);
    }
    const M = asMatrix(X);
    const target = asVector(y, 'y', M.rows);
    const previous = this.fitted;
    if (previous && previous.coef.length !== M.cols) {
      throw new LinfitError('SHAPE_MISMATCH', `X has ${M.cols} columns but the model was fitted with ${previous.coef.length}`);
    }
    const start = previous?.train ?? initialState(M.cols + 1, this.train.optimizer, this.train.seed);
    const next = this.runGradient(M, target, options, start, true);
    if (previous?.history) {
      next.history = appendHistory(previous.history, next.history!);
      next.nIter! += previous.nIter ?? 0;
    }
    this.fitted = next;
    return this;
  }

  private runGradient(
    M: Matrix, target: Float64Array, options: { sampleWeight?: ArrayLike<number> } | undefined,
    start: TrainState, partial: boolean,
  ): Fitted {
    const train = this.train!;
    const config = trainConfig(train, M.rows, this.typeName, partial);
    const penalty: Penalty = { kind: this.penalty, alpha: this.alpha, l1Ratio: this.l1Ratio };
    const result = runGradient(
      currentArena(),
      { X: M, target, sampleWeight: readSampleWeight(options, M.rows) },
      { makeLoss: () => squaredLoss, penalty, cols: M.cols, outputs: 1, fitIntercept: this.fitIntercept },
      config,
      start,
    );
    const params = result.state.params;
    return {
      coef: params.slice(0, M.cols), intercept: params[M.cols], solver: this.solver as 'gd' | 'sgd',
      train: result.state, history: result.history, nIter: result.nIter, converged: result.converged, warning: result.warning,
    };
  }

  predict(X: MatrixLike): Float64Array {
    const f = this.state();
    return linearPredict(X, f.coef, f.intercept);
  }

  /** R² of the predictions for X against y. */
  score(X: MatrixLike, y: ArrayLike<number>): number {
    return r2Score(y, this.predict(X));
  }

  /** Weights, one per feature (a copy). */
  get coef(): Float64Array {
    return this.state().coef.slice();
  }

  get intercept(): number {
    return this.state().intercept;
  }

  get nFeaturesIn(): number {
    return this.state().coef.length;
  }

  /** Which solver produced the fit ('auto' resolves to one of these). */
  get solverUsed(): FittedSolver {
    return this.state().solver;
  }

  /** Numerical rank of the centred X; known when the QR/SVD solver ran. */
  get rank(): number | undefined {
    return this.state().rank;
  }

  /** Coordinate descent: the duality gap at the answer (0 at the exact optimum). */
  get dualGap(): number | undefined {
    return this.state().dualGap;
  }

  get singularValues(): Float64Array | undefined {
    return this.state().singularValues?.slice();
  }

  /** Per-epoch loss and learning rate (gradient solvers). */
  get history(): TrainResult['history'] | undefined {
    const h = this.state().history;
    return h && structuredClone(h);
  }

  /** Epochs run (gradient solvers); 1 for the closed forms. */
  get nIter(): number {
    return this.state().nIter ?? 1;
  }

  get converged(): boolean {
    return this.state().converged ?? true;
  }

  get warning(): string | undefined {
    return this.state().warning;
  }

  get isFitted(): boolean {
    return this.fitted !== undefined;
  }

  toJSON(): LinearRegressionJSON {
    const f = this.state();
    const options = this.train
      ? optionsJSON(this.given as Record<string, unknown>, this.train)
      : { ...(this.given as Record<string, unknown>) };
    return {
      format: 'linfit',
      version: 1,
      type: this.typeName,
      options,
      coef: Array.from(f.coef),
      intercept: f.intercept,
      solverUsed: f.solver,
      ...(f.rank !== undefined ? { rank: f.rank } : {}),
      ...(f.singularValues ? { singularValues: Array.from(f.singularValues) } : {}),
      ...(f.dualGap !== undefined ? { dualGap: f.dualGap } : {}),
      ...(f.nIter !== undefined ? { nIter: f.nIter, converged: f.converged } : {}),
      ...(f.warning ? { warning: f.warning } : {}),
      ...(f.train ? { state: trainStateJSON(f.train), history: f.history } : {}),
    };
  }

  /** Rebuilds a fitted model from toJSON() output (see loadModel). */
  static fromJSON(json: LinearRegressionJSON): LinearRegression {
    const model = new LinearRegression(restoreOptions(json.options) as LinearRegressionOptions);
    model.restore(json);
    return model;
  }

  protected restore(json: LinearRegressionJSON): void {
    const coef = finiteArray(json.coef, 'coef', json.type);
    const solver = oneOf(json.solverUsed, ['normal', 'qr', 'cd', 'gd', 'sgd'] as const, 'solverUsed', `${json.type} JSON`);
    const where = `${json.type} JSON`;
    const fitted: Fitted = { coef, intercept: finiteNumber(json.intercept, 'intercept', json.type), solver };
    if (json.rank !== undefined) fitted.rank = numberIn(json.rank, 'rank', where, { min: 0, integer: true });
    if (json.singularValues !== undefined) fitted.singularValues = finiteArray(json.singularValues, 'singularValues', json.type);
    if (json.dualGap !== undefined) fitted.dualGap = finiteNumber(json.dualGap, 'dualGap', json.type);
    if (json.nIter !== undefined) {
      fitted.nIter = numberIn(json.nIter, 'nIter', where, { min: 0, integer: true });
      fitted.converged = booleanOption(json.converged, 'converged', where);
    }
    if (json.warning !== undefined) {
      if (typeof json.warning !== 'string') throw new LinfitError('BAD_MODEL', `${where}: warning must be a string`);
      fitted.warning = json.warning;
    }
    if (this.train && json.state) {
      fitted.train = restoreTrainState(json.state, coef.length + 1, this.train.optimizer.slots);
      const params = fitted.train.params;
      if (coef.some((w, j) => w !== params[j]) || params[coef.length] !== fitted.intercept) {
        throw new LinfitError('BAD_MODEL', `${where}: coef and intercept disagree with state.params`);
      }
      const loss = finiteArray(json.history?.loss ?? [], 'history.loss', json.type);
      const rates = finiteArray(json.history?.learningRate ?? [], 'history.learningRate', json.type);
      fitted.history = { loss: Array.from(loss), learningRate: Array.from(rates) };
    }
    this.fitted = fitted;
  }

  private state(): Fitted {
    if (!this.fitted) throw notFitted(this.typeName);
    return this.fitted;
  }
}

export interface LinearRegressionJSON {
  format: 'linfit';
  version: 1;
  type: ModelType;
  options: Record<string, unknown>;
  coef: number[];
  intercept: number;
  solverUsed: FittedSolver;
  rank?: number;
  singularValues?: number[];
  dualGap?: number;
  nIter?: number;
  converged?: boolean;
  warning?: string;
  state?: SavedTrainState;
  history?: TrainResult['history'];
}

type FittedSolver = 'normal' | 'qr' | 'cd' | 'gd' | 'sgd';
type ModelType = 'LinearRegression' | 'Ridge' | 'Lasso' | 'ElasticNet';
type PresetOptions = Omit<LinearRegressionOptions, 'penalty'>;

/**
 * Ridge regression: mean ½(y − Xw − b)² + α/2‖w‖², which is scikit-learn's Ridge(alpha = n·α).
 * Closed form (XᵀX/n + αI)⁻¹Xᵀy/n on centred data.
 */
export class Ridge extends LinearRegression {
  override get typeName(): ModelType {
    return 'Ridge';
  }

  constructor(options: Omit<PresetOptions, 'l1Ratio'> = {}) {
    const o = checkOptionNames(options, OPTION_NAMES.filter((n) => n !== 'penalty' && n !== 'l1Ratio'), 'Ridge');
    super({ ...o, penalty: 'l2', alpha: o.alpha ?? 1 });
  }

  static override fromJSON(json: LinearRegressionJSON): Ridge {
    const { penalty: _p, ...rest } = restoreOptions(json.options);
    const model = new Ridge(rest as PresetOptions);
    model.restore(json);
    return model;
  }
}

/** Lasso: mean ½(y − Xw − b)² + α‖w‖₁, as scikit-learn's Lasso(alpha); coordinate descent by default. */
export class Lasso extends LinearRegression {
  override get typeName(): ModelType {
    return 'Lasso';
  }

  constructor(options: Omit<PresetOptions, 'l1Ratio'> = {}) {
    const o = checkOptionNames(options, OPTION_NAMES.filter((n) => n !== 'penalty' && n !== 'l1Ratio'), 'Lasso');
    super({ ...o, penalty: 'l1', alpha: o.alpha ?? 1 });
  }

  static override fromJSON(json: LinearRegressionJSON): Lasso {
    const { penalty: _p, ...rest } = restoreOptions(json.options);
    const model = new Lasso(rest as PresetOptions);
    model.restore(json);
    return model;
  }
}

/** Elastic net: mean ½(y − Xw − b)² + α(l1Ratio‖w‖₁ + (1 − l1Ratio)/2‖w‖²), as scikit-learn's ElasticNet. */
export class ElasticNet extends LinearRegression {
  override get typeName(): ModelType {
    return 'ElasticNet';
  }

  constructor(options: PresetOptions = {}) {
    const o = checkOptionNames(options, OPTION_NAMES.filter((n) => n !== 'penalty'), 'ElasticNet');
    super({ ...o, penalty: 'elasticnet', alpha: o.alpha ?? 1, l1Ratio: o.l1Ratio ?? 0.5 });
  }

  static override fromJSON(json: LinearRegressionJSON): ElasticNet {
    const { penalty: _p, ...rest } = restoreOptions(json.options);
    const model = new ElasticNet(rest as PresetOptions);
    model.restore(json);
    return model;
  }
}
