/**
 * Train/test splitting and k-fold indices, with scikit-learn's sizes. Every shuffle draws
 * from a seeded Random, so the same seed gives the same split on every engine.
 */
import { LinfitError } from '../errors.js';
import { Matrix } from '../matrix.js';
import { Random, permutation } from '../random.js';
import {
  asLabels, asMatrix, asVector, booleanOption, checkOptionNames, describe, numberIn, uniqueLabels,
  type Label, type MatrixLike,
} from '../validate.js';

/** A target as the data functions return it: numbers, or string labels. */
export type Target = Float64Array | string[];

/** y validated against X's row count, keeping its kind: numbers → Float64Array, strings → string[]. */
export function asTarget(y: ArrayLike<number> | ArrayLike<string>, what: string, rows: number): Target {
  if (y != null && typeof y === 'object' && y.length > 0 && typeof y[0] === 'string') {
    return asLabels(y, what, rows) as string[];
  }
  return asVector(y as ArrayLike<number>, what, rows);
}

/** The rows of X at `indices`, in that order (a copy). */
export function takeRows(X: Matrix, indices: Int32Array): Matrix {
  const out = new Matrix(indices.length, X.cols);
  for (let i = 0; i < indices.length; i++) {
    const from = indices[i] * X.cols;
    out.data.set(X.data.subarray(from, from + X.cols), i * X.cols);
  }
  return out;
}

/** The entries of y at `indices`, same kind as y. */
export function takeTarget<Y extends Target>(y: Y, indices: Int32Array): Y {
  if (y instanceof Float64Array) return Float64Array.from(indices, (i) => y[i]) as Y;
  return Array.from(indices, (i) => y[i]) as Y;
}

function seededRandom(seed: unknown, where: string): Random {
  return seed === undefined ? new Random() : new Random(numberIn(seed, 'seed', where, { integer: true }));
}

export interface TrainTestSplitOptions {
  /** A fraction in (0, 1) of the rows (rounded up), or a whole number of rows. Default 0.25. */
  testSize?: number;
  /** Shuffle before splitting (default true); false takes the last rows as the test set. */
  shuffle?: boolean;
  /** Integer seed for the shuffle; without one every call differs. */
  seed?: number;
  /** true: keep y's class proportions in both parts; or labels (one per row) to stratify by. */
  stratify?: boolean | ArrayLike<Label>;
}

export interface TrainTestSplit<Y extends Target = Target> {
  XTrain: Matrix;
  XTest: Matrix;
  yTrain: Y;
  yTest: Y;
}

/**
 * Splits rows into a training and a test set, like scikit-learn's `train_test_split`:
 * nTest = ⌈testSize·n⌉ for a fraction (or testSize itself for a count), nTrain = n − nTest.
 * With `stratify`, each class contributes to the test set in proportion to its size (largest
 * remainders get the leftover rows, ties broken by the seed).
 * @example
 * const X = [[0], [1], [2], [3], [4], [5], [6], [7], [8], [9]], y = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
 * const { XTrain, XTest, yTrain, yTest } = trainTestSplit(X, y, { testSize: 0.2, seed: 42 });
 * [XTrain.rows, XTest.rows, yTrain.length, yTest.length]; // [8, 2, 8, 2]
 */
export function trainTestSplit(X: MatrixLike, y: ArrayLike<number>, options?: TrainTestSplitOptions): TrainTestSplit<Float64Array>;
export function trainTestSplit(X: MatrixLike, y: ArrayLike<string>, options?: TrainTestSplitOptions): TrainTestSplit<string[]>;
export function trainTestSplit(X: MatrixLike, y: ArrayLike<number> | ArrayLike<string>, options?: TrainTestSplitOptions): TrainTestSplit;
export function trainTestSplit(X: MatrixLike, y: ArrayLike<number> | ArrayLike<string>, options?: TrainTestSplitOptions): TrainTestSplit {
  const where = 'trainTestSplit';
  const opts = checkOptionNames(options, ['testSize', 'shuffle', 'seed', 'stratify'], where);
  const M = asMatrix(X, `${where}: X`);
  const target = asTarget(y, `${where}: y`, M.rows);
  const n = M.rows;
  const nTest = testCount(opts.testSize ?? 0.25, n, where);
  const shuffle = opts.shuffle === undefined ? true : booleanOption(opts.shuffle, 'shuffle', where);
  const strata = stratificationLabels(opts.stratify ?? false, target, n, where);

  let train: Int32Array, test: Int32Array;
  if (strata) {
    if (!shuffle) throw new LinfitError('BAD_OPTION', `${where}: stratify needs shuffle: true (a stratified split must pick rows at random)`);
    ({ train, test } = stratifiedSplit(strata, nTest, seededRandom(opts.seed, where), where));
  } else {
    if (shuffle) {
      const order = permutation(n, seededRandom(opts.seed, where));
      test = order.slice(0, nTest);
      train = order.slice(nTest);
    } else {
      train = Int32Array.from({ length: n - nTest }, (_, i) => i);
      test = Int32Array.from({ length: nTest }, (_, i) => n - nTest + i);
    }
  }
  return {
    XTrain: takeRows(M, train),
    XTest: takeRows(M, test),
    yTrain: takeTarget(target, train),
    yTest: takeTarget(target, test),
  };
}

function testCount(testSize: unknown, n: number, where: string): number {
  const size = numberIn(testSize, 'testSize', where, { min: 0, minExclusive: true });
  if (size >= 1 && !Number.isInteger(size)) {
    throw new LinfitError('BAD_OPTION', `${where}: testSize must be a fraction in (0, 1) or a whole number of rows; got ${size}`);
  }
  // scikit-learn's rounding, float artefacts included: ⌈0.07 × 100⌉ = ⌈7.000000000000001⌉ = 8.
  const nTest = size < 1 ? Math.ceil(size * n) : size;
  if (nTest >= n) {
    throw new LinfitError('BAD_OPTION', `${where}: testSize ${size} takes ${nTest} of the ${n} rows for testing, leaving none to train on`);
  }
  return nTest;
}

function stratificationLabels(stratify: unknown, target: Target, n: number, where: string): Label[] | undefined {
  if (stratify === false) return undefined;
  if (stratify === true) return Array.from<Label>(target);
  if (stratify != null && typeof stratify === 'object' && typeof (stratify as ArrayLike<Label>).length === 'number') {
    return asLabels(stratify as ArrayLike<Label>, `${where}: stratify`, n);
  }
  throw new LinfitError('BAD_OPTION', `${where}: stratify must be true, false or an array of labels (one per row); got ${describe(stratify)}`);
}

/** Per class, a seeded share of its rows goes to the test set; both sets are then shuffled. */
function stratifiedSplit(labels: Label[], nTest: number, random: Random, where: string): { train: Int32Array; test: Int32Array } {
  const n = labels.length;
  const classes = uniqueLabels(labels);
  const members: number[][] = classes.map(() => []);
  const classIndex = new Map(classes.map((c, k) => [c, k]));
  labels.forEach((label, i) => members[classIndex.get(label)!].push(i));

  members.forEach((rows, k) => {
    if (rows.length < 2) {
      throw new LinfitError('BAD_LABELS', `${where}: class ${describe(classes[k])} has only 1 row; stratifying needs at least 2 per class`);
    }
  });
  const nTrain = n - nTest;
  if (nTest < classes.length || nTrain < classes.length) {
    throw new LinfitError('BAD_OPTION',
      `${where}: with stratify, the test set (${nTest} rows) and the training set (${nTrain} rows) each need at least one row per class (${classes.length} classes)`);
  }

  const testPerClass = apportion(members.map((rows) => rows.length), nTest, random);
  const train: number[] = [], test: number[] = [];
  members.forEach((rows, k) => {
    const order = permutation(rows.length, random);
    for (let r = 0; r < rows.length; r++) (r < testPerClass[k] ? test : train).push(rows[order[r]]);
  });
  // Shuffle so the classes are interleaved rather than in blocks.
  return {
    train: random.shuffle(Int32Array.from(train)),
    test: random.shuffle(Int32Array.from(test)),
  };
}

/**
 * Splits `total` among groups in proportion to `counts` (largest remainder method, as
 * scikit-learn's `_approximate_mode`): floors first, then one more for each of the largest
 * fractional parts, ties in seeded random order.
 */
function apportion(counts: number[], total: number, random: Random): number[] {
  const n = counts.reduce((a, b) => a + b, 0);
  const exact = counts.map((c) => (c * total) / n);
  const shares = exact.map(Math.floor);
  const left = total - shares.reduce((a, b) => a + b, 0);
  const byRemainder = Array.from(permutation(counts.length, random))
    .sort((a, b) => (exact[b] - shares[b]) - (exact[a] - shares[a])); // stable: ties keep the random order
  for (let r = 0; r < left; r++) shares[byRemainder[r]]++;
  return shares;
}

export interface KFoldOptions {
  /** Shuffle the rows before cutting folds (default false: consecutive blocks). */
  shuffle?: boolean;
  /** Integer seed for the shuffle (only with shuffle: true). */
  seed?: number;
}

export interface Fold {
  /** Row indices to train on, ascending. */
  train: Int32Array;
  /** Row indices to test on, ascending. */
  test: Int32Array;
}

/**
 * The k folds of scikit-learn's `KFold`, as an array (iterate it with for…of): each row is in
 * exactly one test fold; fold sizes are ⌊n/k⌋, the first n mod k folds one larger. Indices in
 * each fold are ascending, as scikit-learn returns them.
 * @example
 * kFold(5, 2) // [{ train: [3, 4], test: [0, 1, 2] }, { train: [0, 1, 2], test: [3, 4] }]
 * kFold(150, 5, { shuffle: true, seed: 0 }).map((fold) => fold.test.length); // [30, 30, 30, 30, 30]
 */
export function kFold(n: number, k: number, options?: KFoldOptions): Fold[] {
  const where = 'kFold';
  const opts = checkOptionNames(options, ['shuffle', 'seed'], where);
  numberIn(n, 'n', where, { min: 1, integer: true });
  numberIn(k, 'k', where, { min: 2, max: n, integer: true });
  const shuffle = opts.shuffle === undefined ? false : booleanOption(opts.shuffle, 'shuffle', where);
  if (!shuffle && opts.seed !== undefined) {
    throw new LinfitError('BAD_OPTION', `${where}: seed has no effect unless shuffle is true`);
  }
  const order = shuffle ? permutation(n, seededRandom(opts.seed, where)) : Int32Array.from({ length: n }, (_, i) => i);

  // foldOf[row] = which fold tests that row: fold f takes the next ⌊n/k⌋ (+1 while f < n mod k) of `order`.
  const foldOf = new Int32Array(n);
  const base = Math.floor(n / k), extra = n % k;
  for (let f = 0, start = 0; f < k; f++) {
    const size = base + (f < extra ? 1 : 0);
    for (let p = start; p < start + size; p++) foldOf[order[p]] = f;
    start += size;
  }
  const folds: Fold[] = [];
  for (let f = 0; f < k; f++) {
    const size = base + (f < extra ? 1 : 0);
    const test = new Int32Array(size), train = new Int32Array(n - size);
    for (let row = 0, t = 0, r = 0; row < n; row++) {
      if (foldOf[row] === f) test[t++] = row;
      else train[r++] = row;
    }
    folds.push({ train, test });
  }
  return folds;
}
