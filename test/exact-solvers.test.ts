import { describe, expect, it } from 'vitest';
import { LogisticRegression, Matrix, StandardScaler } from '../src/index.js';
import { Random } from '../src/random.js';
import { BACKENDS, onBackend, useBackend } from './helpers/backends.js';
import { fixture } from './helpers/fixtures.js';
import { randomRows, relativeError } from './helpers/numeric.js';
import { objectiveOf } from './helpers/problem.js';

function standardised(name: 'breast_cancer' | 'wine' | 'iris') {
  const data = fixture(name);
  return { X: new StandardScaler().fitTransform(data.X), y: Array.from(data.y as ArrayLike<number | string>) };
}

/** A seeded synthetic problem with `classes` classes and overlapping clouds (a finite optimum). */
function synthetic(n: number, d: number, classes: number, seed: number) {
  const X = new Matrix(n, d, Float64Array.from(randomRows(n, d, seed).flat()));
  const random = new Random(seed + 100);
  const centres = Array.from({ length: classes }, () => Array.from({ length: d }, () => random.normal()));
  const y = Array.from({ length: n }, (_, i) => {
    const scores = centres.map((c) => c.reduce((s, cj, j) => s + cj * X.get(i, j), 0) + 1.5 * random.normal());
    return scores.indexOf(Math.max(...scores));
  });
  return { X, y };
}

const params = (m: LogisticRegression) => Float64Array.from([...m.coef.data, ...m.intercept]);

describe.each(BACKENDS)('L-BFGS and Newton reach the exact optimum (%s backend)', (backend) => {
  useBackend(backend);

  const cases = [
    ['breast cancer (binary, 30 features)', () => standardised('breast_cancer'), 1e-3],
    ['wine (3 classes, 13 features)', () => standardised('wine'), 1e-2],
    ['synthetic (4 classes, 8 features)', () => synthetic(400, 8, 4, 3), 1e-3],
    ['synthetic (binary, 12 features)', () => synthetic(300, 12, 2, 5), 1e-4],
  ] as const;

  it.each(cases)('%s: both solvers agree to 1e-6 and the gradient is ≤ 1e-8 at tol 1e-10', (_name, load, alpha) => {
    const { X, y } = load();
    const lbfgs = new LogisticRegression({ solver: 'lbfgs', alpha, tol: 1e-10, maxIter: 1000 }).fit(X, y);
    const newton = new LogisticRegression({ solver: 'newton', alpha, tol: 1e-10, maxIter: 100 }).fit(X, y);
    expect(lbfgs.converged).toBe(true);
    expect(newton.converged).toBe(true);
    expect(relativeError(params(lbfgs), params(newton))).toBeLessThan(1e-6);

    // The gradient of the API's objective, recomputed independently of the solvers' bookkeeping.
    const classes = lbfgs.classes;
    const K = classes.length;
    const target = y.map((label) => classes.indexOf(label));
    const f = objectiveOf(K === 2 ? 'logistic' : 'softmax', X, target, { kind: 'l2', alpha, l1Ratio: 0 }, { classes: K });
    for (const model of [lbfgs, newton]) {
      const grad = new Float64Array(params(model).length);
      f(params(model), grad);
      expect(Math.max(...grad.map(Math.abs))).toBeLessThanOrEqual(1e-8);
    }
  });

  it("Newton's history shows quadratic convergence; L-BFGS stops at the default tol 1e-4 in few iterations", () => {
    const { X, y } = standardised('breast_cancer');
    const newton = new LogisticRegression({ solver: 'newton', alpha: 1e-3, tol: 1e-12 }).fit(X, y);
    const g = newton.history.gradNorm!;
    expect(newton.nIter).toBeLessThan(20);
    expect(g[g.length - 1]).toBeLessThanOrEqual(1e-12);
    // Once close (and above the rounding floor), each step squares the error: ‖g_{k+1}‖ ≤ C‖g_k‖² (C = 1000).
    const close = g.map((v, k) => [g[k - 1], v]).filter(([before, after], k) => k > 0 && before < 1e-4 && after > 1e-13);
    expect(close.length).toBeGreaterThan(0);
    for (const [before, after] of close) expect(after).toBeLessThan(1e3 * before ** 2);
    const lbfgs = new LogisticRegression({ alpha: 1e-3 }).fit(X, y);
    expect(lbfgs.solver).toBe('lbfgs');
    expect(lbfgs.converged).toBe(true);
    expect(lbfgs.history.gradNorm!.at(-1)).toBeLessThanOrEqual(1e-4);
    expect(lbfgs.score(X, y)).toBeGreaterThan(0.98);
  });

  it("penalty 'none' on separable data stops, finite, and says why", () => {
    const X = [[0, 0], [1, 0], [0, 1], [3, 3], [4, 3], [3, 4]];
    const y = [0, 0, 0, 1, 1, 1];
    for (const solver of ['lbfgs', 'newton'] as const) {
      const model = new LogisticRegression({ solver, penalty: 'none', maxIter: 200 }).fit(X, y);
      expect(model.converged).toBe(false);
      expect(model.warning).toMatch(/separable/);
      expect(Array.from(model.coef.data).every(Number.isFinite)).toBe(true);
      expect(model.predict(X)).toEqual(y);
    }
  });

  it('without an intercept the intercept stays 0 and the weights still solve the problem', () => {
    const { X, y } = synthetic(200, 5, 2, 9);
    const a = new LogisticRegression({ solver: 'lbfgs', fitIntercept: false, tol: 1e-10, maxIter: 500 }).fit(X, y);
    const b = new LogisticRegression({ solver: 'newton', fitIntercept: false, tol: 1e-10 }).fit(X, y);
    expect(a.intercept[0]).toBe(0);
    expect(relativeError(a.coef.data, b.coef.data)).toBeLessThan(1e-6);
  });
});

describe('exact solvers: backends agree', () => {
  it('wasm and js give the same L-BFGS and Newton answers to 1e-9', () => {
    const { X, y } = standardised('wine');
    for (const solver of ['lbfgs', 'newton'] as const) {
      const fit = () => new LogisticRegression({ solver, alpha: 1e-2, tol: 1e-10, maxIter: 500 }).fit(X, y);
      const wasm = onBackend('wasm', fit), js = onBackend('js', fit);
      expect(relativeError(params(wasm), params(js))).toBeLessThan(1e-9);
    }
  });

  it('exact-solver options are checked', () => {
    const bad = expect.objectContaining({ code: 'BAD_OPTION' });
    expect(() => new LogisticRegression({ solver: 'lbfgs', learningRate: 0.1 })).toThrowError(bad);
    expect(() => new LogisticRegression({ solver: 'newton', penalty: 'l1' })).toThrowError(bad);
    expect(() => new LogisticRegression({ solver: 'lbfgs' }).fit([[0], [1]], [0, 1]).partialFit([[0]], [0])).toThrowError(bad);
  });
});

describe('sample and class weights', () => {
  const { X, y } = synthetic(120, 4, 3, 21);
  const ys = y.map((v) => ['a', 'b', 'c'][v % 3]);

  it.each(['lbfgs', 'newton', 'gd'] as const)('%s: integer sample weights equal repeated rows', (solver) => {
    const weights = y.map((_, i) => 1 + (i % 3));
    const rows: number[][] = [], labels: string[] = [];
    weights.forEach((w, i) => { for (let r = 0; r < w; r++) { rows.push(Array.from(X.row(i))); labels.push(ys[i]); } });
    const opts = solver === 'gd' ? { solver, learningRate: 1, maxIter: 100_000, tol: null, gradTol: 1e-10 } : { solver, tol: 1e-10, maxIter: 1000 };
    const a = new LogisticRegression(opts).fit(X, ys, { sampleWeight: weights });
    const b = new LogisticRegression(opts).fit(rows, labels);
    expect(relativeError(params(a), params(b))).toBeLessThan(1e-7);
  });

  it("classWeight 'balanced' is n / (K·count_k) as sample weights, and a record multiplies per label", () => {
    const labels = ys.map((l, i) => (i % 5 === 0 ? 'c' : l)); // unbalanced
    const counts = { a: 0, b: 0, c: 0 } as Record<string, number>;
    labels.forEach((l) => counts[l]++);
    const balanced = labels.map((l) => labels.length / (3 * counts[l]));
    const a = new LogisticRegression({ classWeight: 'balanced', tol: 1e-10 }).fit(X, labels);
    const b = new LogisticRegression({ tol: 1e-10 }).fit(X, labels, { sampleWeight: balanced });
    expect(relativeError(params(a), params(b))).toBeLessThan(1e-8);
    const c = new LogisticRegression({ classWeight: { a: 2, c: 0.5 }, tol: 1e-10 }).fit(X, labels, { sampleWeight: labels.map(() => 3) });
    const d = new LogisticRegression({ tol: 1e-10 }).fit(X, labels, { sampleWeight: labels.map((l) => 3 * ({ a: 2, b: 1, c: 0.5 } as Record<string, number>)[l]) });
    expect(relativeError(params(c), params(d))).toBeLessThan(1e-8);
    expect(() => new LogisticRegression({ classWeight: { z: 1 } }).fit(X, labels)).toThrowError(expect.objectContaining({ code: 'BAD_LABELS' }));
    expect(() => new LogisticRegression({ classWeight: 'even' as never })).toThrowError(expect.objectContaining({ code: 'BAD_OPTION' }));
  });
});

describe.each(BACKENDS)('L1 / elastic-net logistic regression, proximal solver (%s backend)', (backend) => {
  useBackend(backend);

  it.each([
    ['breast cancer, l1', 'breast_cancer', 'l1', 0.01, 1],
    ['wine, elastic net', 'wine', 'elasticnet', 0.02, 0.5],
  ] as const)('%s: exact zeros and the KKT conditions to 1e-7', (_name, data, penalty, alpha, l1Ratio) => {
    const { X, y } = standardised(data);
    const model = new LogisticRegression({ penalty, alpha, l1Ratio, tol: 1e-9, maxIter: 100_000 });
    expect(model.solver).toBe('proximal');
    model.fit(X, y);
    expect(model.converged).toBe(true);
    const w = params(model);
    const K = model.classes.length;
    const weightCount = model.coef.data.length;
    expect(model.coef.data.some((v) => v === 0)).toBe(true);
    const target = y.map((label) => model.classes.indexOf(label));
    const smooth = { kind: 'l2' as const, alpha: alpha * (1 - l1Ratio), l1Ratio: 0 };
    const grad = new Float64Array(w.length);
    objectiveOf(K === 2 ? 'logistic' : 'softmax', X, target, smooth, { classes: K })(w, grad);
    const l1 = alpha * l1Ratio;
    for (let j = 0; j < w.length; j++) {
      if (j >= weightCount) expect(Math.abs(grad[j])).toBeLessThan(1e-7);
      else if (w[j] === 0) expect(Math.abs(grad[j])).toBeLessThanOrEqual(l1 + 1e-7);
      else expect(Math.abs(grad[j] + l1 * Math.sign(w[j]))).toBeLessThan(1e-7);
    }
  });
});
