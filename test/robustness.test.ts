/**
 * State safety and error paths across the library: a failed fit changes nothing, malformed
 * input is a LinfitError naming what and where, and saved models come back whole.
 */
import { describe, expect, it } from 'vitest';
import {
  ElasticNet, Lasso, LinearRegression, LogisticRegression, Matrix, MinMaxScaler, Pipeline, Ridge,
  StandardScaler, loadModel, minimize, schedules, setBackend,
} from '../src/index.js';
import { expectClose, randomRows } from './helpers/numeric.js';

const code = (c: string) => expect.objectContaining({ code: c });
const X = randomRows(40, 3, 2);
const y = X.map((r) => 1 + r[0] - 2 * r[2]);

describe('a failed fit leaves the previous state intact', () => {
  it('scalers', () => {
    const s = new StandardScaler().fit([[1], [2]]);
    expect(() => s.fit([[NaN]])).toThrowError(code('NON_FINITE'));
    expect(Array.from(s.mean)).toEqual([1.5]);
    const m = new MinMaxScaler().fit([[1], [3]]);
    expect(() => m.partialFit([[1, 2]])).toThrowError(code('SHAPE_MISMATCH'));
    expect(Array.from(m.dataMax)).toEqual([3]);
  });

  it('pipelines restore every step, and pass sampleWeight to the model', () => {
    const pipe = new Pipeline([new StandardScaler(), new LinearRegression({ solver: 'normal' })]).fit(X, y);
    const before = pipe.predict(X);
    const collinear = X.map((r) => [r[0], r[0], r[1]]);
    // The scaler refits on the new data, then the model fails: the scaler must be rolled back.
    expect(() => pipe.fit(collinear.map((r) => [r[0] * 10 + 5, r[1] * 10 + 5, r[2]]), y)).toThrowError(code('SINGULAR'));
    expect(pipe.predict(X)).toEqual(before);
    const weights = X.map((_, i) => 1 + (i % 2));
    const weighted = new Pipeline([new StandardScaler(), new Ridge({ alpha: 0.1 })]).fit(X, y, { sampleWeight: weights });
    const direct = new Ridge({ alpha: 0.1 }).fit(new StandardScaler().fitTransform(X), y, { sampleWeight: weights });
    expectClose(weighted.model.coef, direct.coef, 1e-12);
  });
});

describe('saved models come back whole', () => {
  it('coordinate descent keeps its diagnostics; unknown types are BAD_MODEL', () => {
    const lasso = new Lasso({ alpha: 0.05, maxIter: 2 }).fit(X, y);
    const copy = loadModel(JSON.stringify(lasso.toJSON())) as Lasso;
    expect(copy).toBeInstanceOf(Lasso);
    expect([copy.converged, copy.nIter, copy.warning, copy.dualGap]).toEqual([lasso.converged, lasso.nIter, lasso.warning, lasso.dualGap]);
    for (const type of ['constructor', 'toString', '__proto__']) {
      expect(() => loadModel({ format: 'linfit', version: 1, type })).toThrowError(code('BAD_MODEL'));
    }
    const clf = new LogisticRegression().fit([[0], [1], [2], [3]], ['a', 'a', 'b', 'b']).toJSON();
    expect(() => loadModel({ ...clf, classes: ['a'] })).toThrowError(code('BAD_MODEL'));
    expect(() => loadModel({ ...clf, classes: ['b', 'a'] })).toThrowError(code('BAD_MODEL'));
  });

  it('a warm-up around a custom schedule refuses to save instead of saving what cannot load', () => {
    const model = new LinearRegression({ solver: 'sgd', schedule: schedules.warmup((t) => 0.01 / (t + 1), { steps: 2 }), maxIter: 2 }).fit(X, y);
    expect(() => model.toJSON()).toThrowError(code('BAD_OPTION'));
  });
});

describe('solvers on the edges', () => {
  it("'cd' without an L1 term converges to the ridge answer; 'cd' without any penalty is refused", () => {
    const cd = new Ridge({ alpha: 0.1, solver: 'cd', tol: 1e-12 }).fit(X, y);
    expect(cd.converged).toBe(true);
    expectClose(cd.coef, new Ridge({ alpha: 0.1 }).fit(X, y).coef, 1e-9);
    expect(new ElasticNet({ alpha: 0.1, l1Ratio: 0, tol: 1e-10 }).fit(X, y).converged).toBe(true);
    expect(() => new LinearRegression({ solver: 'cd' })).toThrowError(code('BAD_OPTION'));
    expect(() => new ElasticNet({ l1Ratio: 0, positive: true })).toThrowError(code('BAD_OPTION'));
  });

  it('the default mini-batch shrinks to small data, and partialFit takes single rows', () => {
    const small = new LinearRegression({ solver: 'sgd', maxIter: 3 }).fit(X.slice(0, 3), y.slice(0, 3));
    expect(small.nIter).toBe(3);
    const online = new LogisticRegression({ solver: 'sgd', optimizer: 'adam', learningRate: 0.1 });
    for (let i = 0; i < 40; i++) online.partialFit([X[i]], [y[i] > 1 ? 1 : 0], { classes: [0, 1] });
    expect(online.nIter).toBe(40);
    expect(() => new LinearRegression({ solver: 'gd', batchSize: 8 })).toThrowError(code('BAD_OPTION'));
  });

  it('an AbortSignal aborted before fit runs no epoch', () => {
    const controller = new AbortController();
    controller.abort();
    const model = new LinearRegression({ solver: 'gd', signal: controller.signal }).fit(X, y);
    expect(model.nIter).toBe(0);
    expect(Array.from(model.coef)).toEqual([0, 0, 0]);
    expect(model.warning).toMatch(/abort/);
  });

  it('minimize survives an f that itself fits models (memory moves under it)', () => {
    setBackend('js');
    try {
      const big = new Matrix(20_000, 10, Float64Array.from(randomRows(20_000, 10, 3).flat()));
      const target = Array.from({ length: 20_000 }, (_, i) => big.get(i, 0));
      let calls = 0;
      const r = minimize((x, g) => {
        if (calls++ === 1) new LinearRegression().fit(big, target);
        g[0] = 2 * (x[0] - 3);
        return (x[0] - 3) ** 2;
      }, [0], { learningRate: 0.25, tol: 1e-10 });
      expect(r.converged).toBe(true);
      expect(r.x[0]).toBeCloseTo(3, 9);
    } finally {
      setBackend('wasm');
    }
  });
});

describe('malformed input is a LinfitError naming the place', () => {
  it('rows, options and weights', () => {
    expect(() => new LinearRegression().fit([[1], [2], null] as never, [1, 2, 3])).toThrowError(
      expect.objectContaining({ code: 'SHAPE_MISMATCH', message: expect.stringContaining('row 2') }),
    );
    expect(() => new MinMaxScaler({ featureRange: 1 as never })).toThrowError(code('BAD_OPTION'));
    expect(new Ridge(null as never).alpha).toBe(1);
    expect(() => new LogisticRegression({ classWeight: { a: 0, b: 0 } }).fit([[0], [1]], ['a', 'b'])).toThrowError(code('BAD_INPUT'));
    expect(() => new LogisticRegression({ penalty: 'none', alpha: 0.5 })).toThrowError(code('BAD_OPTION'));
    expect(() => minimize((x, g) => { g[0] = x[0]; return x[0] ** 2; }, [1], { schedule: schedules.reduceOnPlateau() as never })).toThrowError(code('BAD_OPTION'));
  });
});
