import { describe, expect, it } from 'vitest';
import { checkGradient, minimize } from '../src/index.js';
import { BACKENDS, useBackend } from './helpers/backends.js';

/** f(x, y) = x² + y², seed 002's bowl. */
const bowl = (x: Float64Array, g: Float64Array) => {
  g[0] = 2 * x[0];
  g[1] = 2 * x[1];
  return x[0] ** 2 + x[1] ** 2;
};

describe.each(BACKENDS)('minimize (%s backend)', (backend) => {
  useBackend(backend);

  it("runs seed 003's example: L(w) = w² + 4w + 4 from 0 with η = 0.4 gives −1.6, −1.92, −1.984, −1.9968", () => {
    const result = minimize((w, g) => {
      g[0] = 2 * w[0] + 4;
      return w[0] ** 2 + 4 * w[0] + 4;
    }, [0], { learningRate: 0.4, maxIter: 4, tol: 0 });
    expect(result.path!.map((p) => p[0])).toEqual([0, -1.6, -1.92, -1.984, -1.9968].map((v, i) => expect.closeTo(v, 14 - i)));
    expect(result.iterations).toBe(4);
    expect(minimize((w, g) => { g[0] = 2 * w[0] + 4; return (w[0] + 2) ** 2; }, [0], { learningRate: 0.4 }).x[0]).toBeCloseTo(-2, 6);
  });

  it("runs seed 003's 2-D version: (−1.6, −1.6), (−1.92, −1.92), … towards (−2, −2)", () => {
    const L = (w: Float64Array, g: Float64Array) => {
      g[0] = 2 * w[0] + 4;
      g[1] = 2 * w[1] + 4;
      return w[0] ** 2 + 4 * w[0] + w[1] ** 2 + 4 * w[1] + 8;
    };
    const path = minimize(L, [0, 0], { learningRate: 0.4, maxIter: 3, tol: 0 }).path!;
    expect(path.slice(1).map((p) => Array.from(p))).toEqual([[-1.6, -1.6], [-1.92, -1.92], [-1.984, -1.984]].map((p) => p.map((v) => expect.closeTo(v, 13))));
  });

  it("follows seed 002's momentum (v ← μv − εg, θ ← θ + v) exactly: the same trajectory as seed 003's form", () => {
    // Seed 002: differentiated rates ε = (2⁻⁷·16, 0.015) from (15, 15), μ = 0.9 (its figure
    // starts from v = (1, 1); both forms start from rest here, where they must coincide).
    const rates = [2 ** -7 * 16, 0.015];
    for (const mu of [0.9, 0.8]) {
      const ours = minimize(bowl, [15, 15], { optimizer: { name: 'momentum', momentum: mu }, learningRate: rates, maxIter: 80, tol: 0 }).path!;
      let theta = [15, 15];
      let v = [0, 0];
      for (let t = 1; t <= 80; t++) {
        v = v.map((vi, i) => mu * vi - rates[i] * 2 * theta[i]);
        theta = theta.map((th, i) => th + v[i]);
        expect(ours[t][0]).toBeCloseTo(theta[0], 11);
        expect(ours[t][1]).toBeCloseTo(theta[1], 11);
      }
    }
    // The seed's observation: μ = 0.8 damps the large early gradients and gets closer, sooner.
    const distance = (mu: number) => Math.hypot(...minimize(bowl, [15, 15], { optimizer: { name: 'momentum', momentum: mu }, learningRate: rates, maxIter: 80, tol: 0 }).x);
    expect(distance(0.8)).toBeLessThan(distance(0.9));
  });

  it("runs RMSProp from seed 002's start (15, 7.5) with ρ = 0.9 and matches the update s ← ρs + (1 − ρ)g², θ ← θ − εg/(√s + δ)", () => {
    // Seed 002's listing divides the rate by (δ + √s) cumulatively, a slip that makes its rate
    // vanish; its formula (and seed 003's) is the standard update checked here.
    const eps = 0.5;
    const ours = minimize(bowl, [15, 7.5], { optimizer: { name: 'rmsprop', rho: 0.9, epsilon: 1e-6 }, learningRate: eps, maxIter: 30, tol: 0 }).path!;
    let theta = [15, 7.5];
    const s = [0, 0];
    for (let t = 1; t <= 30; t++) {
      const g = theta.map((th) => 2 * th);
      g.forEach((gi, i) => { s[i] = 0.9 * s[i] + 0.1 * gi * gi; });
      theta = theta.map((th, i) => th - (eps * g[i]) / (Math.sqrt(s[i]) + 1e-6));
      expect(ours[t][0]).toBeCloseTo(theta[0], 12);
      expect(ours[t][1]).toBeCloseTo(theta[1], 12);
    }
    // Adaptive per-coordinate rates: both coordinates move the same distance at first.
    expect(15 - ours[1][0]).toBeCloseTo(7.5 - ours[1][1], 5);
  });

  it('stops at the gradient tolerance and reports convergence; a diverging rate is an error', () => {
    const r = minimize(bowl, [3, -4], { learningRate: 0.25, tol: 1e-9 });
    expect(r.converged).toBe(true);
    expect(Math.max(...r.x.map(Math.abs))).toBeLessThan(1e-9);
    expect(() => minimize(bowl, [3, -4], { learningRate: 5, maxIter: 5000 })).toThrowError(expect.objectContaining({ code: 'DIVERGED' }));
    expect(() => minimize(bowl, [1, 1], { optimizer: 'adam', learningRate: [0.1, 0.2] })).toThrowError(expect.objectContaining({ code: 'BAD_OPTION' }));
  });
});

describe.each(BACKENDS)('minimize with the exact methods (%s backend)', (backend) => {
  useBackend(backend);
  const rosenbrock = (x: Float64Array, g: Float64Array) => {
    const [a, b] = x;
    g[0] = -2 * (1 - a) - 400 * a * (b - a * a);
    g[1] = 200 * (b - a * a);
    return (1 - a) ** 2 + 100 * (b - a * a) ** 2;
  };
  const hess = (x: Float64Array) => [[2 - 400 * (x[1] - 3 * x[0] ** 2), -400 * x[0]], [-400 * x[0], 200]];

  it("L-BFGS and Newton solve Rosenbrock from (−1.2, 1) to the gradient tolerance", () => {
    const lbfgs = minimize(rosenbrock, [-1.2, 1], { method: 'lbfgs', tol: 1e-10 });
    const newton = minimize(rosenbrock, [-1.2, 1], { method: 'newton', hess, tol: 1e-10 });
    for (const r of [lbfgs, newton]) {
      expect(r.converged).toBe(true);
      expect(r.x[0]).toBeCloseTo(1, 8);
      expect(r.x[1]).toBeCloseTo(1, 8);
      expect(r.path!.length).toBe(r.iterations + 1);
    }
    expect(newton.iterations).toBeLessThan(lbfgs.iterations);
  });

  it('Newton takes one step on a quadratic, with hess or hessVec', () => {
    // f = ½xᵀAx − bᵀx with A = [[3, 1], [1, 2]], b = [1, 1]: minimum at A⁻¹b = [0.2, 0.4].
    const f = (x: Float64Array, g: Float64Array) => {
      g[0] = 3 * x[0] + x[1] - 1;
      g[1] = x[0] + 2 * x[1] - 1;
      return 0.5 * (3 * x[0] ** 2 + 2 * x[0] * x[1] + 2 * x[1] ** 2) - x[0] - x[1];
    };
    const byMatrix = minimize(f, [5, -3], { method: 'newton', hess: () => [[3, 1], [1, 2]], tol: 1e-12 });
    const byProduct = minimize(f, [5, -3], { method: 'newton', hessVec: (_x, v) => [3 * v[0] + v[1], v[0] + 2 * v[1]], tol: 1e-12 });
    for (const r of [byMatrix, byProduct]) {
      expect(r.iterations).toBe(1);
      expect(r.x[0]).toBeCloseTo(0.2, 12);
      expect(r.x[1]).toBeCloseTo(0.4, 12);
    }
    expect(() => minimize(f, [0, 0], { method: 'newton' })).toThrowError(expect.objectContaining({ code: 'BAD_OPTION' }));
    expect(() => minimize(f, [0, 0], { method: 'lbfgs', learningRate: 0.1 })).toThrowError(expect.objectContaining({ code: 'BAD_OPTION' }));
  });
});

describe('checkGradient', () => {
  it('finds a correct gradient correct and a wrong one wrong (seed 003 numerical method)', () => {
    const good = checkGradient((x, g) => {
      g[0] = Math.cos(x[0]) * x[1];
      g[1] = Math.sin(x[0]) + 3 * x[1] ** 2;
      return Math.sin(x[0]) * x[1] + x[1] ** 3;
    }, [0.3, -1.2]);
    expect(good.maxRelError).toBeLessThan(1e-8);
    const bad = checkGradient((x, g) => {
      g[0] = 2 * x[0] + 0.01;
      return x[0] ** 2;
    }, [1]);
    expect(bad.maxAbsError).toBeCloseTo(0.01, 6);
    expect(bad.maxRelError).toBeGreaterThan(1e-3);
  });
});
