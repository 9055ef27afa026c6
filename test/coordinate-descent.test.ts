import { describe, expect, it } from 'vitest';
import { ElasticNet, Lasso, LinearRegression, Matrix, Ridge, StandardScaler, lassoPath } from '../src/index.js';
import { Random } from '../src/random.js';
import { BACKENDS, onBackend, useBackend } from './helpers/backends.js';
import { fixture } from './helpers/fixtures.js';
import { expectClose, randomRows, relativeError } from './helpers/numeric.js';
import { objectiveOf } from './helpers/problem.js';

function standardised(name: 'breast_cancer' | 'wine') {
  const data = fixture(name);
  // Regress the first feature on the others: a real, correlated design.
  const X = new StandardScaler().fitTransform(data.X);
  const y = Array.from({ length: X.rows }, (_, i) => X.get(i, 0) * 3 + X.get(i, 3) - X.get(i, 7));
  return { X, y };
}

function synthetic(n: number, d: number, seed: number) {
  const X = new Matrix(n, d, Float64Array.from(randomRows(n, d, seed).flat()));
  const random = new Random(seed);
  const y = Array.from({ length: n }, (_, i) => 1 + 2 * X.get(i, 0) - 1.5 * X.get(i, 2) + 0.5 * X.get(i, d - 1) + random.normal());
  return { X, y };
}

/** Checks the KKT conditions of mean ½r² + α·l1r‖w‖₁ + α(1 − l1r)/2‖w‖² to `tol`. */
function expectKkt(X: Matrix, y: number[], coef: Float64Array, intercept: number, alpha: number, l1Ratio: number, tol: number, positive = false) {
  const grad = new Float64Array(coef.length + 1);
  objectiveOf('squared', X, y, { kind: 'l2', alpha: alpha * (1 - l1Ratio), l1Ratio: 0 })([...coef, intercept], grad);
  const l1 = alpha * l1Ratio;
  coef.forEach((w, j) => {
    if (w === 0) {
      if (positive) expect(grad[j]).toBeGreaterThanOrEqual(-l1 - tol);
      else expect(Math.abs(grad[j])).toBeLessThanOrEqual(l1 + tol);
    } else {
      expect(Math.abs(grad[j] + l1 * Math.sign(w))).toBeLessThanOrEqual(tol);
    }
  });
  expect(Math.abs(grad[coef.length])).toBeLessThanOrEqual(tol);
}

describe.each(BACKENDS)('coordinate descent (%s backend)', (backend) => {
  useBackend(backend);

  const cases = [
    ['breast cancer, lasso', () => standardised('breast_cancer'), 0.05, 1],
    ['wine, elastic net', () => standardised('wine'), 0.1, 0.5],
    ['synthetic, lasso', () => synthetic(300, 20, 4), 0.1, 1],
    ['synthetic, elastic net', () => synthetic(300, 20, 5), 0.2, 0.3],
  ] as const;

  it.each(cases)('%s satisfies the KKT conditions to 1e-8 with exact zeros', (_name, load, alpha, l1Ratio) => {
    const { X, y } = load();
    const model = new ElasticNet({ alpha, l1Ratio, tol: 1e-14, maxIter: 100_000 }).fit(X, y);
    expect(model.solverUsed).toBe('cd');
    expect(model.converged).toBe(true);
    expect(model.coef.some((w) => w === 0)).toBe(true);
    expectKkt(X, y, model.coef, model.intercept, alpha, l1Ratio, 1e-8);
  });

  it('agrees with proximal gradient descent and, with no L1 part, with the ridge closed form', () => {
    const { X, y } = synthetic(200, 6, 7);
    const cd = new Lasso({ alpha: 0.2, tol: 1e-14, maxIter: 100_000 }).fit(X, y);
    const gd = new Lasso({ alpha: 0.2, solver: 'gd', learningRate: 0.5, maxIter: 100_000, tol: null, gradTol: 1e-12 }).fit(X, y);
    expect(relativeError(cd.coef, gd.coef)).toBeLessThan(1e-9);
    const ridgeCd = new ElasticNet({ alpha: 0.5, l1Ratio: 0, tol: 1e-14, maxIter: 100_000 }).fit(X, y);
    const ridge = new Ridge({ alpha: 0.5 }).fit(X, y);
    expect(relativeError(ridgeCd.coef, ridge.coef)).toBeLessThan(1e-9);
  });

  it('positive: true keeps every weight ≥ 0 and satisfies the constrained KKT conditions', () => {
    const { X, y } = synthetic(200, 8, 9);
    const model = new Lasso({ alpha: 0.05, positive: true, tol: 1e-14, maxIter: 100_000 }).fit(X, y);
    expect(model.coef.every((w) => w >= 0)).toBe(true);
    expect(model.coef[2]).toBe(0); // its true weight is negative
    expectKkt(X, y, model.coef, model.intercept, 0.05, 1, 1e-8, true);
  });

  it('lassoPath: zeros at α_max, warm-started fits equal to single fits, log-spaced α', () => {
    const { X, y } = synthetic(300, 10, 11);
    const path = lassoPath(X, y, { nAlphas: 20, eps: 1e-2, tol: 1e-12, maxIter: 100_000 });
    expect(path.alphas.length).toBe(20);
    expect(path.alphas[19] / path.alphas[0]).toBeCloseTo(1e-2, 12);
    expect(path.alphas[1] / path.alphas[0]).toBeCloseTo(path.alphas[2] / path.alphas[1], 12);
    expect(Array.from(path.coefs.row(0))).toEqual(new Array(10).fill(0));
    expect(path.coefs.row(1).some((w) => w !== 0)).toBe(true);
    for (const i of [3, 10, 19]) {
      const single = new Lasso({ alpha: path.alphas[i], tol: 1e-12, maxIter: 100_000 }).fit(X, y);
      expectClose(path.coefs.row(i), single.coef, 1e-8);
      expect(path.intercepts[i]).toBeCloseTo(single.intercept, 8);
    }
    const given = lassoPath(X, y, { alphas: [0.01, 0.5, 0.1] });
    expect(Array.from(given.alphas)).toEqual([0.5, 0.1, 0.01]);
  });

  it('sample weights: integer weights equal repeated rows, for cd, normal and qr', () => {
    const X = [[0, 1], [1, 0], [2, 2], [3, 1], [4, 5]], y = [1, 3, 2, 5, 4], weights = [1, 2, 1, 3, 1];
    const Xr: number[][] = [], yr: number[] = [];
    weights.forEach((w, i) => { for (let r = 0; r < w; r++) { Xr.push(X[i]); yr.push(y[i]); } });
    const make = [() => new Lasso({ alpha: 0.1, tol: 1e-14 }), () => new LinearRegression({ solver: 'normal' }), () => new LinearRegression({ solver: 'qr' }), () => new Ridge({ alpha: 0.3 })];
    for (const model of make) {
      const a = model().fit(X, y, { sampleWeight: weights });
      const b = model().fit(Xr, yr);
      expectClose(a.coef, b.coef, 1e-10);
      expect(a.intercept).toBeCloseTo(b.intercept, 10);
    }
  });
});

describe('coordinate descent: backends agree, options are checked', () => {
  it('wasm and js give the same path to 1e-9', () => {
    const { X, y } = standardised('wine');
    const run = () => lassoPath(X, y, { nAlphas: 15, l1Ratio: 0.7, tol: 1e-12, maxIter: 10_000 });
    const wasm = onBackend('wasm', run), js = onBackend('js', run);
    expect(relativeError(wasm.coefs.data, js.coefs.data)).toBeLessThan(1e-9);
  });

  it('rejects bad options', () => {
    const bad = expect.objectContaining({ code: 'BAD_OPTION' });
    expect(() => lassoPath([[1], [2]], [1, 2], { nAlphas: 0 })).toThrowError(bad);
    expect(() => lassoPath([[1], [2]], [1, 2], { alpha: 1 } as never)).toThrowError(bad);
    expect(() => new LinearRegression({ positive: true })).toThrowError(bad);
  });
});
