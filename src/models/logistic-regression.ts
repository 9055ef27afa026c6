import { LinfitError } from '../errors.js';
import type { ExactFit } from '../fit/exact.js';
import { readSampleWeight } from '../fit/load.js';
import { logisticInverseLink, logisticLoss } from '../losses/logistic.js';
import { softmaxInverseLink, softmaxLoss } from '../losses/softmax.js';
import type { Loss } from '../losses/types.js';
import { Matrix } from '../matrix.js';
import { accuracyScore } from '../metrics/classification.js';
import type { PenaltyKind } from '../objective/index.js';
import type { Arena } from '../runtime/arena.js';
import { asLabels, asMatrix, uniqueLabels, type Label, type MatrixLike } from '../validate.js';
import { centreSoftmax, encodeLabels, sameLabels, separates, streamClasses, validateClassWeight, weightsFor, type ClassWeight } from './labels.js';
import { LinearModel, type Encoded, type FitHistory, type Fitted, type LinearModelJSON, type LinearModelSpec } from './linear-model.js';
import { TRAIN_OPTION_NAMES, type TrainOptions } from './train-options.js';
import { restoreOptions } from './train-state-json.js';

export type LogisticSolver = 'lbfgs' | 'newton' | 'proximal' | 'gd' | 'sgd';
export type LogisticHistory = FitHistory;

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
  classWeight?: ClassWeight;
}

const SMOOTH: readonly PenaltyKind[] = ['none', 'l2'];
const ALL: readonly PenaltyKind[] = ['none', 'l2', 'l1', 'elasticnet'];
const SPEC: LinearModelSpec = {
  options: ['penalty', 'alpha', 'l1Ratio', 'fitIntercept', 'solver', 'classWeight', ...TRAIN_OPTION_NAMES],
  penalties: ALL,
  defaults: { penalty: 'l2', alpha: 1e-4, l1Ratio: 0.15 },
  // L-BFGS and Newton need a smooth objective; the proximal solver handles the L1 term exactly.
  solvers: { lbfgs: SMOOTH, newton: SMOOTH, proximal: ALL, gd: ALL, sgd: ALL },
  defaultSolver: (penalty) => (penalty === 'l1' || penalty === 'elasticnet' ? 'proximal' : 'lbfgs'),
  iterations: { maxIter: 100, tol: 1e-4 },
};

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
export class LogisticRegression extends LinearModel {
  static readonly typeName: string = 'LogisticRegression';
  declare readonly solver: LogisticSolver;
  readonly classWeight?: ClassWeight;

  constructor(options: LogisticRegressionOptions = {}) {
    super(options, SPEC);
    this.classWeight = validateClassWeight(this.given.classWeight, this.typeName);
  }



  /** Binary cross-entropy for two classes (one output), softmax over K classes otherwise. */
  protected makeLoss(arena: Arena, outputs: number): Loss {
    return outputs === 1 ? logisticLoss : softmaxLoss(arena, outputs);
  }

  fit(X: MatrixLike, y: ArrayLike<Label>, options?: { sampleWeight?: ArrayLike<number> }): this {
    const M = asMatrix(X);
    const labels = asLabels(y, 'y', M.rows);
    const classes = uniqueLabels(labels);
    if (classes.length < 2) {
      throw new LinfitError('BAD_LABELS', `y has only one class (${JSON.stringify(classes[0])}); a classifier needs at least two`);
    }
    this.fitEncoded(M, this.encode(labels, classes, readSampleWeight(options, M.rows)));
    return this;
  }

  /**
   * One epoch over (X, y), continuing from the current state (online / out-of-core learning).
   * The first call needs `classes`: the full set of labels the stream will contain.
   */
  partialFit(X: MatrixLike, y: ArrayLike<Label>, options: { classes?: ArrayLike<Label>; sampleWeight?: ArrayLike<number> } = {}): this {
    this.assertPartialFit();
    if (this.classWeight === 'balanced') {
      throw new LinfitError('BAD_OPTION', "LogisticRegression: classWeight 'balanced' needs the whole data set; pass explicit class weights for partialFit");
    }
    const M = asMatrix(X);
    const labels = asLabels(y, 'y', M.rows);
    const classes = streamClasses(this.fitted?.classes, options.classes);
    this.partialFitEncoded(M, this.encode(labels, classes, readSampleWeight(options, M.rows)));
    return this;
  }

  private encode(labels: Label[], classes: Label[], sampleWeight: Float64Array | undefined): Encoded {
    return {
      target: encodeLabels(labels, classes),
      outputs: classes.length === 2 ? 1 : classes.length,
      sampleWeight: weightsFor(this.classWeight, labels, classes, sampleWeight),
      classes,
    };
  }

  /** Without a penalty, the training scores at the answer tell whether the classes are separable. */
  protected override wantsScores(): boolean {
    return this.penalty === 'none';
  }

  protected override afterExact(fitted: Fitted, result: ExactFit, target: Float64Array): void {
    if (fitted.outputs > 1) centreSoftmax(fitted.params, fitted.outputs, fitted.cols, this.penalty === 'none' || this.alpha === 0);
    // Centring shifts every class's score of a row alike, so the scores from before still decide.
    if (result.scores && separates(result.scores, target, fitted.outputs)) {
      fitted.diagnostics.warning = "the classes are linearly separable: with penalty 'none' the weights grow without bound and the optimum is at infinity; " +
        'the model returned separates the training data, but use an L2 penalty (alpha > 0) for a finite, unique answer';
      fitted.diagnostics.converged = false;
    }
  }

  /** Class scores: n values (binary: the log-odds of classes[1]) or an n×K matrix. */
  decisionFunction(X: MatrixLike): Float64Array | Matrix {
    const { rows, scores } = this.scores(X);
    const outputs = this.state().outputs;
    return outputs === 1 ? scores : new Matrix(rows, outputs, scores);
  }

  /** Class probabilities, n×K (two columns for binary), rows summing to 1. */
  predictProba(X: MatrixLike): Matrix {
    const { rows, scores } = this.scores(X);
    const outputs = this.state().outputs;
    if (outputs > 1) {
      softmaxInverseLink(scores, outputs);
      return new Matrix(rows, outputs, scores);
    }
    // P(classes[0]) = σ(−z) and P(classes[1]) = σ(z), each to full relative precision.
    const negative = scores.map((z) => -z);
    logisticInverseLink(scores, 1);
    logisticInverseLink(negative, 1);
    const proba = new Matrix(rows, 2);
    for (let i = 0; i < rows; i++) {
      proba.data[2 * i] = negative[i];
      proba.data[2 * i + 1] = scores[i];
    }
    return proba;
  }

  /** The most probable class of each row (decision rule: P ≥ 0.5 for binary). */
  predict(X: MatrixLike): Label[] {
    const { rows, scores } = this.scores(X);
    const { outputs, classes } = this.state();
    const out: Label[] = new Array(rows);
    for (let i = 0; i < rows; i++) {
      let best = 0;
      if (outputs === 1) best = scores[i] >= 0 ? 1 : 0;
      for (let k = 1; k < outputs; k++) if (scores[i * outputs + k] > scores[i * outputs + best]) best = k;
      out[i] = classes![best];
    }
    return out;
  }

  /** Accuracy of predict(X) against y. */
  score(X: MatrixLike, y: ArrayLike<Label>): number {
    return accuracyScore(Array.from(y), this.predict(X));
  }

  get classes(): Label[] {
    return [...this.state().classes!];
  }

  /** Weights: 1×d for two classes, K×d otherwise. */
  get coef(): Matrix {
    const { outputs, cols, params } = this.state();
    return new Matrix(outputs, cols, params.slice(0, outputs * cols));
  }

  get intercept(): Float64Array {
    const { outputs, cols, params } = this.state();
    return params.slice(outputs * cols);
  }

  override get history(): LogisticHistory {
    return super.history!;
  }

  static override fromJSON<T extends LinearModel>(this: new (options: never) => T, json: LinearModelJSON): T {
    const model = new this(restoreOptions(json.options) as never) as T & LogisticRegression;
    const classes = asLabels(json.classes ?? [], 'classes');
    if (classes.length < 2 || !sameLabels(uniqueLabels(classes), classes) || json.outputs !== (classes.length === 2 ? 1 : classes.length)) {
      throw new LinfitError('BAD_MODEL', 'LogisticRegression JSON: classes must be at least two distinct labels in sorted order, one output per class (one for two classes)');
    }
    return model.restore(json, classes);
  }
}
