import { describe, expect, it } from 'vitest';
import { GammaRegressor, Matrix, checkGradient, loadModel } from '../src/index.js';
import { Random } from '../src/random.js';
import { BACKENDS, useBackend } from './helpers/backends.js';
import { objectiveOf } from './helpers/problem.js';

const code = (c: string) => expect.objectContaining({ code: c });

/** Gamma-distributed targets (shape 4) around the mean e^{0.4x₁ − 0.3x₂ + 0.5}, by the sum of 4 exponentials. */
function gammaData(n: number, seed: number) {
  const random = new Random(seed);
  const X = Array.from({ length: n }, () => [random.normal(), random.normal()]);
  const y = X.map(([a, b]) => {
    const mean = Math.exp(0.4 * a - 0.3 * b + 0.5);
    let sum = 0;
    for (let k = 0; k < 4; k++) sum -= Math.log(1 - random.next());
    return (mean * sum) / 4;
  });
  return { X, y };
}

describe.each(BACKENDS)('GammaRegressor (%s backend)', (backend) => {
  useBackend(backend);

  it('recovers a log-linear mean exactly: y = 2·e^{0.5x} gives w = 0.5, b = ln 2', () => {
    const X = [[0], [1], [2], [3], [4]];
    const y = X.map(([x]) => 2 * Math.exp(0.5 * x));
    const model = new GammaRegressor({ alpha: 0, tol: 1e-10 }).fit(X, y);
    expect(model.coef[0]).toBeCloseTo(0.5, 8);
    expect(model.intercept).toBeCloseTo(Math.log(2), 8);
    expect(model.score(X, y)).toBeCloseTo(1, 10);
    expect(loadModel(JSON.stringify(model.toJSON())).predict(X)).toEqual(model.predict(X));
  });

  it("the objective's gradient matches finite differences, and is 0 at L-BFGS's answer, which gd reaches too", () => {
    const { X, y } = gammaData(300, 5);
    const f = objectiveOf('gamma', Matrix.from(X), y, { kind: 'l2', alpha: 0.3, l1Ratio: 0 });
    expect(checkGradient((p, g) => f(p, g), [0.2, -0.1, 0.4]).maxRelError).toBeLessThan(1e-6);
    const exact = new GammaRegressor({ alpha: 0.3, tol: 1e-10 }).fit(X, y);
    const grad = new Float64Array(3);
    f([...exact.coef, exact.intercept], grad);
    expect(Math.max(...grad.map(Math.abs))).toBeLessThan(1e-9);
    const gd = new GammaRegressor({ alpha: 0.3, solver: 'gd', learningRate: 0.5, maxIter: 20_000, tol: null, gradTol: 1e-10 }).fit(X, y);
    expect(gd.converged).toBe(true);
    expect(Math.max(...gd.coef.map((w, j) => Math.abs(w - exact.coef[j])))).toBeLessThan(1e-8);
  });

  it('refuses targets ≤ 0', () => {
    expect(() => new GammaRegressor().fit([[0], [1]], [1, 0])).toThrowError(code('BAD_INPUT'));
  });
});
