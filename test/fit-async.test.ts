/**
 * fitAsync: the same fit in a worker thread. The model it yields must equal fit's bit for bit
 * (compared through toJSON, which carries every fitted number), the calling thread's event
 * loop must keep ticking during a long fit, progress must arrive, an abort must leave the
 * model as it was, and an idle pool must not keep a Node process alive.
 */
import { spawnSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import {
  ElasticNet, GammaRegressor, HuberRegressor, Lasso, LinearRegression, LogisticRegression, Matrix, MinMaxScaler, Pipeline,
  PoissonRegressor, PolynomialFeatures, Ridge, StandardScaler, schedules, terminate, type FitProgress,
} from '../src/index.js';
import { BACKENDS, useBackend } from './helpers/backends.js';
import { fixture } from './helpers/fixtures.js';
import { randomRows } from './helpers/numeric.js';

const code = (c: string) => expect.objectContaining({ code: c });

afterAll(() => terminate());

const rows = randomRows(300, 4, 11);
const X = Matrix.from(rows);
const yReg = rows.map((r, i) => 2 * r[0] - r[1] + 0.5 * r[3] + Math.sin(i));
const yPos = rows.map((r) => Math.exp(0.3 * r[0] - 0.2 * r[2]) + 0.1);
const yCount = yPos.map((v) => Math.round(v * 2));
const yBin = rows.map((r, i) => (r[0] + r[1] + 0.3 * Math.cos(i) > 0 ? 'yes' : 'no'));
const iris = fixture('iris');

/** Every estimator kind and solver family: closed form, coordinate descent, exact, gradient (with a schedule), transformers, a pipeline. */
const CASES: { name: string; make: () => { fit(...a: never[]): unknown; fitAsync(...a: never[]): Promise<unknown>; toJSON(): object }; X: Matrix | number[][]; y?: unknown[] }[] = [
  { name: 'LinearRegression (normal)', make: () => new LinearRegression(), X, y: yReg },
  { name: 'Ridge (qr)', make: () => new Ridge({ alpha: 0.3, solver: 'qr' }), X, y: yReg },
  { name: 'Lasso (cd)', make: () => new Lasso({ alpha: 0.05 }), X, y: yReg },
  { name: 'ElasticNet (sgd, cosine schedule)', make: () => new ElasticNet({ alpha: 0.01, solver: 'sgd', maxIter: 20, schedule: schedules.cosine({ total: 200 }), seed: 3 }), X, y: yReg },
  { name: 'LogisticRegression (lbfgs, softmax)', make: () => new LogisticRegression(), X: iris.X, y: iris.y as string[] },
  { name: 'LogisticRegression (proximal, l1)', make: () => new LogisticRegression({ penalty: 'l1', alpha: 0.01 }), X, y: yBin },
  { name: 'LogisticRegression (sgd + adam)', make: () => new LogisticRegression({ solver: 'sgd', optimizer: 'adam', maxIter: 15, seed: 9 }), X, y: yBin },
  { name: 'PoissonRegressor (newton)', make: () => new PoissonRegressor({ alpha: 0.1, solver: 'newton' }), X, y: yCount },
  { name: 'HuberRegressor', make: () => new HuberRegressor(), X, y: yReg },
  { name: 'GammaRegressor', make: () => new GammaRegressor({ alpha: 0.1 }), X, y: yPos },
  { name: 'StandardScaler', make: () => new StandardScaler(), X },
  { name: 'MinMaxScaler', make: () => new MinMaxScaler({ featureRange: [-1, 1] }), X },
  { name: 'Pipeline', make: () => new Pipeline([new StandardScaler(), new PolynomialFeatures({ degree: 2 }), new Ridge({ alpha: 0.1 })]), X, y: yReg },
];

describe.each(BACKENDS)('fitAsync (%s backend)', (backend) => {
  useBackend(backend);

  it.each(CASES)('$name: the model equals fit’s, bit for bit', async ({ make, X: data, y }) => {
    const direct = y ? make().fit(data as never, y as never) : make().fit(data as never);
    const inWorker = make();
    const returned = await (y ? inWorker.fitAsync(data as never, y as never) : inWorker.fitAsync(data as never));
    expect(returned).toBe(inWorker);
    expect(JSON.stringify(inWorker.toJSON())).toBe(JSON.stringify((direct as { toJSON(): object }).toJSON()));
  });
});

describe('fitAsync keeps the caller free', () => {
  // 200 000 × 20 logistic gd: several hundred ms of kernel time in the worker.
  const n = 200_000, d = 20;
  const big = new Matrix(n, d, Float64Array.from({ length: n * d }, (_, i) => Math.sin(i * 0.37)));
  const labels = Array.from({ length: n }, (_, i) => (big.get(i, 0) + big.get(i, 1) > 0 ? 1 : 0));

  it('the event loop ticks on time during a long fit, and progress arrives with epochs and losses', async () => {
    const model = new LogisticRegression({ solver: 'gd', learningRate: 0.5, maxIter: 60, tol: null });
    const progress: FitProgress[] = [];
    let lateness = 0, ticks = 0, last = performance.now();
    const timer = setInterval(() => {
      const now = performance.now();
      lateness = Math.max(lateness, now - last - 5);
      last = now;
      ticks++;
    }, 5);
    const started = performance.now();
    await model.fitAsync(big, labels, { onProgress: (p) => progress.push(p) });
    const elapsed = performance.now() - started;
    clearInterval(timer);
    expect(model.nIter).toBe(60);
    expect(ticks).toBeGreaterThan(elapsed / 5 / 4);
    expect(lateness).toBeLessThan(50);
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.every((p) => Number.isInteger(p.epoch) && p.epoch! >= 1 && p.epoch! <= 60 && Number.isFinite(p.loss))).toBe(true);
    expect(progress.map((p) => p.epoch)).toEqual([...progress.map((p) => p.epoch)].sort((a, b) => a! - b!));
  });

  it('exact solvers report iterations and the gradient norm', async () => {
    const progress: FitProgress[] = [];
    // One report per 50 ms at most; a slow objective (Newton on 200 000 rows) gives several.
    await new LogisticRegression({ solver: 'newton', tol: 1e-12, maxIter: 30 }).fitAsync(big, labels, { onProgress: (p) => progress.push(p) });
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.every((p) => Number.isInteger(p.iteration) && Number.isFinite(p.gradNorm) && Number.isFinite(p.loss))).toBe(true);
  });

  it('an abort rejects with ABORTED and leaves a fitted model as it was, an unfitted one unfitted', async () => {
    // Fitted by one partialFit epoch; its fitAsync would run a million epochs.
    const model = new LinearRegression({ solver: 'sgd', maxIter: 1_000_000, tol: null, seed: 1 }).partialFit(X, yReg);
    const before = JSON.stringify(model.toJSON());
    const controller = new AbortController();
    const pending = model.fitAsync(big, big.data.subarray(0, n), { signal: controller.signal });
    setTimeout(() => controller.abort(), 100);
    await expect(pending).rejects.toThrowError(code('ABORTED'));
    expect(JSON.stringify(model.toJSON())).toBe(before);

    const fresh = new Ridge();
    const aborted = new AbortController();
    aborted.abort();
    await expect(fresh.fitAsync(X, yReg, { signal: aborted.signal })).rejects.toThrowError(code('ABORTED'));
    expect(fresh.isFitted).toBe(false);
    // The pool still works after a worker was killed.
    expect((await new Ridge().fitAsync(X, yReg)).isFitted).toBe(true);
  });

  it('bad input and options are the same LinfitErrors as fit gives', async () => {
    await expect(new LinearRegression().fitAsync([[1, 2], [3]], [1, 2])).rejects.toThrowError(code('SHAPE_MISMATCH'));
    await expect(new LinearRegression().fitAsync([[1], [2]], [1, NaN])).rejects.toThrowError(expect.objectContaining({ code: 'NON_FINITE', message: expect.stringContaining('y[1]') }));
    await expect(new PoissonRegressor().fitAsync([[1], [2]], [1, -1])).rejects.toThrowError(code('BAD_INPUT'));
    await expect(new LogisticRegression({ solver: 'sgd', onEpoch: () => {} }).fitAsync(X, yBin)).rejects.toThrowError(code('BAD_OPTION'));
    await expect(new LinearRegression({ solver: 'sgd', schedule: (t) => 0.01 / (t + 1) }).fitAsync(X, yReg)).rejects.toThrowError(code('BAD_OPTION'));
  });

  it('terminate() rejects a running fit with ABORTED', async () => {
    const pending = new LinearRegression({ solver: 'sgd', maxIter: 1_000_000, tol: null }).fitAsync(big, big.data.subarray(0, n));
    setTimeout(() => terminate(), 100);
    await expect(pending).rejects.toThrowError(code('ABORTED'));
  });

  it('an idle pool does not keep a Node process alive', () => {
    const script = `
      import { LinearRegression } from ${JSON.stringify(new URL('../src/index.ts', import.meta.url).href)};
      const model = await new LinearRegression().fitAsync([[1], [2], [3]], [2, 4, 6]);
      console.log(model.coef[0]);`;
    const result = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8', timeout: 30_000 });
    expect(result.status).toBe(0);
    expect(Number(result.stdout.trim())).toBeCloseTo(2, 12);
  });
});
