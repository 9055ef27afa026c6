import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { crossValScore, kFold, readCsv, trainTestSplit } from '../src/data/index.js';
import { Matrix } from '../src/matrix.js';
import { meanAbsoluteError } from '../src/metrics/index.js';
import { expectLinfitError } from './helpers/errors.js';

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));


function countBy<T>(values: ArrayLike<T>): Map<T, number> {
  const counts = new Map<T, number>();
  for (let i = 0; i < values.length; i++) counts.set(values[i], (counts.get(values[i]) ?? 0) + 1);
  return counts;
}

/** X with row i = [i, 10·i] and y = i, so every split can be checked row by row. */
function indexedData(n: number) {
  return { X: Array.from({ length: n }, (_, i) => [i, 10 * i]), y: Array.from({ length: n }, (_, i) => i) };
}

describe('readCsv', () => {
  it('reads a fixture by path, target by index -1', () => {
    const { X, y, featureNames, targetName } = readCsv(fixture('commute.csv'), { target: -1 });
    expect(featureNames).toEqual(['distance_km', 'weekday']);
    expect(targetName).toBe('minutes');
    expect(X).toBeInstanceOf(Matrix);
    expect(X.toArray()).toEqual([[2.7, 1], [4.1, 1], [1.0, 0], [5.2, 1], [2.8, 0]]);
    expect(y).toBeInstanceOf(Float64Array);
    expect(Array.from(y as Float64Array)).toEqual([25, 33, 15, 45, 22]);
  });

  it('gives string labels for a non-numeric target (iris: 3 × 50 species)', () => {
    const { X, y, featureNames, targetName } = readCsv(fixture('iris.csv'), { target: 'species' });
    expect([X.rows, X.cols]).toEqual([150, 4]);
    expect(featureNames).toEqual(['sepal_length', 'sepal_width', 'petal_length', 'petal_width']);
    expect(targetName).toBe('species');
    expect(Array.isArray(y)).toBe(true);
    expect(countBy(y as string[])).toEqual(new Map([['setosa', 50], ['versicolor', 50], ['virginica', 50]]));
    expect(Array.from(X.row(0))).toEqual([5.1, 3.5, 1.4, 0.2]);
  });

  it('reads text as well as paths, and all columns are features without a target', () => {
    const text = readFileSync(fixture('wine.csv'), 'utf8');
    const { X, y, featureNames, targetName } = readCsv(text);
    expect([X.rows, X.cols]).toEqual([178, 14]);
    expect(featureNames.at(-1)).toBe('cultivar');
    expect(y).toBeUndefined();
    expect(targetName).toBeUndefined();
  });

  it('handles quoted fields, doubled quotes, CRLF, blank lines and a trailing newline', () => {
    const text = 'a, b ,label\r\n1,2,"x, y"\r\n\r\n   \r\n 3 ,4,"say ""hi"""\r\n';
    const { X, y, featureNames } = readCsv(text, { target: 'label' });
    expect(featureNames).toEqual(['a', 'b']);
    expect(X.toArray()).toEqual([[1, 2], [3, 4]]);
    expect(y).toEqual(['x, y', 'say "hi"']);
  });

  it('drops a byte-order mark and names unnamed header columns by position', () => {
    const { featureNames } = readCsv('\uFEFFa,,c\n1,2,3\n');
    expect(featureNames).toEqual(['a', 'x1', 'c']);
  });

  it('keeps line breaks inside quotes and counts lines through them', () => {
    const { y } = readCsv('a,label\n1,"two\nlines"\n2,z', { target: 1 });
    expect(y).toEqual(['two\nlines', 'z']);
    // the record on physical line 4 is reported as line 4
    expectLinfitError(() => readCsv('a,label\n1,"two\nlines"\nfoo,z\n', { target: 1 }), 'BAD_INPUT', "line 4, column 1 ('a')", "'foo'");
  });

  it('without a header, names columns x0, x1, … and the target y', () => {
    const { X, y, featureNames, targetName } = readCsv('1,2,3\n4,5,6\n', { header: false, target: 0 });
    expect(featureNames).toEqual(['x0', 'x1']);
    expect(targetName).toBe('y');
    expect(X.toArray()).toEqual([[2, 3], [5, 6]]);
    expect(Array.from(y as Float64Array)).toEqual([1, 4]);
  });

  it('parses signs and exponents; a target with any text becomes strings', () => {
    const { X, y } = readCsv('a,b,t\n-1.5,+2e3,2\n.5,1E-2,x\n', { target: 't' });
    expect(X.toArray()).toEqual([[-1.5, 2000], [0.5, 0.01]]);
    expect(y).toEqual(['2', 'x']);
  });

  it('rejects text in a feature column with BAD_INPUT naming line and column', () => {
    expectLinfitError(() => readCsv('a,b\n1,2\n3,abc\n'), 'BAD_INPUT', "line 3, column 2 ('b')", "'abc' is not a number");
    expectLinfitError(() => readCsv('a,b\n1,0x10\n'), 'BAD_INPUT', "line 2, column 2 ('b')");
    expectLinfitError(() => readCsv('1,2\n3,abc\n', { header: false }), 'BAD_INPUT', 'line 2, column 2');
  });

  it('rejects missing and infinite values with NON_FINITE naming line and column', () => {
    expectLinfitError(() => readCsv('a,b\n1,\n3,4\n'), 'NON_FINITE', "line 2, column 2 ('b')", 'missing value');
    expectLinfitError(() => readCsv('a,b\n1,2\nNA,4\n'), 'NON_FINITE', "line 3, column 1 ('a')", "'NA'");
    expectLinfitError(() => readCsv('a,b\n1,inf\n'), 'NON_FINITE', "line 2, column 2 ('b')", 'not finite');
    expectLinfitError(() => readCsv('a,t\n1,2\n3,\n', { target: 't' }), 'NON_FINITE', "line 3, column 2 ('t')");
    expectLinfitError(() => readCsv('a,t\n1,x\n3,\n', { target: 't' }), 'NON_FINITE', "line 3, column 2 ('t')", 'missing label');
  });

  it('rejects ragged rows, unclosed quotes and empty files', () => {
    expectLinfitError(() => readCsv('a,b\n1,2\n3,4,5\n'), 'SHAPE_MISMATCH', 'line 3 has 3 fields but the header (line 1) has 2');
    expectLinfitError(() => readCsv('a,b\n1,"2\n3,4\n'), 'BAD_INPUT', 'starts on line 2 is never closed');
    expectLinfitError(() => readCsv('a,b\n'), 'EMPTY', 'no data rows');
    expectLinfitError(() => readCsv('\n\n'), 'EMPTY', 'no lines');
    expectLinfitError(() => readCsv('t\n1\n2\n', { target: 't' }), 'EMPTY', 'no feature columns');
  });

  it('rejects an unknown target or option', () => {
    expectLinfitError(() => readCsv('a,b\n1,2\n', { target: 'c' }), 'BAD_OPTION', "target 'c' is not a column", 'a, b');
    expectLinfitError(() => readCsv('a,b\n1,2\n', { target: 2 }), 'BAD_OPTION', 'target', '≤ 1');
    expectLinfitError(() => readCsv('a,b\n1,2\n', { target: -3 }), 'BAD_OPTION', 'target', '≥ -2');
    expectLinfitError(() => readCsv('1,2\n3,4\n', { target: 'a', header: false }), 'BAD_OPTION', 'header is false');
    expectLinfitError(() => readCsv('a,a\n1,2\n', { target: 'a' }), 'BAD_OPTION', 'more than one column');
    expectLinfitError(() => readCsv('a,b\n1,2\n', { sep: ';' } as never), 'BAD_OPTION', "unknown option 'sep'");
  });

  it('reports a file it cannot read, or a runtime without node:fs', () => {
    expectLinfitError(() => readCsv('/no/such/file.csv'), 'BAD_INPUT', "cannot read file '/no/such/file.csv'");
    vi.spyOn(process, 'getBuiltinModule').mockReturnValue(undefined as never);
    expectLinfitError(() => readCsv('data.csv'), 'BAD_INPUT', 'cannot read files; pass the CSV text');
  });

  afterEach(() => {
    vi.restoreAllMocks();
  });
});

describe('trainTestSplit', () => {
  it('uses scikit-learn sizes: nTest = ⌈testSize·n⌉', () => {
    const { X, y } = indexedData(10);
    // default 0.25: ⌈2.5⌉ = 3 test, 7 train
    const s = trainTestSplit(X, y, { seed: 1 });
    expect([s.XTrain.rows, s.XTest.rows, s.yTrain.length, s.yTest.length]).toEqual([7, 3, 7, 3]);
    expect(trainTestSplit(X, y, { testSize: 4, seed: 1 }).yTest.length).toBe(4); // a count
    // float artefact kept, as scikit-learn (Python gives the same product): 0.07 × 100 = 7.000000000000001 → 8
    const big = indexedData(100);
    expect(trainTestSplit(big.X, big.y, { testSize: 0.07, seed: 1 }).yTest.length).toBe(8);
  });

  it('partitions the rows, keeping X and y aligned and the inputs untouched', () => {
    const { X, y } = indexedData(20);
    const s = trainTestSplit(X, y, { testSize: 0.3, seed: 7 });
    const rows = [...s.yTrain, ...s.yTest].sort((a, b) => a - b);
    expect(rows).toEqual(y);
    for (const [M, labels] of [[s.XTrain, s.yTrain], [s.XTest, s.yTest]] as const) {
      for (let i = 0; i < M.rows; i++) expect(Array.from(M.row(i))).toEqual([labels[i], 10 * labels[i]]);
    }
    expect(X).toEqual(indexedData(20).X);
    expect(y).toEqual(indexedData(20).y);
  });

  it('without shuffle takes the last rows as the test set', () => {
    const { X, y } = indexedData(10);
    const s = trainTestSplit(X, y, { testSize: 3, shuffle: false });
    expect(Array.from(s.yTrain)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(Array.from(s.yTest)).toEqual([7, 8, 9]);
  });

  it('is reproducible by seed: same seed → same split, another seed → another split', () => {
    const { X, y } = indexedData(50);
    const a = trainTestSplit(X, y, { seed: 42 }), b = trainTestSplit(X, y, { seed: 42 }), c = trainTestSplit(X, y, { seed: 43 });
    expect(Array.from(a.yTest)).toEqual(Array.from(b.yTest));
    expect(a.XTrain.data).toEqual(b.XTrain.data);
    expect(Array.from(a.yTest)).not.toEqual(Array.from(c.yTest));
  });

  it('keeps the kind of y: Float64Array for numbers, string[] for labels', () => {
    const numeric = trainTestSplit([[1], [2], [3], [4]], [1, 2, 3, 4], { seed: 0 });
    expect(numeric.yTrain).toBeInstanceOf(Float64Array);
    const labels = trainTestSplit([[1], [2], [3], [4]], ['a', 'b', 'c', 'd'], { seed: 0 });
    expect(Array.isArray(labels.yTrain)).toBe(true);
    expect([...labels.yTrain, ...labels.yTest].sort()).toEqual(['a', 'b', 'c', 'd']);
    expect(labels.XTrain).toBeInstanceOf(Matrix);
  });

  it('stratify keeps class proportions (iris: 50/50/50, testSize 0.2 → 10 of each)', () => {
    const { X, y } = readCsv(fixture('iris.csv'), { target: 'species' });
    for (const seed of [0, 1, 2]) {
      const s = trainTestSplit(X, y as string[], { testSize: 0.2, seed, stratify: true });
      expect(countBy(s.yTest)).toEqual(new Map([['setosa', 10], ['versicolor', 10], ['virginica', 10]]));
      expect(countBy(s.yTrain)).toEqual(new Map([['setosa', 40], ['versicolor', 40], ['virginica', 40]]));
      // classes are interleaved, not in blocks
      expect(new Set(s.yTest.slice(0, 10)).size).toBeGreaterThan(1);
    }
  });

  it('stratify rounds by largest remainder (breast cancer: 212 / 357)', () => {
    const { X, y } = readCsv(fixture('breast_cancer.csv'), { target: 'benign' });
    // nTest = ⌈0.25 · 569⌉ = 143; shares 212·143/569 = 53.28 and 357·143/569 = 89.72 → 53 + 89 = 142,
    // the leftover row goes to the larger remainder (0.72): 53 and 90
    const s = trainTestSplit(X, y as Float64Array, { seed: 3, stratify: true });
    expect(countBy(s.yTest)).toEqual(new Map([[0, 53], [1, 90]]));
    expect(countBy(s.yTrain)).toEqual(new Map([[0, 159], [1, 267]]));
  });

  it('stratifies by a separate label array when given one', () => {
    const { X, y } = indexedData(8);
    const groups = ['a', 'a', 'a', 'a', 'a', 'a', 'b', 'b'];
    // nTest = 4: a gets 6·4/8 = 3 rows, b 2·4/8 = 1
    const s = trainTestSplit(X, y, { testSize: 4, seed: 5, stratify: groups });
    expect(countBy(Array.from(s.yTest, (i) => groups[i]))).toEqual(new Map([['a', 3], ['b', 1]]));
  });

  it('rejects bad sizes and options', () => {
    const { X, y } = indexedData(10);
    expectLinfitError(() => trainTestSplit(X, y.slice(1)), 'SHAPE_MISMATCH', 'trainTestSplit: y has 9 values but X has 10 rows');
    expectLinfitError(() => trainTestSplit(X, y, { testSize: 0 }), 'BAD_OPTION', 'testSize');
    expectLinfitError(() => trainTestSplit(X, y, { testSize: 1.5 }), 'BAD_OPTION', 'testSize must be a fraction in (0, 1) or a whole number');
    expectLinfitError(() => trainTestSplit(X, y, { testSize: 10 }), 'BAD_OPTION', 'leaving none to train on');
    expectLinfitError(() => trainTestSplit(X, y, { seed: 1.5 }), 'BAD_OPTION', 'seed must be an integer');
    expectLinfitError(() => trainTestSplit(X, y, { shuffle: false, stratify: true }), 'BAD_OPTION', 'stratify needs shuffle');
    expectLinfitError(() => trainTestSplit(X, y, { stratify: 'yes' as never }), 'BAD_OPTION', 'stratify must be');
    expectLinfitError(() => trainTestSplit(X, y, { test_size: 0.2 } as never), 'BAD_OPTION', "unknown option 'test_size'");
    expectLinfitError(() => trainTestSplit([], []), 'EMPTY', 'X has no rows');
  });

  it('rejects stratification that cannot be honoured', () => {
    const { X } = indexedData(6);
    expectLinfitError(() => trainTestSplit(X, ['a', 'a', 'a', 'b', 'b', 'c'], { stratify: true, seed: 0 }), 'BAD_LABELS', "class 'c' has only 1 row");
    // 3 classes but a 2-row test set
    expectLinfitError(() => trainTestSplit(X, ['a', 'a', 'b', 'b', 'c', 'c'], { stratify: true, testSize: 2, seed: 0 }), 'BAD_OPTION', '3 classes');
    expectLinfitError(() => trainTestSplit(X, [0, 0, 0, 1, 1, 1], { stratify: ['a', 'b'], seed: 0 }), 'SHAPE_MISMATCH', 'stratify has 2 values but X has 6 rows');
  });
});

describe('kFold', () => {
  it('cuts consecutive folds with scikit-learn sizes (10 rows, 3 folds → 4, 3, 3)', () => {
    const folds = kFold(10, 3);
    expect(folds.map((f) => Array.from(f.test))).toEqual([[0, 1, 2, 3], [4, 5, 6], [7, 8, 9]]);
    expect(Array.from(folds[1].train)).toEqual([0, 1, 2, 3, 7, 8, 9]);
    expect(folds[0].test).toBeInstanceOf(Int32Array);
  });

  it('shuffled folds partition 0..n−1, sizes ⌊n/k⌋ with the first n mod k one larger, indices ascending', () => {
    const n = 23, k = 5;
    const folds = kFold(n, k, { shuffle: true, seed: 11 });
    expect(folds.map((f) => f.test.length)).toEqual([5, 5, 5, 4, 4]);
    const seen = new Int32Array(n);
    for (const { train, test } of folds) {
      for (const i of test) seen[i]++;
      expect(train.length + test.length).toBe(n);
      expect(new Set([...train, ...test]).size).toBe(n); // train is the complement of test
      for (const part of [train, test]) for (let i = 1; i < part.length; i++) expect(part[i]).toBeGreaterThan(part[i - 1]);
    }
    expect(Array.from(seen)).toEqual(new Array(n).fill(1));
    // shuffled, so not the consecutive blocks
    expect(Array.from(folds[0].test)).not.toEqual([0, 1, 2, 3, 4]);
  });

  it('is reproducible by seed', () => {
    const tests = (seed: number) => kFold(30, 3, { shuffle: true, seed }).map((f) => Array.from(f.test));
    expect(tests(1)).toEqual(tests(1));
    expect(tests(1)).not.toEqual(tests(2));
  });

  it('rejects bad n, k and options', () => {
    expectLinfitError(() => kFold(10, 1), 'BAD_OPTION', 'kFold: k must be an integer ≥ 2');
    expectLinfitError(() => kFold(3, 4), 'BAD_OPTION', 'k must be', '≤ 3');
    expectLinfitError(() => kFold(10.5, 2), 'BAD_OPTION', 'n must be an integer');
    expectLinfitError(() => kFold(10, 2, { seed: 1 }), 'BAD_OPTION', 'seed has no effect unless shuffle');
  });
});

describe('crossValScore', () => {
  /** Predicts the training mean; scores with R² (1 − SS_res / SS_tot). */
  class MeanRegressor {
    mean = NaN;
    fit(_X: Matrix, y: ArrayLike<number>) {
      this.mean = Array.from(y).reduce((a, b) => a + b, 0) / y.length;
      return this;
    }
    predict(X: Matrix) {
      return new Float64Array(X.rows).fill(this.mean);
    }
    score(X: Matrix, y: ArrayLike<number>) {
      const p = this.predict(X), m = Array.from(y).reduce((a, b) => a + b, 0) / y.length;
      let res = 0, tot = 0;
      for (let i = 0; i < y.length; i++) { res += (y[i] - p[i]) ** 2; tot += (y[i] - m) ** 2; }
      return 1 - res / tot;
    }
  }

  /** Assigns each row the label of the nearest class mean. */
  class NearestCentroid {
    classes: string[] = [];
    centroids: number[][] = [];
    fit(X: Matrix, y: ArrayLike<string>) {
      this.classes = [...new Set(Array.from(y))].sort();
      this.centroids = this.classes.map((c) => {
        const rows = X.toArray().filter((_, i) => y[i] === c);
        return rows[0].map((_, j) => rows.reduce((s, r) => s + r[j], 0) / rows.length);
      });
      return this;
    }
    predict(X: Matrix) {
      return X.toArray().map((row) => {
        const d = this.centroids.map((c) => c.reduce((s, v, j) => s + (v - row[j]) ** 2, 0));
        return this.classes[d.indexOf(Math.min(...d))];
      });
    }
    score(X: Matrix, y: ArrayLike<string>) {
      const p = this.predict(X);
      return p.filter((label, i) => label === y[i]).length / p.length;
    }
  }

  // 4 rows, 2 unshuffled folds: fold 0 tests rows 0–1 (y 1, 2) with the mean of 3, 4 = 3.5;
  // fold 1 tests rows 2–3 (y 3, 4) with the mean of 1, 2 = 1.5.
  const X = [[0], [1], [2], [3]], y = [1, 2, 3, 4];

  it("defaults to the model's score (R²: 1 − (2.5² + 1.5²) / 0.5 = −16 per fold)", () => {
    const scores = crossValScore(() => new MeanRegressor(), X, y, { k: 2, shuffle: false });
    expect(scores).toBeInstanceOf(Float64Array);
    expect(Array.from(scores)).toEqual([-16, -16]);
  });

  it('accepts scorer names and functions', () => {
    // MSE per fold: (2.5² + 1.5²) / 2 = 4.25
    const neg = crossValScore(() => new MeanRegressor(), X, y, { k: 2, shuffle: false, scoring: 'neg_mean_squared_error' });
    expect(Array.from(neg)).toEqual([-4.25, -4.25]);
    expect(Array.from(crossValScore(() => new MeanRegressor(), X, y, { k: 2, shuffle: false, scoring: 'r2' }))).toEqual([-16, -16]);
    // MAE per fold: (2.5 + 1.5) / 2 = 2
    const mae = crossValScore(() => new MeanRegressor(), X, y, { k: 2, shuffle: false, scoring: meanAbsoluteError });
    expect(Array.from(mae)).toEqual([2, 2]);
    expect(Array.from(crossValScore(() => new MeanRegressor(), X, y, { k: 2, shuffle: false, scoring: 'neg_mean_absolute_error' }))).toEqual([-2, -2]);
  });

  it('fits a fresh model per fold', () => {
    let made = 0;
    crossValScore(() => { made++; return new MeanRegressor(); }, X, y, { k: 4, seed: 0 });
    expect(made).toBe(4);
  });

  it('cross-validates a classifier on string labels, reproducibly by seed', () => {
    const { X: irisX, y: irisY } = readCsv(fixture('iris.csv'), { target: 'species' });
    const run = (seed: number) => crossValScore(() => new NearestCentroid(), irisX, irisY as string[], { k: 5, seed, scoring: 'accuracy' });
    const scores = run(0);
    expect(scores.length).toBe(5);
    for (const s of scores) expect(s).toBeGreaterThan(0.7); // nearest centroid gets ~0.9 on iris
    expect(Array.from(run(0))).toEqual(Array.from(scores));
    expect(Array.from(run(1))).not.toEqual(Array.from(scores));
    // the model's own score is accuracy too
    expect(Array.from(crossValScore(() => new NearestCentroid(), irisX, irisY as string[], { k: 5, seed: 0 }))).toEqual(Array.from(scores));
  });

  it('rejects bad options and models', () => {
    expectLinfitError(() => crossValScore(() => new MeanRegressor(), X, y, { scoring: 'f1' as never }), 'BAD_OPTION', 'scoring must be one of');
    expectLinfitError(() => crossValScore(() => new MeanRegressor(), X, y, { k: 5 }), 'BAD_OPTION', 'k must be', '≤ 4');
    expectLinfitError(() => crossValScore(() => new MeanRegressor(), X, y, { shuffle: false, seed: 1 }), 'BAD_OPTION', 'crossValScore: seed has no effect');
    expectLinfitError(() => crossValScore(() => new MeanRegressor(), X, [1, 2, 3]), 'SHAPE_MISMATCH', 'crossValScore: y has 3 values but X has 4 rows');
    expectLinfitError(() => crossValScore(() => ({ fit() {}, score: () => 0 }), X, y, { k: 2, scoring: 'r2' }), 'BAD_MODEL', 'predict');
    expectLinfitError(() => crossValScore(() => ({ fit() {} }), X, y, { k: 2 }), 'BAD_MODEL', 'no score method');
    expectLinfitError(() => crossValScore(null as never, X, y), 'BAD_INPUT', 'makeModel must be a function');
  });
});
