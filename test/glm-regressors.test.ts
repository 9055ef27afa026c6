import { describe, expect, it } from 'vitest';
import { HuberRegressor, LinearRegression, Matrix, PoissonRegressor, loadModel, setBackend } from '../src/index.js';
import { Random } from '../src/random.js';
import { BACKENDS, useBackend } from './helpers/backends.js';
import { expectLinfitError } from './helpers/errors.js';
import { huberGradNorm, huberReference, poissonReference } from './helpers/glm-reference.js';
import { expectClose, randomRows, relativeError } from './helpers/numeric.js';
import { objectiveOf } from './helpers/problem.js';

const W_TRUE = [0.3, -0.2, 0.5, 0.1];
const B_TRUE = 0.5;
const linear = (row: number[]) => row.reduce((s, x, j) => s + x * W_TRUE[j], B_TRUE);

/** Counts drawn from Poisson(e^{x·w + b}) by Knuth's multiplication method, seeded. */
function poissonData(n: number, seed: number) {
  const X = randomRows(n, W_TRUE.length, seed);
  const random = new Random(seed + 1);
  const y = X.map((row) => {
    const limit = Math.exp(-Math.exp(linear(row)));
    let k = 0, p = random.next();
    while (p > limit) {
      k++;
      p *= random.next();
    }
    return k;
  });
  return { X, y };
}

/** A line with Gaussian noise and every tenth target thrown far off (outliers). */
function outlierData(n: number, seed: number) {
  const X = randomRows(n, W_TRUE.length, seed);
  const random = new Random(seed + 1);
  const y = X.map((row, i) => linear(row) + 0.3 * random.normal() + (i % 10 === 0 ? 25 * (random.next() < 0.5 ? -1 : 1) : 0));
  return { X, y };
}

describe.each(BACKENDS)('PoissonRegressor (%s backend)', (backend) => {
  useBackend(backend);

  it('recovers the exact weights when y is the mean itself (alpha 0): a known answer', () => {
    const X = randomRows(100, 4, 11);
    const y = X.map((row) => Math.exp(linear(row)));
    for (const solver of ['lbfgs', 'newton'] as const) {
      const model = new PoissonRegressor({ alpha: 0, solver, tol: 1e-12, maxIter: 200 }).fit(X, y);
      expectClose(model.coef, W_TRUE, 1e-9);
      expect(model.intercept).toBeCloseTo(B_TRUE, 9);
      expect(model.score(X, y)).toBeCloseTo(1, 12);
      expect(model.converged).toBe(true);
    }
  });

  it('matches a dense Newton reference on Poisson counts, with and without alpha and sample weights', () => {
    const { X, y } = poissonData(300, 5);
    const sw = X.map((_, i) => 0.5 + (i % 3));
    for (const [alpha, sampleWeight] of [[1, undefined], [0.05, undefined], [0.05, sw], [0, undefined]] as const) {
      const reference = poissonReference(X, y, alpha, sampleWeight as number[] | undefined);
      for (const solver of ['lbfgs', 'newton'] as const) {
        const model = new PoissonRegressor({ alpha, solver, tol: 1e-10 }).fit(X, y, { sampleWeight });
        expect(relativeError([...model.coef, model.intercept], reference)).toBeLessThan(1e-8);
      }
    }
  });

  it('predicts the mean e^{x·w + b}; D² is 0 for the constant mean and 1 for a perfect fit', () => {
    const { X, y } = poissonData(200, 8);
    const model = new PoissonRegressor({ alpha: 0.01 }).fit(X, y);
    const z = model.linearPredictor(X);
    expectClose(model.predict(X), Array.from(z, Math.exp), 1e-15);
    const heavy = new PoissonRegressor({ alpha: 1e6 }).fit(X, y);
    expect(Math.abs(heavy.score(X, y))).toBeLessThan(1e-5);
    expect(model.score(X, y)).toBeGreaterThan(0.2);
  });

  it('its objective gradient matches central differences', () => {
    const { X, y } = poissonData(50, 3);
    const f = objectiveOf('poisson', Matrix.from(X), y, { kind: 'l2', alpha: 0.3, l1Ratio: 0 });
    const theta = [0.1, -0.2, 0.05, 0.3, 0.2];
    const grad = new Float64Array(5);
    f(theta, grad);
    const h = 1e-6;
    const fd = theta.map((_, j) => (f(theta.map((v, k) => v + (k === j ? h : 0))) - f(theta.map((v, k) => v - (k === j ? h : 0)))) / (2 * h));
    expectClose(grad, fd, 1e-7);
  });

  it('refuses negative or all-zero targets and keeps the fitted model', () => {
    const model = new PoissonRegressor().fit([[0], [1], [2]], [1, 2, 4]);
    const before = model.coef;
    expectLinfitError(() => model.fit([[0], [1], [2]], [1, -2, 4]), 'BAD_INPUT', 'y[1]', '≥ 0');
    expectLinfitError(() => model.fit([[0], [1]], [0, 0]), 'BAD_INPUT', 'every row');
    expectLinfitError(() => new PoissonRegressor({ solver: 'sgd' as never }), 'BAD_OPTION', 'solver');
    expect(model.coef).toEqual(before);
  });

  it('predicting a mean past float64 is an OVERFLOW error naming the row, not Infinity', () => {
    const model = new PoissonRegressor({ alpha: 0 }).fit([[0], [1], [2], [3]], [1, 2, 4, 8]);
    // coef ≈ ln 2: x = 1100 gives z ≈ 762 > ln(Number.MAX_VALUE) ≈ 709.8.
    expect(model.predict([[1000]])[0]).toBeGreaterThan(1e300);
    expectLinfitError(() => model.predict([[0], [1100]]), 'OVERFLOW', 'row 1');
  });

  it('round-trips through JSON and predicts bit for bit', () => {
    const { X, y } = poissonData(60, 4);
    const model = new PoissonRegressor({ alpha: 0.1, solver: 'newton' }).fit(X, y);
    const copy = loadModel(JSON.stringify(model.toJSON())) as PoissonRegressor;
    expect(copy).toBeInstanceOf(PoissonRegressor);
    expect(copy.predict(X)).toEqual(model.predict(X));
    expect(copy.solverUsed).toBe('newton');
  });
});

describe.each(BACKENDS)('HuberRegressor (%s backend)', (backend) => {
  useBackend(backend);

  it('solves the outlier example by hand: w = 1.675, b = −0.675 (least squares: 8.2)', () => {
    // Residuals at the answer: −0.675, 0, 0.675, 1.35 = ε and the outlier clipped to −ε; they
    // sum to 0 and so does Σ clip(r)·x = 1.35 + 4.05 − 5.4.
    const X = [[0], [1], [2], [3], [4]], y = [0, 1, 2, 3, 40];
    const model = new HuberRegressor({ alpha: 0, tol: 1e-12 }).fit(X, y);
    expect(model.coef[0]).toBeCloseTo(1.675, 9);
    expect(model.intercept).toBeCloseTo(-0.675, 9);
    expect(new LinearRegression().fit(X, y).coef[0]).toBeCloseTo(8.2, 12);
  });

  it('matches an IRLS reference on data with outliers, where least squares is pulled away', () => {
    const { X, y } = outlierData(400, 21);
    for (const [epsilon, alpha] of [[1.35, 1e-4], [0.5, 0.1], [3, 0]]) {
      const reference = huberReference(X, y, epsilon, alpha);
      expect(huberGradNorm(X, y, epsilon, alpha, reference)).toBeLessThan(1e-12);
      const model = new HuberRegressor({ epsilon, alpha, tol: 1e-11, maxIter: 500 }).fit(X, y);
      expect(relativeError([...model.coef, model.intercept], reference)).toBeLessThan(1e-8);
    }
    const robust = new HuberRegressor().fit(X, y);
    const ols = new LinearRegression().fit(X, y);
    expect(relativeError(robust.coef, W_TRUE)).toBeLessThan(0.15);
    expect(relativeError(ols.coef, W_TRUE)).toBeGreaterThan(2 * relativeError(robust.coef, W_TRUE));
  });

  it('full-batch gradient descent reaches the L-BFGS answer; SGD partialFit continues a fit', () => {
    const { X, y } = outlierData(200, 2);
    const exact = new HuberRegressor({ alpha: 0.01, tol: 1e-11, maxIter: 500 }).fit(X, y);
    const gd = new HuberRegressor({ alpha: 0.01, solver: 'gd', learningRate: 0.5, maxIter: 5000, tol: null, gradTol: 1e-11 }).fit(X, y);
    expect(relativeError([...gd.coef, gd.intercept], [...exact.coef, exact.intercept])).toBeLessThan(1e-8);
    const sgd = new HuberRegressor({ alpha: 0.01, solver: 'sgd', optimizer: 'adam', learningRate: 0.05, seed: 3 });
    sgd.partialFit(X, y);
    sgd.partialFit(X, y);
    expect(sgd.nIter).toBe(2);
    expect(sgd.history.loss).toHaveLength(2);
    const resumed = loadModel(sgd.toJSON()) as HuberRegressor;
    sgd.partialFit(X, y);
    resumed.partialFit(X, y);
    expect(resumed.coef).toEqual(sgd.coef);
  });

  it('its objective gradient matches central differences away from the kinks', () => {
    const { X, y } = outlierData(40, 9);
    const f = objectiveOf('huber', Matrix.from(X), y, { kind: 'l2', alpha: 0.2, l1Ratio: 0 }, { epsilon: 0.7 });
    const theta = [0.2, -0.1, 0.4, 0.0, 0.3];
    const grad = new Float64Array(5);
    f(theta, grad);
    const h = 1e-7;
    const fd = theta.map((_, j) => (f(theta.map((v, k) => v + (k === j ? h : 0))) - f(theta.map((v, k) => v - (k === j ? h : 0)))) / (2 * h));
    expectClose(grad, fd, 1e-6);
  });

  it('refuses ε ≤ 0 and solver newton (the Huber loss has no Hessian)', () => {
    expectLinfitError(() => new HuberRegressor({ epsilon: 0 }), 'BAD_OPTION', 'epsilon');
    expectLinfitError(() => new HuberRegressor({ solver: 'newton' }), 'BAD_OPTION', 'solver');
  });
});

describe('PoissonRegressor and HuberRegressor: wasm and js agree', () => {
  it('to 1e-9 relative', () => {
    const { X, y } = poissonData(500, 13);
    const o = outlierData(500, 13);
    const fits = (['wasm', 'js'] as const).map((b) => {
      setBackend(b);
      const p = new PoissonRegressor({ alpha: 0.01, tol: 1e-10 }).fit(X, y);
      const h = new HuberRegressor({ tol: 1e-10 }).fit(o.X, o.y);
      return [...p.coef, p.intercept, ...h.coef, h.intercept];
    });
    setBackend('wasm');
    expect(relativeError(fits[0], fits[1])).toBeLessThan(1e-9);
  });
});
