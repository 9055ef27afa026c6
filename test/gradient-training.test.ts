import { describe, expect, it } from 'vitest';
import {
  ElasticNet, Lasso, LinearRegression, LogisticRegression, Matrix, Ridge, StandardScaler,
  checkGradient, loadModel, schedules,
} from '../src/index.js';
import type { Penalty } from '../src/objective/index.js';
import { Random } from '../src/random.js';
import { BACKENDS, onBackend, useBackend } from './helpers/backends.js';
import { fixture } from './helpers/fixtures.js';
import { expectClose, randomRows, relativeError } from './helpers/numeric.js';
import { objectiveOf } from './helpers/problem.js';

const code = (c: string) => expect.objectContaining({ code: c });

function regression(n: number, d: number, seed: number) {
  const X = new Matrix(n, d, Float64Array.from(randomRows(n, d, seed).flat()));
  const random = new Random(seed + 1);
  const y = Array.from({ length: n }, (_, i) => 2 + X.data.slice(i * d, (i + 1) * d).reduce((s, v, j) => s + v * (j % 3 - 1) * (j + 1), 0) + 0.3 * random.normal());
  return { X, y };
}

describe.each(BACKENDS)('gradients of every loss + penalty vs central differences (%s backend)', (backend) => {
  useBackend(backend);
  const X = new Matrix(30, 4, Float64Array.from(randomRows(30, 4, 5).flat()));
  const random = new Random(9);
  const params = (size: number) => Array.from({ length: size }, () => random.normal());
  const penalties: Penalty[] = [
    { kind: 'none', alpha: 0, l1Ratio: 0 },
    { kind: 'l2', alpha: 0.3, l1Ratio: 0 },
    { kind: 'l1', alpha: 0.2, l1Ratio: 0 },
    { kind: 'elasticnet', alpha: 0.4, l1Ratio: 0.3 },
  ];
  const targets = {
    squared: Array.from({ length: 30 }, () => random.normal() * 3),
    logistic: Array.from({ length: 30 }, (_, i) => i % 2),
    softmax: Array.from({ length: 30 }, (_, i) => i % 3),
  };

  for (const lossName of ['squared', 'logistic', 'softmax'] as const) {
    it.each(penalties.map((p) => [p.kind, p] as const))(`${lossName} + %s`, (_kind, penalty) => {
      const classes = lossName === 'softmax' ? 3 : 2;
      const size = (lossName === 'softmax' ? 3 : 1) * 5;
      const sampleWeight = Array.from({ length: 30 }, (_, i) => 0.5 + (i % 4));
      const f = objectiveOf(lossName, X, targets[lossName], penalty, { classes, sampleWeight });
      const check = checkGradient((p, g) => f(p, g), params(size), { h: 1e-6 });
      expect(check.maxRelError).toBeLessThan(1e-6);
    });
  }
});

describe.each(BACKENDS)('gradient descent reaches the exact optimum (%s backend)', (backend) => {
  useBackend(backend);
  const { X, y } = regression(200, 5, 3);

  it("least squares by full-batch GD equals the normal equation (seed 004's W ← W − η/n·(XᵀXW − XᵀY))", () => {
    const exact = new LinearRegression({ solver: 'normal' }).fit(X, y);
    const gd = new LinearRegression({ solver: 'gd', learningRate: 0.5, maxIter: 20_000, tol: null, gradTol: 1e-12 }).fit(X, y);
    expect(gd.converged).toBe(true);
    expect(relativeError(gd.coef, exact.coef)).toBeLessThan(1e-10);
    expect(gd.intercept).toBeCloseTo(exact.intercept, 10);
    expect(gd.history!.loss.length).toBe(gd.nIter);
  });

  it('ridge by GD equals the ridge closed form; lasso by proximal GD gives exact zeros and satisfies the KKT conditions', () => {
    const exact = new Ridge({ alpha: 0.7 }).fit(X, y);
    const gd = new Ridge({ alpha: 0.7, solver: 'gd', learningRate: 0.5, maxIter: 20_000, tol: null, gradTol: 1e-12 }).fit(X, y);
    expect(relativeError(gd.coef, exact.coef)).toBeLessThan(1e-10);

    const alpha = 0.8;
    const lasso = new Lasso({ alpha, solver: 'gd', learningRate: 0.5, maxIter: 50_000, tol: null, gradTol: 1e-11 }).fit(X, y);
    expect(lasso.converged).toBe(true);
    const w = lasso.coef;
    expect(w.some((v) => v === 0)).toBe(true);
    // KKT of mean ½r² + α‖w‖₁: |∂_j| ≤ α where w_j = 0, ∂_j = −α·sign(w_j) elsewhere.
    const grad = new Float64Array(6);
    objectiveOf('squared', X, y, { kind: 'none', alpha: 0, l1Ratio: 0 })([...w, lasso.intercept], grad);
    w.forEach((wj, j) => {
      if (wj === 0) expect(Math.abs(grad[j])).toBeLessThanOrEqual(alpha + 1e-9);
      else expect(grad[j]).toBeCloseTo(-alpha * Math.sign(wj), 8);
    });
    expect(grad[5]).toBeCloseTo(0, 9);
  });

  it('mini-batch SGD with a decaying schedule gets close to the exact least-squares answer', () => {
    const exact = new LinearRegression().fit(X, y);
    const sgd = new LinearRegression({ solver: 'sgd', batchSize: 16, optimizer: 'sgd', learningRate: 0.05, schedule: schedules.invScaling({ power: 0.5 }), maxIter: 300, tol: null, seed: 1 }).fit(X, y);
    expect(relativeError(sgd.coef, exact.coef)).toBeLessThan(2e-2);
  });

  it('elastic net by GD has the objective stationary up to its L1 subgradient', () => {
    const enet = new ElasticNet({ alpha: 0.3, l1Ratio: 0.5, solver: 'gd', learningRate: 0.5, maxIter: 50_000, tol: null, gradTol: 1e-11 }).fit(X, y);
    expect(enet.converged).toBe(true);
    const f = objectiveOf('squared', X, y, { kind: 'l2', alpha: 0.15, l1Ratio: 0 });
    const grad = new Float64Array(6);
    f([...enet.coef, enet.intercept], grad);
    enet.coef.forEach((wj, j) => {
      if (wj === 0) expect(Math.abs(grad[j])).toBeLessThanOrEqual(0.15 + 1e-9);
      else expect(grad[j]).toBeCloseTo(-0.15 * Math.sign(wj), 8);
    });
  });
});

describe('training loop behaviour', () => {
  const { X, y } = regression(300, 6, 8);

  it('same seed → bit-identical model; another seed → a different one', () => {
    const fit = (seed: number) => new LinearRegression({ solver: 'sgd', optimizer: 'adam', learningRate: 0.01, batchSize: 8, maxIter: 5, seed }).fit(X, y).coef;
    expect(fit(42)).toEqual(fit(42));
    expect(fit(42)).not.toEqual(fit(43));
  });

  it('wasm and js backends agree to 1e-9 relative after shuffled mini-batch training', () => {
    const options = { solver: 'sgd' as const, optimizer: 'adam' as const, learningRate: 0.02, batchSize: 10, maxIter: 30, seed: 3 };
    const wasm = onBackend('wasm', () => new LinearRegression(options).fit(X, y));
    const js = onBackend('js', () => new LinearRegression(options).fit(X, y));
    expect(relativeError(wasm.coef, js.coef)).toBeLessThan(1e-9);
    const iris = fixture('iris');
    const clf = { solver: 'sgd' as const, optimizer: 'rmsprop' as const, learningRate: 0.01, batchSize: 7, maxIter: 20, seed: 5 };
    const a = onBackend('wasm', () => new LogisticRegression(clf).fit(iris.X, iris.y as string[]));
    const b = onBackend('js', () => new LogisticRegression(clf).fit(iris.X, iris.y as string[]));
    expect(relativeError(a.coef.data, b.coef.data)).toBeLessThan(1e-9);
  });

  it('partialFit resumed from JSON in "another process" equals uninterrupted training, bit for bit', () => {
    const options = { solver: 'sgd' as const, optimizer: 'adam' as const, learningRate: 0.01, batchSize: 16, seed: 11, schedule: schedules.exponential({ gamma: 0.999 }) };
    const straight = new LinearRegression(options);
    for (let e = 0; e < 6; e++) straight.partialFit(X, y);
    let resumed = new LinearRegression(options);
    for (let e = 0; e < 3; e++) resumed.partialFit(X, y);
    resumed = loadModel(JSON.parse(JSON.stringify(resumed.toJSON())));
    for (let e = 0; e < 3; e++) resumed.partialFit(X, y);
    expect(resumed.coef).toEqual(straight.coef);
    expect(resumed.intercept).toBe(straight.intercept);
    expect(resumed.history!.loss).toEqual(straight.history!.loss);
  });

  it('stops on tol / nIterNoChange, records history, and early-stops on held-out loss', () => {
    const model = new LinearRegression({ solver: 'gd', learningRate: 0.3, maxIter: 5000, tol: 1e-10, nIterNoChange: 3 }).fit(X, y);
    expect(model.converged).toBe(true);
    expect(model.nIter).toBeLessThan(5000);
    expect(model.history!.learningRate.every((r) => r === 0.3)).toBe(true);
    const losses = model.history!.loss;
    expect(losses[losses.length - 1]).toBeLessThan(losses[0]);

    const early = new LinearRegression({ solver: 'sgd', batchSize: 16, learningRate: 0.01, earlyStopping: true, validationFraction: 0.2, maxIter: 2000, tol: 1e-6, nIterNoChange: 4, seed: 2 }).fit(X, y);
    expect(early.converged).toBe(true);
    expect(early.history!.valLoss!.length).toBe(early.nIter);
    expect(early.nIter).toBeLessThan(2000);
  });

  it('onEpoch can stop training; so can an AbortSignal; both leave a warning', () => {
    const seen: number[] = [];
    const model = new LinearRegression({ solver: 'gd', learningRate: 0.1, tol: null, maxIter: 100, onEpoch: (info) => { seen.push(info.epoch); return info.epoch < 4; } }).fit(X, y);
    expect(seen).toEqual([1, 2, 3, 4]);
    expect(model.nIter).toBe(4);
    expect(model.converged).toBe(false);
    expect(model.warning).toMatch(/onEpoch/);
    const controller = new AbortController();
    const aborted = new LinearRegression({ solver: 'gd', learningRate: 0.1, tol: null, maxIter: 100, signal: controller.signal, onEpoch: (i) => { if (i.epoch === 2) controller.abort(); } }).fit(X, y);
    expect(aborted.nIter).toBe(2);
    expect(aborted.warning).toMatch(/abort/);
  });

  it('a diverging learning rate is DIVERGED naming the epoch and rate, and the fitted model survives', () => {
    const model = new LinearRegression({ solver: 'gd', learningRate: 0.1, maxIter: 50 }).fit(X, y);
    const before = model.coef;
    const wild = new LinearRegression({ solver: 'gd', learningRate: 50, maxIter: 1000 });
    expect(() => wild.fit(X, y)).toThrowError(expect.objectContaining({ code: 'DIVERGED', message: expect.stringMatching(/epoch \d+.*learning rate 50/) }));
    expect(() => wild.coef).toThrowError(code('NOT_FITTED'));
    const refit = new LinearRegression({ solver: 'gd', learningRate: 0.1, maxIter: 50 }).fit(X, y);
    expect(refit.coef).toEqual(before);
  });

  it('rejects bad training options with BAD_OPTION naming the option', () => {
    expect(() => new LinearRegression({ solver: 'sgd', batchSize: 0 })).toThrowError(expect.objectContaining({ code: 'BAD_OPTION', message: expect.stringContaining('batchSize') }));
    expect(() => new LinearRegression({ solver: 'sgd', batchSize: 1000 }).fit(X, y)).toThrowError(expect.objectContaining({ code: 'BAD_OPTION', message: expect.stringContaining('batchSize') }));
    expect(() => new LinearRegression({ solver: 'sgd', optimizer: 'adabelief' as never })).toThrowError(expect.objectContaining({ code: 'BAD_OPTION', message: expect.stringContaining("'adamw'") }));
    expect(() => new LinearRegression({ solver: 'gd', learningRate: -1 })).toThrowError(code('BAD_OPTION'));
    expect(() => new LinearRegression({ learningRate: 0.1 })).toThrowError(expect.objectContaining({ code: 'BAD_OPTION', message: expect.stringContaining('gradient solvers') }));
    expect(() => new Lasso({ solver: 'normal' })).toThrowError(code('BAD_OPTION'));
    expect(() => new Lasso({ positive: true, solver: 'gd' })).toThrowError(code('BAD_OPTION'));
    expect(() => new LinearRegression({ solver: 'sgd', learningRate: 0.01, schedule: () => NaN }).fit(X, y)).toThrowError(code('BAD_OPTION'));
  });

  it('sample weights: integer weights equal repeated rows', () => {
    const Xs = [[0], [1], [2], [3]], ys = [1, 3, 2, 5];
    const opts = { solver: 'gd' as const, learningRate: 0.2, maxIter: 20_000, tol: null, gradTol: 1e-12 };
    const weighted = new LinearRegression(opts).fit(Xs, ys, { sampleWeight: [1, 2, 1, 3] });
    const repeated = new LinearRegression(opts).fit([[0], [1], [1], [2], [3], [3], [3]], [1, 3, 3, 2, 5, 5, 5]);
    expect(weighted.coef[0]).toBeCloseTo(repeated.coef[0], 10);
    expect(weighted.intercept).toBeCloseTo(repeated.intercept, 10);
    expect(() => new LinearRegression(opts).fit(Xs, ys, { sampleWeight: [1, -1, 1, 1] })).toThrowError(code('BAD_INPUT'));
  });
});
