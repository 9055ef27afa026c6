/**
 * Classification metrics with scikit-learn's semantics. Labels are numbers or strings (one
 * kind per call); wherever a metric lists classes it uses them sorted, as `classes_` does.
 */
import { LinfitError } from '../errors.js';
import { Matrix } from '../matrix.js';
import {
  asFiniteMatrix, asLabels, asVector, checkOptionNames, describe, numberIn, oneOf, uniqueLabels,
  type Label, type MatrixLike,
} from '../validate.js';

/** yTrue and yPred validated as labels of one kind and equal length; errors name `where`. */
function labelPair(yTrue: ArrayLike<Label>, yPred: ArrayLike<Label>, where: string): [Label[], Label[]] {
  const t = asLabels(yTrue, `${where}: yTrue`);
  const p = asLabels(yPred, `${where}: yPred`);
  if (t.length !== p.length) {
    throw new LinfitError('SHAPE_MISMATCH', `${where}: yTrue has ${t.length} values but yPred has ${p.length}`);
  }
  assertSameKind(t, p, 'yTrue', 'yPred', where);
  return [t, p];
}

/** Numbers never equal strings (1 ≠ '1'), so mixing kinds is a mistake worth reporting. */
function assertSameKind(a: readonly Label[], b: readonly Label[], aName: string, bName: string, where: string): void {
  if (typeof a[0] !== typeof b[0]) {
    throw new LinfitError('BAD_LABELS', `${where}: ${aName} holds ${typeof a[0]}s but ${bName} holds ${typeof b[0]}s; use one kind of label`);
  }
}

function indexOfLabels(labels: readonly Label[]): Map<Label, number> {
  return new Map(labels.map((label, k) => [label, k]));
}

function ratio(numerator: number, denominator: number): number {
  return denominator === 0 ? 0 : numerator / denominator; // scikit-learn's zero_division=0
}

/**
 * The fraction of predictions equal to the true label.
 * @example accuracyScore(['a', 'b', 'b', 'a'], ['a', 'b', 'a', 'a']) // 0.75
 */
export function accuracyScore<L extends Label>(yTrue: ArrayLike<L>, yPred: ArrayLike<L>): number {
  const [t, p] = labelPair(yTrue, yPred, 'accuracyScore');
  let correct = 0;
  for (let i = 0; i < t.length; i++) if (t[i] === p[i]) correct++;
  return correct / t.length;
}

export interface LogLossOptions {
  /** All classes, for when yTrue lacks some; sorted like yTrue's labels would be. */
  labels?: ArrayLike<Label>;
  /** Probabilities are clipped to [eps, 1 − eps] so a confident mistake costs −log(eps), not ∞. */
  eps?: number;
}

/**
 * Mean cross-entropy −(1/n) Σ log p(yTrue_i) of predicted class probabilities.
 *
 * `proba` has one column per class in sorted label order (the columns `predictProba`
 * returns); a 1-D array is read as the probability of the larger of two classes. As in
 * scikit-learn, probabilities are clipped to [eps, 1 − eps] and each row then divided by its
 * sum.
 * @example logLoss(['spam', 'ham', 'ham', 'spam'], [[0.1, 0.9], [0.9, 0.1], [0.8, 0.2], [0.35, 0.65]])
 * // 0.21616187468057912 (columns: 'ham', 'spam')
 */
export function logLoss<L extends Label>(
  yTrue: ArrayLike<L>, proba: MatrixLike | ArrayLike<number>, options?: LogLossOptions,
): number {
  const where = 'logLoss';
  const opts = checkOptionNames(options, ['labels', 'eps'], where);
  const eps = opts.eps === undefined ? 1e-15 : numberIn(opts.eps, 'eps', where, { min: 0, max: 0.5 });
  const t = asLabels(yTrue, `${where}: yTrue`);
  let classes: Label[];
  if (opts.labels === undefined) {
    classes = uniqueLabels(t);
    if (classes.length < 2) {
      throw new LinfitError('BAD_LABELS', `${where}: yTrue contains only one label (${describe(classes[0])}); pass all classes as the labels option`);
    }
  } else {
    classes = uniqueLabels(asLabels(opts.labels, `${where}: labels`));
    assertSameKind(t, classes, 'yTrue', 'labels', where);
    if (classes.length < 2) {
      throw new LinfitError('BAD_LABELS', `${where}: labels must name at least two classes, got ${describe(classes[0])}`);
    }
  }

  const P = probabilityMatrix(proba, where);
  if (P.rows !== t.length) {
    throw new LinfitError('SHAPE_MISMATCH', `${where}: yTrue has ${t.length} values but proba has ${P.rows} rows`);
  }
  if (P.cols !== classes.length) {
    const hint = opts.labels === undefined ? '; pass all classes as the labels option' : '';
    throw new LinfitError('SHAPE_MISMATCH',
      `${where}: proba has ${P.cols} columns but there are ${classes.length} classes (${classes.map(describe).join(', ')})${hint}`);
  }

  const column = indexOfLabels(classes);
  const clip = (v: number) => Math.min(Math.max(v, eps), 1 - eps);
  let total = 0;
  for (let i = 0; i < t.length; i++) {
    const k = column.get(t[i]);
    if (k === undefined) {
      throw new LinfitError('BAD_LABELS', `${where}: yTrue[${i}] is ${describe(t[i])}, which is not among labels (${classes.map(describe).join(', ')})`);
    }
    let rowSum = 0;
    for (let j = 0; j < P.cols; j++) rowSum += clip(P.get(i, j));
    total -= Math.log(clip(P.get(i, k)) / rowSum);
  }
  return total / t.length;
}

/** proba as an n×K Matrix; a 1-D array p becomes the two columns [1 − p, p]. */
function probabilityMatrix(proba: MatrixLike | ArrayLike<number>, where: string): Matrix {
  const what = `${where}: proba`;
  const isVector = !(proba instanceof Matrix) && proba != null && typeof proba === 'object' &&
    proba.length > 0 && typeof proba[0] === 'number';
  if (!isVector) return asFiniteMatrix(proba as MatrixLike, what);
  const p = asVector(proba as ArrayLike<number>, what);
  const P = new Matrix(p.length, 2);
  for (let i = 0; i < p.length; i++) {
    P.data[2 * i] = 1 - p[i];
    P.data[2 * i + 1] = p[i];
  }
  return P;
}

export type Average = 'binary' | 'macro' | 'micro' | 'weighted' | 'none';
const AVERAGES: readonly Average[] = ['binary', 'macro', 'micro', 'weighted', 'none'];

export interface PrecisionRecallF1Options {
  /**
   * 'binary' (default): the scores of `posLabel` alone; 'macro': the unweighted mean over
   * classes; 'weighted': the mean weighted by support; 'micro': from the pooled counts;
   * 'none': one score per class.
   */
  average?: Average;
  /** The positive class for average 'binary' (default 1). */
  posLabel?: Label;
}

/** Averaged scores; `support` counts the true samples behind them (all n unless 'binary'). */
export interface ClassificationScores {
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

/** Scores per class, in the order of `labels` (sorted). */
export interface PerClassScores<L extends Label = Label> {
  labels: L[];
  precision: Float64Array;
  recall: Float64Array;
  f1: Float64Array;
  support: Float64Array;
}

/**
 * Precision tp/(tp+fp), recall tp/(tp+fn), F1 = 2tp/(2tp+fp+fn) and support (true count),
 * per class or averaged, over the labels found in yTrue or yPred. A ratio with a zero
 * denominator counts as 0 (scikit-learn's `zero_division=0`).
 * @example
 * precisionRecallF1([0, 1, 1, 0], [0, 1, 0, 1]) // { precision: 0.5, recall: 0.5, f1: 0.5, support: 2 }
 * precisionRecallF1([0, 1, 1, 0], [0, 1, 0, 1], { average: 'none' }).f1 // Float64Array [0.5, 0.5]
 */
export function precisionRecallF1<L extends Label>(
  yTrue: ArrayLike<L>, yPred: ArrayLike<L>, options: PrecisionRecallF1Options & { average: 'none' },
): PerClassScores<L>;
export function precisionRecallF1<L extends Label>(
  yTrue: ArrayLike<L>, yPred: ArrayLike<L>, options?: PrecisionRecallF1Options & { average?: Exclude<Average, 'none'> },
): ClassificationScores;
export function precisionRecallF1<L extends Label>(
  yTrue: ArrayLike<L>, yPred: ArrayLike<L>, options?: PrecisionRecallF1Options,
): ClassificationScores | PerClassScores<L> {
  const where = 'precisionRecallF1';
  const opts = checkOptionNames(options, ['average', 'posLabel'], where);
  const average = oneOf(opts.average ?? 'binary', AVERAGES, 'average', where);
  const posLabel = opts.posLabel ?? 1;
  if (typeof posLabel !== 'number' && typeof posLabel !== 'string') {
    throw new LinfitError('BAD_OPTION', `${where}: posLabel must be a number or a string; got ${describe(posLabel)}`);
  }
  const [t, p] = labelPair(yTrue, yPred, where);
  const labels = uniqueLabels([...t, ...p]);
  const counts = countsPerClass(t, p, labels);

  if (average === 'none') {
    const K = labels.length;
    const out: PerClassScores<L> = {
      labels: labels as L[],
      precision: new Float64Array(K), recall: new Float64Array(K), f1: new Float64Array(K), support: new Float64Array(K),
    };
    for (let k = 0; k < K; k++) {
      const s = scoresFromCounts(counts.tp[k], counts.predicted[k], counts.actual[k]);
      out.precision[k] = s.precision; out.recall[k] = s.recall; out.f1[k] = s.f1; out.support[k] = s.support;
    }
    return out;
  }
  if (average === 'binary') {
    if (labels.length > 2) {
      throw new LinfitError('BAD_OPTION',
        `${where}: average 'binary' needs at most two classes but the labels are ${labels.map(describe).join(', ')}; choose average 'macro', 'micro', 'weighted' or 'none'`);
    }
    const k = labels.indexOf(posLabel);
    if (k < 0 && labels.length === 2) {
      throw new LinfitError('BAD_OPTION', `${where}: posLabel ${describe(posLabel)} is not one of the labels ${labels.map(describe).join(', ')}`);
    }
    // A posLabel absent from both arrays has no true or predicted positives: every score is 0.
    return k < 0 ? scoresFromCounts(0, 0, 0) : scoresFromCounts(counts.tp[k], counts.predicted[k], counts.actual[k]);
  }
  if (average === 'micro') {
    return scoresFromCounts(sum(counts.tp), sum(counts.predicted), sum(counts.actual));
  }
  // macro / weighted: average the per-class scores (Σ w·score / Σ w, as np.average).
  const totalSupport = sum(counts.actual);
  const result: ClassificationScores = { precision: 0, recall: 0, f1: 0, support: totalSupport };
  for (let k = 0; k < labels.length; k++) {
    const s = scoresFromCounts(counts.tp[k], counts.predicted[k], counts.actual[k]);
    const weight = average === 'macro' ? 1 : s.support;
    result.precision += weight * s.precision;
    result.recall += weight * s.recall;
    result.f1 += weight * s.f1;
  }
  const totalWeight = average === 'macro' ? labels.length : totalSupport;
  result.precision /= totalWeight;
  result.recall /= totalWeight;
  result.f1 /= totalWeight;
  return result;
}

interface ClassCounts {
  tp: Float64Array;        // true label k and predicted k
  predicted: Float64Array; // predicted k (tp + fp)
  actual: Float64Array;    // true label k (tp + fn) = support
}

function countsPerClass(t: readonly Label[], p: readonly Label[], labels: readonly Label[]): ClassCounts {
  const index = indexOfLabels(labels);
  const K = labels.length;
  const counts = { tp: new Float64Array(K), predicted: new Float64Array(K), actual: new Float64Array(K) };
  for (let i = 0; i < t.length; i++) {
    const a = index.get(t[i])!, b = index.get(p[i])!;
    counts.actual[a]++;
    counts.predicted[b]++;
    if (a === b) counts.tp[a]++;
  }
  return counts;
}

function scoresFromCounts(tp: number, predicted: number, actual: number): ClassificationScores {
  const fp = predicted - tp, fn = actual - tp;
  return {
    precision: ratio(tp, predicted),
    recall: ratio(tp, actual),
    f1: ratio(2 * tp, 2 * tp + fp + fn),
    support: actual,
  };
}

function sum(a: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i];
  return s;
}

export interface ConfusionMatrixOptions<L extends Label = Label> {
  /** Which labels to count, in this order (default: those in yTrue or yPred, sorted). */
  labels?: ArrayLike<L>;
}

export interface ConfusionMatrixResult<L extends Label = Label> {
  labels: L[];
  /** matrix.get(i, j) counts samples with true label labels[i] predicted as labels[j]. */
  matrix: Matrix;
}

/**
 * Counts of (true, predicted) label pairs: rows are true labels, columns predictions. With
 * `labels`, samples whose true or predicted label is not listed are left out (as in
 * scikit-learn).
 * @example
 * confusionMatrix([0, 1, 1], [0, 0, 1]).matrix.toArray() // [[1, 0], [1, 1]]
 */
export function confusionMatrix<L extends Label>(
  yTrue: ArrayLike<L>, yPred: ArrayLike<L>, options?: ConfusionMatrixOptions<L>,
): ConfusionMatrixResult<L> {
  const where = 'confusionMatrix';
  const opts = checkOptionNames(options, ['labels'], where);
  const [t, p] = labelPair(yTrue, yPred, where);
  let labels: Label[];
  if (opts.labels === undefined) {
    labels = uniqueLabels([...t, ...p]);
  } else {
    labels = asLabels(opts.labels, `${where}: labels`);
    assertSameKind(t, labels, 'yTrue', 'labels', where);
    const seen = new Set<Label>();
    for (let k = 0; k < labels.length; k++) {
      if (seen.has(labels[k])) throw new LinfitError('BAD_LABELS', `${where}: labels[${k}] repeats ${describe(labels[k])}`);
      seen.add(labels[k]);
    }
    if (!t.some((label) => seen.has(label))) {
      throw new LinfitError('BAD_LABELS', `${where}: none of the labels (${labels.map(describe).join(', ')}) occurs in yTrue`);
    }
  }
  const index = indexOfLabels(labels);
  const K = labels.length;
  const matrix = new Matrix(K, K);
  for (let i = 0; i < t.length; i++) {
    const a = index.get(t[i]), b = index.get(p[i]);
    if (a !== undefined && b !== undefined) matrix.data[a * K + b]++;
  }
  return { labels: labels as L[], matrix };
}
