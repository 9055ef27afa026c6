import { describe, expect, it } from 'vitest';
import { Matrix } from '../src/matrix.js';
import {
  accuracyScore, confusionMatrix, logLoss, meanAbsoluteError, meanSquaredError, precisionRecallF1,
  r2Score, rootMeanSquaredError,
} from '../src/metrics/index.js';
import { expectLinfitError } from './helpers/errors.js';


describe('regression metrics', () => {
  // scikit-learn's documentation example.
  const yTrue = [3, -0.5, 2, 7];
  const yPred = [2.5, 0.0, 2, 8];

  it('match scikit-learn on its documentation example', () => {
    // residuals 0.5, −0.5, 0, −1: squares 0.25 + 0.25 + 0 + 1 = 1.5, / 4 = 0.375
    expect(meanSquaredError(yTrue, yPred)).toBe(0.375);
    // |residuals| 0.5 + 0.5 + 0 + 1 = 2, / 4 = 0.5
    expect(meanAbsoluteError(yTrue, yPred)).toBe(0.5);
    expect(rootMeanSquaredError(yTrue, yPred)).toBeCloseTo(Math.sqrt(0.375), 15);
    // mean 2.875; SS_tot = 0.015625 + 11.390625 + 0.765625 + 17.015625 = 29.1875; 1 − 1.5 / 29.1875
    expect(r2Score(yTrue, yPred)).toBeCloseTo(0.9486081370449679, 15);
  });

  it('accept typed arrays and do not mutate their inputs', () => {
    const t = Float64Array.from(yTrue), p = Float64Array.from(yPred);
    expect(meanSquaredError(t, p)).toBe(0.375);
    expect(Array.from(t)).toEqual(yTrue);
    expect(Array.from(p)).toEqual(yPred);
  });

  it('r2 can be negative: predicting [3, 2, 1] for [1, 2, 3] gives 1 − 8/2 = −3', () => {
    expect(r2Score([1, 2, 3], [3, 2, 1])).toBe(-3);
  });

  it('r2 of a constant target is 1 when perfect, else 0 (force_finite)', () => {
    expect(r2Score([2, 2, 2], [2, 2, 2])).toBe(1);
    expect(r2Score([2, 2, 2], [2, 2, 3])).toBe(0);
    expect(r2Score([5], [5])).toBe(1);
    expect(r2Score([5], [4])).toBe(0);
    // The mean of three 0.1s is not exactly 0.1; constancy is still detected.
    expect(r2Score([0.1, 0.1, 0.1], [0.1, 0.1, 0.2])).toBe(0);
  });

  it('rootMeanSquaredError([1, 2], [1, 4]) = √(4/2) = √2', () => {
    expect(rootMeanSquaredError([1, 2], [1, 4])).toBe(Math.SQRT2);
  });

  for (const [name, metric] of Object.entries({ meanSquaredError, rootMeanSquaredError, meanAbsoluteError, r2Score })) {
    describe(`${name} rejects bad input`, () => {
      it('different lengths: SHAPE_MISMATCH naming both arrays', () => {
        expectLinfitError(() => metric([1, 2, 3], [1, 2]), 'SHAPE_MISMATCH', name, 'yTrue has 3 values but yPred has 2');
      });
      it('empty: EMPTY', () => {
        expectLinfitError(() => metric([], []), 'EMPTY', name, 'yTrue is empty');
        expectLinfitError(() => metric([1], []), 'EMPTY', 'yPred is empty');
      });
      it('non-finite: NON_FINITE naming the index', () => {
        expectLinfitError(() => metric([1, 2, 3], [1, 2, NaN]), 'NON_FINITE', name, 'yPred[2]');
        expectLinfitError(() => metric([1, Infinity], [1, 2]), 'NON_FINITE', 'yTrue[1]');
      });
      it('not an array: BAD_INPUT', () => {
        expectLinfitError(() => metric(null as unknown as number[], [1]), 'BAD_INPUT', 'yTrue');
      });
    });
  }
});

describe('accuracyScore', () => {
  it('is the fraction of exact matches, for numbers and strings', () => {
    expect(accuracyScore(['a', 'b', 'b', 'a'], ['a', 'b', 'a', 'a'])).toBe(0.75); // 3 of 4
    expect(accuracyScore([0, 1, 2, 3], [0, 2, 1, 3])).toBe(0.5); // 2 of 4
    expect(accuracyScore(Float64Array.from([1, 1]), [1, 1])).toBe(1);
  });

  it('rejects mixed label kinds, bad labels and mismatched lengths', () => {
    expectLinfitError(() => accuracyScore([1, 0] as (number | string)[], ['1', '0']), 'BAD_LABELS', 'yTrue holds numbers but yPred holds strings');
    expectLinfitError(() => accuracyScore(['a', 1] as (number | string)[], ['a', 'b']), 'BAD_LABELS', 'yTrue[1]', 'all numbers or all strings');
    expectLinfitError(() => accuracyScore([0, 1], [0, NaN]), 'NON_FINITE', 'yPred[1]');
    expectLinfitError(() => accuracyScore([0, null] as unknown as number[], [0, 1]), 'BAD_LABELS', 'yTrue[1] is null');
    expectLinfitError(() => accuracyScore([0, 1], [0]), 'SHAPE_MISMATCH', 'yTrue has 2 values but yPred has 1');
    expectLinfitError(() => accuracyScore([], []), 'EMPTY', 'accuracyScore: yTrue is empty');
  });
});

describe('logLoss', () => {
  it('matches scikit-learn on its documentation example', () => {
    // Classes sorted: ['ham', 'spam'], so column 1 is spam.
    // −(ln 0.9 + ln 0.9 + ln 0.8 + ln 0.65) / 4 = (0.1053605 + 0.1053605 + 0.2231436 + 0.4307829) / 4
    const proba = [[0.1, 0.9], [0.9, 0.1], [0.8, 0.2], [0.35, 0.65]];
    expect(logLoss(['spam', 'ham', 'ham', 'spam'], proba)).toBeCloseTo(0.21616187468057912, 15);
    expect(logLoss(['spam', 'ham', 'ham', 'spam'], Matrix.from(proba))).toBeCloseTo(0.21616187468057912, 15);
  });

  it('reads a 1-D array as the probability of the larger class', () => {
    // −(ln 0.8 + ln 0.7 + ln 0.9) / 3
    const expected = -(Math.log(0.8) + Math.log(0.7) + Math.log(0.9)) / 3;
    expect(logLoss([0, 1, 1], [0.2, 0.7, 0.9])).toBeCloseTo(expected, 15);
    expect(logLoss([0, 1, 1], [[0.8, 0.2], [0.3, 0.7], [0.1, 0.9]])).toBeCloseTo(expected, 15);
  });

  it('handles more than two classes', () => {
    // labels 0, 1, 2: −(ln 0.7 + ln 0.5 + ln 0.6) / 3
    const proba = [[0.7, 0.2, 0.1], [0.25, 0.5, 0.25], [0.1, 0.3, 0.6]];
    expect(logLoss([0, 1, 2], proba)).toBeCloseTo(-(Math.log(0.7) + Math.log(0.5) + Math.log(0.6)) / 3, 15);
  });

  it('clips probabilities to [eps, 1 − eps] so a certain mistake costs −ln(eps)', () => {
    // Row 2 gives the true class 0 → clipped to 1e-15: (−ln(1 − 1e-15) − ln(1e-15)) / 2 ≈ 34.538776 / 2
    expect(logLoss([0, 1], [[1, 0], [1, 0]])).toBeCloseTo(-Math.log(1e-15) / 2, 10);
    // eps = 0.01: row 2 → [0.99, 0.01]: (−ln 0.99 − ln 0.01) / 2
    expect(logLoss([0, 1], [[1, 0], [1, 0]], { eps: 0.01 })).toBeCloseTo(-(Math.log(0.99) + Math.log(0.01)) / 2, 14);
  });

  it('divides each row by its sum', () => {
    // [0.2, 0.2] → [0.5, 0.5]; [0.1, 0.3] → [0.25, 0.75]: (ln 2 − ln 0.75) / 2
    expect(logLoss([0, 1], [[0.2, 0.2], [0.1, 0.3]])).toBeCloseTo((Math.log(2) - Math.log(0.75)) / 2, 15);
  });

  it('takes the classes from labels (sorted) when yTrue lacks some', () => {
    // labels ['c', 'a', 'b'] → columns a, b, c; both rows are 'b': −(ln 0.5 + ln 0.8) / 2
    const proba = [[0.2, 0.5, 0.3], [0.1, 0.8, 0.1]];
    expect(logLoss(['b', 'b'], proba, { labels: ['c', 'a', 'b'] })).toBeCloseTo(-(Math.log(0.5) + Math.log(0.8)) / 2, 15);
  });

  it('rejects bad labels, shapes and options', () => {
    expectLinfitError(() => logLoss(['a', 'a'], [[0.5, 0.5], [0.5, 0.5]]), 'BAD_LABELS', 'only one label', 'labels option');
    expectLinfitError(() => logLoss([0], [[1]], { labels: [0] }), 'BAD_LABELS', 'at least two classes');
    expectLinfitError(() => logLoss([0, 1], [[0.2, 0.3, 0.5], [0.1, 0.1, 0.8]]), 'SHAPE_MISMATCH', 'proba has 3 columns but there are 2 classes');
    expectLinfitError(() => logLoss([0, 1, 1], [[0.5, 0.5], [0.5, 0.5]]), 'SHAPE_MISMATCH', 'yTrue has 3 values but proba has 2 rows');
    expectLinfitError(() => logLoss([0, 2], [[0.5, 0.5], [0.5, 0.5]], { labels: [0, 1] }), 'BAD_LABELS', 'yTrue[1] is 2');
    expectLinfitError(() => logLoss([0, 1], [[0.5, 0.5], [NaN, 0.5]]), 'NON_FINITE', 'row 1, column 0');
    expectLinfitError(() => logLoss([0, 1], [[0.5, 0.5], [0.5, 0.5]], { labels: ['0', '1'] }), 'BAD_LABELS', 'yTrue holds numbers but labels holds strings');
    expectLinfitError(() => logLoss([0, 1], [[0.5, 0.5], [0.5, 0.5]], { eps: 0.7 }), 'BAD_OPTION', 'logLoss', 'eps');
    expectLinfitError(() => logLoss([0, 1], [[0.5, 0.5], [0.5, 0.5]], { epsilon: 1e-3 } as never), 'BAD_OPTION', "unknown option 'epsilon'");
  });
});

describe('precisionRecallF1', () => {
  // scikit-learn's documentation example, with numbers for cat/dog/pig.
  // Per class (tp, predicted, true): 0 → (2, 3, 2), 1 → (0, 1, 2), 2 → (0, 2, 2).
  // Class 0: P = 2/3, R = 2/2 = 1, F1 = 2·2 / (2·2 + 1 + 0) = 0.8; classes 1 and 2 score 0.
  const yTrue = [0, 1, 2, 0, 1, 2];
  const yPred = [0, 2, 1, 0, 0, 1];

  it("average 'none' gives per-class scores with the sorted labels", () => {
    const s = precisionRecallF1(yTrue, yPred, { average: 'none' });
    expect(s.labels).toEqual([0, 1, 2]);
    expect(Array.from(s.precision)).toEqual([2 / 3, 0, 0]);
    expect(Array.from(s.recall)).toEqual([1, 0, 0]);
    expect(Array.from(s.f1)).toEqual([0.8, 0, 0]);
    expect(Array.from(s.support)).toEqual([2, 2, 2]);
  });

  it("'macro' averages the classes equally; 'micro' pools the counts; 'weighted' weighs by support", () => {
    const macro = precisionRecallF1(yTrue, yPred, { average: 'macro' });
    expect(macro.precision).toBeCloseTo(2 / 9, 15); // (2/3 + 0 + 0) / 3
    expect(macro.recall).toBeCloseTo(1 / 3, 15);
    expect(macro.f1).toBeCloseTo(0.8 / 3, 15);
    expect(macro.support).toBe(6);
    // micro: Σtp = 2 of Σpredicted = Σtrue = 6 → 1/3 each (= accuracy)
    const micro = precisionRecallF1(yTrue, yPred, { average: 'micro' });
    expect([micro.precision, micro.recall, micro.f1]).toEqual([1 / 3, 1 / 3, 1 / 3]);
    // equal supports: weighted = macro
    const weighted = precisionRecallF1(yTrue, yPred, { average: 'weighted' });
    expect(weighted.precision).toBeCloseTo(2 / 9, 15);
    expect(weighted.f1).toBeCloseTo(0.8 / 3, 15);
  });

  it("'weighted' differs from 'macro' when supports differ", () => {
    // a: tp 2, predicted 2, true 3 → P 1, R 2/3, F1 4/5; b: tp 1, predicted 2, true 1 → P 1/2, R 1, F1 2/3
    const t = ['a', 'a', 'a', 'b'], p = ['a', 'a', 'b', 'b'];
    const weighted = precisionRecallF1(t, p, { average: 'weighted' });
    expect(weighted.precision).toBeCloseTo((3 * 1 + 1 * 0.5) / 4, 15); // 0.875
    expect(weighted.recall).toBeCloseTo((3 * (2 / 3) + 1 * 1) / 4, 15); // 0.75
    expect(weighted.f1).toBeCloseTo((3 * 0.8 + 1 * (2 / 3)) / 4, 15); // 0.7666…
    const macro = precisionRecallF1(t, p, { average: 'macro' });
    expect(macro.precision).toBeCloseTo(0.75, 15);
    expect(macro.recall).toBeCloseTo(5 / 6, 15);
    expect(macro.f1).toBeCloseTo((0.8 + 2 / 3) / 2, 15);
  });

  it("'binary' (the default) scores posLabel, default 1", () => {
    // posLabel 1: tp 2 (rows 1, 4), predicted 3 (1, 3, 4), true 3 (1, 2, 4) → 2/3, 2/3, 4/6
    const t = [0, 1, 1, 0, 1], p = [0, 1, 0, 1, 1];
    expect(precisionRecallF1(t, p)).toEqual({ precision: 2 / 3, recall: 2 / 3, f1: 2 / 3, support: 3 });
    // posLabel 0: tp 1 (row 0), predicted 2 (0, 2), true 2 (0, 3) → 1/2, 1/2, 2/4
    expect(precisionRecallF1(t, p, { posLabel: 0 })).toEqual({ precision: 0.5, recall: 0.5, f1: 0.5, support: 2 });
    // string labels
    const s = precisionRecallF1(['spam', 'ham', 'spam'], ['spam', 'spam', 'ham'], { average: 'binary', posLabel: 'spam' });
    expect(s).toEqual({ precision: 0.5, recall: 0.5, f1: 0.5, support: 2 }); // tp 1 of 2 predicted, 2 true
  });

  it('zero denominators count as 0 (zero_division=0)', () => {
    // nothing predicted positive: precision 0/0 → 0; recall 0/1; F1 0/(0 + 0 + 1)
    expect(precisionRecallF1([1, 0], [0, 0])).toEqual({ precision: 0, recall: 0, f1: 0, support: 1 });
    // posLabel absent from both arrays: all 0
    expect(precisionRecallF1([0, 0], [0, 0])).toEqual({ precision: 0, recall: 0, f1: 0, support: 0 });
    // a class only predicted: recall 0/0 → 0
    const s = precisionRecallF1([0, 0], [0, 1], { average: 'none' });
    expect(Array.from(s.recall)).toEqual([0.5, 0]);
    expect(Array.from(s.precision)).toEqual([1, 0]);
  });

  it('rejects a wrong average, posLabel or labels', () => {
    expectLinfitError(() => precisionRecallF1(yTrue, yPred), 'BAD_OPTION', "average 'binary'", "'macro'");
    expectLinfitError(() => precisionRecallF1(['ham', 'spam'], ['spam', 'spam']), 'BAD_OPTION', 'posLabel 1', "'ham', 'spam'");
    expectLinfitError(() => precisionRecallF1(yTrue, yPred, { average: 'samples' as never }), 'BAD_OPTION', 'average must be one of');
    expectLinfitError(() => precisionRecallF1([0, 1], [0, 1], { posLabel: true as never }), 'BAD_OPTION', 'posLabel');
    expectLinfitError(() => precisionRecallF1([0, 1], [0]), 'SHAPE_MISMATCH', 'precisionRecallF1', 'yTrue has 2 values but yPred has 1');
  });
});

describe('confusionMatrix', () => {
  it('counts (true, predicted) pairs with rows = true labels (scikit-learn example)', () => {
    // pairs: (2,0) (0,0) (2,2) (2,2) (0,0) (1,2)
    const { labels, matrix } = confusionMatrix([2, 0, 2, 2, 0, 1], [0, 0, 2, 2, 0, 2]);
    expect(labels).toEqual([0, 1, 2]);
    expect(matrix).toBeInstanceOf(Matrix);
    expect(matrix.toArray()).toEqual([[2, 0, 0], [0, 0, 1], [1, 0, 2]]);
  });

  it('sorts string labels and uses those in either array', () => {
    const yTrue = ['cat', 'ant', 'cat', 'cat', 'ant', 'bird'];
    const yPred = ['ant', 'ant', 'cat', 'cat', 'ant', 'cat'];
    const { labels, matrix } = confusionMatrix(yTrue, yPred);
    expect(labels).toEqual(['ant', 'bird', 'cat']);
    expect(matrix.toArray()).toEqual([[2, 0, 0], [0, 0, 1], [1, 0, 2]]);
    // a label only predicted still gets a row and a column
    expect(confusionMatrix([0, 0], [0, 3]).matrix.toArray()).toEqual([[1, 1], [0, 0]]);
  });

  it('with labels, keeps their order and leaves out samples outside them', () => {
    const yTrue = ['cat', 'ant', 'cat', 'cat', 'ant', 'bird'];
    const yPred = ['ant', 'ant', 'cat', 'cat', 'ant', 'cat'];
    // cat→cat 2, cat→ant 1; ant→cat 0, ant→ant 2; the bird row is dropped
    const { labels, matrix } = confusionMatrix(yTrue, yPred, { labels: ['cat', 'ant'] });
    expect(labels).toEqual(['cat', 'ant']);
    expect(matrix.toArray()).toEqual([[2, 1], [0, 2]]);
  });

  it('rejects bad labels', () => {
    expectLinfitError(() => confusionMatrix([0, 1], [0, 1], { labels: [0, 1, 0] }), 'BAD_LABELS', 'labels[2] repeats 0');
    expectLinfitError(() => confusionMatrix([0, 1], [0, 1], { labels: [5] }), 'BAD_LABELS', 'none of the labels');
    expectLinfitError(() => confusionMatrix([0, 1], [0, 1], { labels: [] }), 'EMPTY', 'labels is empty');
    expectLinfitError(() => confusionMatrix([0, 1], [0, 1], { labels: ['0'] } as never), 'BAD_LABELS', 'yTrue holds numbers but labels holds strings');
    expectLinfitError(() => confusionMatrix([0, 1], [0, 1], { normalize: 'true' } as never), 'BAD_OPTION', "unknown option 'normalize'");
  });
});
