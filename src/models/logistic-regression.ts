import { currentArena } from '../runtime/select.js';
import { LinfitError, notFitted } from '../errors.js';
import { finiteArray } from '../json.js';
import { logisticLoss, softmaxLoss } from '../losses/index.js';
import { Matrix } from '../matrix.js';
import { accuracyScore } from '../metrics/classification.js';
import type { PenaltyKind } from '../penalty.js';
import { initialPlateauState } from '../schedules/index.js';
import { initialState, type TrainResult, type TrainState } from '../solvers/gradient.js';
import {
  asLabels, asMatrix, booleanOption, checkOptionNames, numberIn, oneOf, uniqueLabels,
  type Label, type MatrixLike,
} from '../validate.js';
import { runExact, type ExactMethod } from './exact-fit.js';
import { appendHistory, readSampleWeight, runGradient, type GradientProblem } from './gradient-fit.js';
import { linearScores } from './predict.js';
import { TRAIN_OPTION_NAMES, resolveTrainOptions, trainConfig, type ResolvedTrainOptions, type TrainOptions } from './train-options.js';
import { optionsJSON, restoreOptions, restoreTrainState, trainStateJSON, type SavedTrainState } from './train-state-json.js';

export type LogisticSolver = 'lbfgs' | 'newton' | 'proximal' | 'gd' | 'sgd';

export interface LogisticRegressionOptions extends TrainOptions {
  penalty?: PenaltyKind;
  /** Penalty strength α: mean cross-entropy + α/2‖W‖² ('l2'); scikit-learn's C = 1/(n·α). */
  alpha?: number;
  l1Ratio?: number;
  fitIntercept?: boolean;
  /**
   * 'lbfgs' (default): L-BFGS to gradient max-norm ≤ tol. 'newton': Newton–CG. 'proximal'
   * (default with an L1 term): accelerated proximal gradient, exact zeros. 'gd' / 'sgd':
   * gradient descent with any optimizer and schedule.
   */
  solver?: LogisticSolver;
  /**
   * Per-class weights multiplying the sample weights: 'balanced' gives class k the weight
   * n / (K·count_k), as scikit-learn; or an object from label to weight (missing labels: 1).
   */
  classWeight?: 'balanced' | Record<string, number>;
}

const OPTION_NAMES = ['penalty', 'alpha', 'l1Ratio', 'fitIntercept', 'solver', 'classWeight', ...TRAIN_OPTION_NAMES] as const;
const PENALTIES: readonly PenaltyKind[] = ['none', 'l2', 'l1', 'elasticnet'];
const SOLVERS: readonly LogisticSolver[] = ['lbfgs', 'newton', 'proximal', 'gd', 'sgd'];

export interface LogisticHistory {
  loss: number[];
  valLoss?: number[];
  /** Gradient solvers: the learning rate of each epoch. */
  learningRate?: number[];
  /** Exact solvers: the gradient's max-norm after each iteration (quadratic decay for Newton). */
  gradNorm?: number[];
}

interface Fitted {
  classes: Label[];
  cols: number;
  train: TrainState;
  history: LogisticHistory;
  nIter: number;
  converged: boolean;
  warning?: string;
}

/**
 * Logistic regression: binary (sigmoid) for two classes, multinomial (softmax, K weight rows)
 * for more, decided by the labels. Objective: mean cross-entropy + penalty on the weights.
 *
 * @example
 * const X = [[1], [2], [3], [4]];
 * const clf = new LogisticRegression().fit(X, ['no', 'no', 'yes', 'yes']);
 * clf.classes;                     // ['no', 'yes']
 * clf.predict([[0], [5]]);         // ['no', 'yes']
 * clf.predictProba(X).get(2, 1) > 0.5; // true: P(classes[1]) for the third row
 */
export class LogisticRegression {
  readonly penalty: PenaltyKind;
  readonly alpha: number;
  readonly l1Ratio: number;
  readonly fitIntercept: boolean;
  readonly solver: LogisticSolver;
  readonly classWeight?: 'balanced' | Record<string, number>;
  /** Gradient solvers' options; undefined for the exact solvers. */
  private readonly train?: ResolvedTrainOptions;
  private readonly exact?: { maxIter: number; tol: number };
  private readonly given: LogisticRegressionOptions;
  private fitted?: Fitted;

  constructor(options: LogisticRegressionOptions = {}) {
    const where = 'LogisticRegression';
    const o = checkOptionNames(options, OPTION_NAMES, where);
    this.given = { ...o };
    this.penalty = oneOf(o.penalty ?? 'l2', PENALTIES, 'penalty', where);
    this.alpha = this.penalty === 'none' ? 0 : numberIn(o.alpha ?? 1e-4, 'alpha', where, { min: 0 });
    if (this.penalty === 'none' && o.alpha !== undefined && o.alpha !== 0) {
      throw new LinfitError('BAD_OPTION', `${where}: alpha = ${o.alpha} has no effect with penalty 'none'; leave penalty at 'l2' or drop alpha`);
    }
    this.l1Ratio = numberIn(o.l1Ratio ?? 0.15, 'l1Ratio', where, { min: 0, max: 1 });
    this.fitIntercept = booleanOption(o.fitIntercept ?? true, 'fitIntercept', where);
    const hasL1 = this.penalty === 'l1' || this.penalty === 'elasticnet';
    // The default is L-BFGS, or the proximal solver when the objective has an L1 term.
    this.solver = oneOf(o.solver ?? (hasL1 ? 'proximal' : 'lbfgs'), SOLVERS, 'solver', where);
    this.classWeight = validateClassWeight(o.classWeight, where);
    if (this.solver === 'gd' || this.solver === 'sgd') {
      this.train = resolveTrainOptions(o, where, this.solver);
    } else {
      if (hasL1 && this.solver !== 'proximal') {
        throw new LinfitError('BAD_OPTION', `${where}: solver '${this.solver}' needs a smooth objective; penalty '${this.penalty}' needs solver 'proximal' (exact), 'gd' or 'sgd'`);
      }
      const stray = TRAIN_OPTION_NAMES.find((name) => name !== 'maxIter' && name !== 'tol' && o[name] !== undefined);
      if (stray) throw new LinfitError('BAD_OPTION', `${where}: ${stray} applies to the gradient solvers ('gd', 'sgd'), not solver '${this.solver}'`);
      this.exact = {
        maxIter: numberIn(o.maxIter ?? 100, 'maxIter', where, { min: 1, integer: true }),
        tol: numberIn(o.tol ?? 1e-4, 'tol', where, { min: 0 }),
      };
    }
  }

  fit(X: MatrixLike, y: ArrayLike<Label>, options?: { sampleWeight?: ArrayLike<number> }): this {
    const M = asMatrix(X);
    const labels = asLabels(y, 'y', M.rows);
    const classes = uniqueLabels(labels);
    if (classes.length < 2) {
      throw new LinfitError('BAD_LABELS', `y has only one class (${JSON.stringify(classes[0])}); a classifier needs at least two`);
    }
    const weights = { sampleWeight: this.weightsFor(labels, classes, readSampleWeight(options, M.rows)) };
    if (this.exact) {
      this.fitted = this.runExact(M, labels, classes, weights);
      return this;
    }
    const train = this.train!;
    const start = initialState(classes.length === 2 ? M.cols + 1 : classes.length * (M.cols + 1), train.optimizer, train.seed);
    this.fitted = this.run(M, labels, classes, weights, start, false);
    return this;
  }

  /** Sample weights times class weights (undefined when both are all ones). */
  private weightsFor(labels: Label[], classes: Label[], sampleWeight: Float64Array | undefined): Float64Array | undefined {
    const cw = this.classWeight;
    if (!cw) return sampleWeight;
    const perClass = new Map<Label, number>();
    if (cw === 'balanced') {
      const counts = new Map<Label, number>();
      for (const label of labels) counts.set(label, (counts.get(label) ?? 0) + 1);
      for (const c of classes) perClass.set(c, labels.length / (classes.length * (counts.get(c) ?? 1)));
    } else {
      for (const key of Object.keys(cw)) {
        const label = classes.find((c) => String(c) === key);
        if (label === undefined) throw new LinfitError('BAD_LABELS', `classWeight names '${key}', which is not one of the classes ${JSON.stringify(classes)}`);
        perClass.set(label, cw[key]);
      }
    }
    const out = sampleWeight ? sampleWeight.slice() : new Float64Array(labels.length).fill(1);
    let total = 0;
    for (let i = 0; i < labels.length; i++) total += out[i] *= perClass.get(labels[i]) ?? 1;
    if (!(total > 0)) throw new LinfitError('BAD_INPUT', 'classWeight × sampleWeight is 0 for every row; at least one row needs a positive weight');
    return out;
  }

  /**
   * One epoch over (X, y), continuing from the current state (online / out-of-core learning).
   * The first call needs `classes`: the full set of labels the stream will contain.
   */
  partialFit(X: MatrixLike, y: ArrayLike<Label>, options: { classes?: ArrayLike<Label>; sampleWeight?: ArrayLike<number> } = {}): this {
    const train = this.train;
    if (!train) throw new LinfitError('BAD_OPTION', `LogisticRegression: partialFit needs a gradient solver ('sgd' or 'gd'); this model uses '${this.solver}'`);
    if (this.classWeight === 'balanced') {
      throw new LinfitError('BAD_OPTION', "LogisticRegression: classWeight 'balanced' needs the whole data set; pass explicit class weights for partialFit");
    }
    const M = asMatrix(X);
    const labels = asLabels(y, 'y', M.rows);
    let classes: Label[];
    if (this.fitted) {
      classes = this.fitted.classes;
      if (options.classes !== undefined && !sameLabels(uniqueLabels(asLabels(options.classes, 'classes')), classes)) {
        throw new LinfitError('BAD_LABELS', `partialFit: classes ${JSON.stringify(options.classes)} differ from the fitted classes ${JSON.stringify(classes)}`);
      }
      if (M.cols !== this.fitted.cols) {
        throw new LinfitError('SHAPE_MISMATCH', `X has ${M.cols} columns but the model was fitted with ${this.fitted.cols}`);
      }
    } else {
      if (options.classes === undefined) throw new LinfitError('BAD_LABELS', 'partialFit: the first call needs options.classes (every label the data will contain)');
      classes = uniqueLabels(asLabels(options.classes, 'classes'));
      if (classes.length < 2) throw new LinfitError('BAD_LABELS', 'partialFit: classes must contain at least two labels');
    }
    const start = this.fitted?.train ?? initialState(classes.length === 2 ? M.cols + 1 : classes.length * (M.cols + 1), train.optimizer, train.seed);
    const previous = this.fitted;
    const next = this.run(M, labels, classes, { sampleWeight: this.weightsFor(labels, classes, readSampleWeight(options, M.rows)) }, start, true);
    if (previous) {
      next.history = appendHistory(previous.history, next.history);
      next.nIter += previous.nIter;
    }
    this.fitted = next;
    return this;
  }

  private problem(classes: Label[], cols: number): GradientProblem {
    const binary = classes.length === 2;
    return {
      makeLoss: (arena) => (binary ? logisticLoss : softmaxLoss(arena, classes.length)),
      penalty: { kind: this.penalty, alpha: this.alpha, l1Ratio: this.l1Ratio },
      cols,
      outputs: binary ? 1 : classes.length,
      fitIntercept: this.fitIntercept,
    };
  }

  private runExact(M: Matrix, labels: Label[], classes: Label[], weights: { sampleWeight?: Float64Array }): Fitted {
    const target = encodeLabels(labels, classes);
    const exact = this.exact!;
    const result = runExact(
      currentArena(),
      { X: M, target, sampleWeight: weights.sampleWeight },
      this.problem(classes, M.cols),
      this.solver as ExactMethod,
      { ...exact, scores: this.penalty === 'none' },
    );
    if (classes.length > 2) centreSoftmax(result.params, classes.length, M.cols, this.penalty === 'none' || this.alpha === 0);
    const fitted: Fitted = {
      classes, cols: M.cols,
      train: { params: result.params, slots: [], step: result.iterations, epoch: result.iterations, rng: 0, plateau: initialPlateauState() },
      history: result.history, nIter: result.iterations, converged: result.converged, warning: result.warning,
    };
    // Scores from the fit's own copy of X (centring the softmax shifts every class's score of a row alike).
    if (this.penalty === 'none' && separates(result.scores!, target, classes.length)) {
      fitted.warning = "the classes are linearly separable: with penalty 'none' the weights grow without bound and the optimum is at infinity; " +
        'the model returned separates the training data, but use an L2 penalty (alpha > 0) for a finite, unique answer';
      fitted.converged = false;
    }
    return fitted;
  }

  private run(
    M: Matrix, labels: Label[], classes: Label[], weights: { sampleWeight?: Float64Array },
    start: TrainState, partial: boolean,
  ): Fitted {
    const target = encodeLabels(labels, classes);
    const config = trainConfig(this.train!, M.rows, 'LogisticRegression', partial);
    const result = runGradient(
      currentArena(),
      { X: M, target, sampleWeight: weights.sampleWeight },
      this.problem(classes, M.cols),
      config,
      start,
    );
    return { classes, cols: M.cols, train: result.state, history: result.history, nIter: result.nIter, converged: result.converged, warning: result.warning };
  }

  /** Class scores: n values (binary: the log-odds of classes[1]) or an n×K matrix. */
  decisionFunction(X: MatrixLike): Float64Array | Matrix {
    const f = this.state();
    const outputs = this.outputs(f);
    const { rows, scores } = linearScores(X, f.train.params, outputs);
    return outputs === 1 ? scores : new Matrix(rows, outputs, scores);
  }

  /** Class probabilities, n×K (two columns for binary), rows summing to 1. */
  predictProba(X: MatrixLike): Matrix {
    const f = this.state();
    const outputs = this.outputs(f);
    const { rows, scores } = linearScores(X, f.train.params, outputs);
    const K = f.classes.length;
    const proba = new Matrix(rows, K);
    const p = proba.data;
    for (let i = 0; i < rows; i++) {
      if (outputs === 1) {
        const z = scores[i];
        // σ(z) and 1 − σ(z) as 1/(1 + e) and e/(1 + e) with e = exp(−|z|): no overflow, and
        // full relative precision for the small probability too.
        const e = Math.exp(-Math.abs(z));
        const high = 1 / (1 + e), low = e / (1 + e);
        p[2 * i + 1] = z >= 0 ? high : low;
        p[2 * i] = z >= 0 ? low : high;
      } else {
        let max = -Infinity;
        for (let k = 0; k < K; k++) max = Math.max(max, scores[i * K + k]);
        let sum = 0;
        for (let k = 0; k < K; k++) sum += p[i * K + k] = Math.exp(scores[i * K + k] - max);
        for (let k = 0; k < K; k++) p[i * K + k] /= sum;
      }
    }
    return proba;
  }

  /** The most probable class of each row (decision rule: P ≥ 0.5 for binary). */
  predict(X: MatrixLike): Label[] {
    const f = this.state();
    const outputs = this.outputs(f);
    const { rows, scores } = linearScores(X, f.train.params, outputs);
    const out: Label[] = new Array(rows);
    for (let i = 0; i < rows; i++) {
      if (outputs === 1) {
        out[i] = f.classes[scores[i] >= 0 ? 1 : 0];
      } else {
        let best = 0;
        for (let k = 1; k < outputs; k++) if (scores[i * outputs + k] > scores[i * outputs + best]) best = k;
        out[i] = f.classes[best];
      }
    }
    return out;
  }

  /** Accuracy of predict(X) against y. */
  score(X: MatrixLike, y: ArrayLike<Label>): number {
    return accuracyScore(Array.from(y), this.predict(X));
  }

  get classes(): Label[] {
    return [...this.state().classes];
  }

  /** Weights: 1×d for two classes, K×d otherwise. */
  get coef(): Matrix {
    const f = this.state();
    const outputs = this.outputs(f);
    return new Matrix(outputs, f.cols, f.train.params.slice(0, outputs * f.cols));
  }

  get intercept(): Float64Array {
    const f = this.state();
    return f.train.params.slice(this.outputs(f) * f.cols);
  }

  get history(): LogisticHistory {
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

  toJSON(): LogisticRegressionJSON {
    const f = this.state();
    return {
      format: 'linfit', version: 1, type: 'LogisticRegression',
      options: this.train ? optionsJSON(this.given as Record<string, unknown>, this.train) : { ...(this.given as Record<string, unknown>) },
      classes: f.classes, cols: f.cols,
      state: trainStateJSON(f.train),
      history: f.history, nIter: f.nIter, converged: f.converged, warning: f.warning ?? null,
    };
  }

  static fromJSON(json: LogisticRegressionJSON): LogisticRegression {
    const model = new LogisticRegression(restoreOptions(json.options) as LogisticRegressionOptions);
    const where = 'LogisticRegression JSON';
    const classes = asLabels(json.classes, 'classes');
    if (classes.length < 2 || !sameLabels(uniqueLabels(classes), classes)) {
      throw new LinfitError('BAD_MODEL', `${where}: classes must be at least two distinct labels in sorted order`);
    }
    const cols = numberIn(json.cols, 'cols', where, { min: 1, integer: true });
    numberIn(json.nIter, 'nIter', where, { min: 0, integer: true });
    booleanOption(json.converged, 'converged', where);
    if (json.warning !== null && typeof json.warning !== 'string') throw new LinfitError('BAD_MODEL', `${where}: warning must be a string or null`);
    const outputs = classes.length === 2 ? 1 : classes.length;
    const train = restoreTrainState(json.state, outputs * (cols + 1), model.train?.optimizer.slots ?? 0);
    model.fitted = {
      classes, cols, train,
      history: { ...json.history, loss: Array.from(finiteArray(json.history?.loss ?? [], 'history.loss', 'LogisticRegression')) },
      nIter: json.nIter, converged: json.converged, warning: json.warning ?? undefined,
    };
    return model;
  }

  private outputs(f: Fitted): number {
    return f.classes.length === 2 ? 1 : f.classes.length;
  }

  private state(): Fitted {
    if (!this.fitted) throw notFitted('LogisticRegression');
    return this.fitted;
  }
}

export interface LogisticRegressionJSON {
  format: 'linfit';
  version: 1;
  type: 'LogisticRegression';
  options: Record<string, unknown>;
  classes: Label[];
  cols: number;
  state: SavedTrainState;
  history: LogisticHistory;
  nIter: number;
  converged: boolean;
  warning: string | null;
}

function validateClassWeight(value: unknown, where: string): 'balanced' | Record<string, number> | undefined {
  if (value === undefined || value === 'balanced') return value;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new LinfitError('BAD_OPTION', `${where}: classWeight must be 'balanced' or an object from label to weight`);
  }
  for (const [label, w] of Object.entries(value)) numberIn(w, `classWeight['${label}']`, where, { min: 0 });
  return { ...(value as Record<string, number>) };
}

/**
 * Softmax probabilities do not change when the same vector is added to every class's
 * parameters, and the intercepts are not penalised: they are only determined up to a common
 * shift (the weights too when there is no penalty). Centring them across classes picks the
 * one answer every solver agrees on, without changing the model.
 */
function centreSoftmax(params: Float64Array, classes: number, cols: number, weightsToo: boolean): void {
  const centre = (offset: number, stride: number, count: number) => {
    for (let j = 0; j < count; j++) {
      let mean = 0;
      for (let k = 0; k < classes; k++) mean += params[offset + k * stride + j];
      mean /= classes;
      for (let k = 0; k < classes; k++) params[offset + k * stride + j] -= mean;
    }
  };
  centre(classes * cols, 1, 1);
  if (weightsToo) centre(0, cols, cols);
}

/** Labels as class indices (float64, as the kernels read them). */
function encodeLabels(labels: Label[], classes: Label[]): Float64Array {
  const index = new Map<Label, number>(classes.map((c, i) => [c, i]));
  const target = new Float64Array(labels.length);
  for (let i = 0; i < labels.length; i++) {
    const k = index.get(labels[i]);
    if (k === undefined) throw new LinfitError('BAD_LABELS', `y[${i}] = ${JSON.stringify(labels[i])} is not one of the classes ${JSON.stringify(classes)}`);
    target[i] = k;
  }
  return target;
}

/** Whether every row's own class scores highest (binary: the score's sign agrees with the label). */
function separates(scores: Float64Array, target: Float64Array, classes: number): boolean {
  const outputs = classes === 2 ? 1 : classes;
  for (let i = 0; i < target.length; i++) {
    if (outputs === 1) {
      if ((scores[i] > 0) !== (target[i] === 1) || scores[i] === 0) return false;
    } else {
      const own = scores[i * outputs + target[i]];
      for (let k = 0; k < outputs; k++) if (k !== target[i] && scores[i * outputs + k] >= own) return false;
    }
  }
  return true;
}

function sameLabels(a: Label[], b: Label[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}
