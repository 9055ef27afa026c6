import { describe, expect, it } from 'vitest';
import { LinearRegression, Matrix, MinMaxScaler, Pipeline, PolynomialFeatures, Ridge, StandardScaler, loadModel } from '../src/index.js';
import { BACKENDS, useBackend } from './helpers/backends.js';
import { expectClose, randomRows } from './helpers/numeric.js';

const code = (c: string) => expect.objectContaining({ code: c });

describe.each(BACKENDS)('StandardScaler (%s backend)', (backend) => {
  useBackend(backend);
  // Columns [1, 2, 3, 4] (mean 2.5, population variance 1.25) and [10, 10, 10, 10] (constant).
  const X = [[1, 10], [2, 10], [3, 10], [4, 10]];

  it('uses the population standard deviation, and scale 1 for a constant column', () => {
    const scaler = new StandardScaler().fit(X);
    expectClose(scaler.mean, [2.5, 10], 1e-15);
    expectClose(scaler.variance, [1.25, 0], 1e-15);
    expectClose(scaler.scale, [Math.sqrt(1.25), 1], 1e-15);
    const z = scaler.transform(X);
    expectClose(Array.from({ length: 4 }, (_, i) => z.get(i, 0)), [-1.5, -0.5, 0.5, 1.5].map((v) => v / Math.sqrt(1.25)), 1e-15);
    expectClose(Array.from({ length: 4 }, (_, i) => z.get(i, 1)), [0, 0, 0, 0], 0);
    expectClose(scaler.inverseTransform(z).data, Float64Array.from(X.flat()), 1e-14);
  });

  it('respects withMean / withStd', () => {
    expectClose(new StandardScaler({ withMean: false }).fitTransform(X).data, X.flat().map((v, i) => (i % 2 === 0 ? v / Math.sqrt(1.25) : v)), 1e-15);
    expectClose(new StandardScaler({ withStd: false }).fitTransform(X).data, X.flat().map((v, i) => (i % 2 === 0 ? v - 2.5 : 0)), 1e-15);
  });

  it('partialFit over batches equals fit on all rows', () => {
    const rows = randomRows(101, 4, 7).map((r) => r.map((v, j) => v * (j + 1) + 100 * j));
    const whole = new StandardScaler().fit(rows);
    const batched = new StandardScaler().partialFit(rows.slice(0, 10)).partialFit(rows.slice(10, 77)).partialFit(rows.slice(77));
    expect(batched.nSamplesSeen).toBe(101);
    expectClose(batched.mean, whole.mean, 1e-13);
    expectClose(batched.variance, whole.variance, 1e-12);
  });

  it('rejects non-finite input and a wrong column count', () => {
    expect(() => new StandardScaler().fit([[1, NaN]])).toThrowError(code('NON_FINITE'));
    expect(() => new StandardScaler().fit(X).transform([[1, 2, 3]])).toThrowError(code('SHAPE_MISMATCH'));
    expect(() => new StandardScaler().transform(X)).toThrowError(code('NOT_FITTED'));
  });
});

describe.each(BACKENDS)('MinMaxScaler (%s backend)', (backend) => {
  useBackend(backend);

  it('maps each column onto the feature range and back', () => {
    const X = [[1, -5], [3, 5], [2, 0]];
    const scaler = new MinMaxScaler({ featureRange: [-1, 1] }).fit(X);
    expectClose(scaler.dataMin, [1, -5], 0);
    expectClose(scaler.dataMax, [3, 5], 0);
    expectClose(scaler.transform(X).data, [-1, -1, 1, 1, 0, 0], 1e-15);
    expectClose(scaler.transform([[4, 10]]).data, [2, 2], 1e-15);
    expectClose(scaler.inverseTransform(scaler.transform(X)).data, X.flat(), 1e-15);
  });

  it('partialFit tracks the running extremes; a constant column maps to the lower end', () => {
    const scaler = new MinMaxScaler().partialFit([[2, 7]]).partialFit([[0, 7], [4, 7]]);
    expectClose(scaler.dataMin, [0, 7], 0);
    expectClose(scaler.transform([[1, 7]]).data, [0.25, 0], 1e-15);
    expect(() => new MinMaxScaler({ featureRange: [1, 0] })).toThrowError(code('BAD_OPTION'));
  });
});

describe('PolynomialFeatures', () => {
  it("orders degree-2 powers of two inputs as scikit-learn: [[0,0],[1,0],[0,1],[2,0],[1,1],[0,2]]", () => {
    const poly = new PolynomialFeatures({ degree: 2 }).fit([[1, 2]]);
    expect(poly.powers).toEqual([[0, 0], [1, 0], [0, 1], [2, 0], [1, 1], [0, 2]]);
    expect(poly.featureNames(['a', 'b'])).toEqual(['1', 'a', 'b', 'a^2', 'a b', 'b^2']);
    expectClose(poly.transform([[3, 5]]).data, [1, 3, 5, 9, 15, 25], 0);
  });

  it('interaction-only and no-bias variants, and degree 3 on three inputs', () => {
    const inter = new PolynomialFeatures({ degree: 3, interactionOnly: true, includeBias: false }).fit([[1, 1, 1]]);
    expect(inter.powers).toEqual([[1, 0, 0], [0, 1, 0], [0, 0, 1], [1, 1, 0], [1, 0, 1], [0, 1, 1], [1, 1, 1]]);
    // C(3+3, 3) = 20 monomials of degree ≤ 3 in three variables.
    expect(new PolynomialFeatures({ degree: 3 }).fit([[1, 2, 3]]).nOutputFeatures).toBe(20);
    expect(() => new PolynomialFeatures({ degree: 1.5 })).toThrowError(code('BAD_OPTION'));
  });
});

describe('Pipeline', () => {
  it('standardise + ridge equals fitting ridge on standardised data by hand', () => {
    const X = randomRows(80, 3, 12).map((r) => [r[0] * 100, r[1] + 50, r[2] * 0.01]);
    const y = X.map((r, i) => r[0] * 0.01 + r[1] - 200 * r[2] + Math.sin(i));
    const pipe = new Pipeline([new StandardScaler(), new Ridge({ alpha: 0.3 })]).fit(X, y);
    const Z = new StandardScaler().fitTransform(X);
    const byHand = new Ridge({ alpha: 0.3 }).fit(Z, y);
    expectClose(pipe.predict(X), byHand.predict(Z), 1e-12);
    expect(pipe.score(X, y)).toBeCloseTo(byHand.score(Z, y), 12);
    const copy = loadModel(JSON.stringify(pipe.toJSON()));
    expectClose(copy.predict(X), pipe.predict(X), 1e-15);
  });

  it('checks its steps', () => {
    expect(() => new Pipeline([] as never)).toThrowError(code('BAD_OPTION'));
    expect(() => new Pipeline([new LinearRegression(), new StandardScaler()] as never)).toThrowError(code('BAD_OPTION'));
    expect(() => new Pipeline([new StandardScaler(), new LinearRegression()]).predictProba(new Matrix(1, 1))).toThrowError(code('BAD_OPTION'));
  });
});
