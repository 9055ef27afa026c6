import { describe, expect, it } from 'vitest';
import { LinearRegression, LinfitError, Matrix, PolynomialFeatures, Ridge, loadModel } from '../src/index.js';
import { Random } from '../src/random.js';
import { BACKENDS, onBackend, useBackend } from './helpers/backends.js';
import { fixture } from './helpers/fixtures.js';
import { expectClose, randomRows, relativeError, solveDense } from './helpers/numeric.js';

// Seed 004 (§1.6): distance, weekday flag → commute minutes; the normal equation's answer.
const COMMUTE_X = [[2.7, 1], [4.1, 1], [1.0, 0], [5.2, 1], [2.8, 0]];
const COMMUTE_Y = [25, 33, 15, 45, 22];
const SEED_W = [6.08613445378149, 6.53361344537816, 2.11274509803922];
const SEED_Y_STAR = [25.8396358543418, 34.9866946778712, 12.6197478991597, 42.1736694677872, 24.3802521008403];

/** Ridge by the seed's formula (XᵀX/n + αI)⁻¹Xᵀy/n on centred data, solved by plain elimination. */
function ridgeByFormula(X: number[][], y: number[], alpha: number) {
  const n = X.length, d = X[0].length;
  const xMean = Array.from({ length: d }, (_, j) => X.reduce((s, r) => s + r[j], 0) / n);
  const yMean = y.reduce((s, v) => s + v, 0) / n;
  const Xc = X.map((r) => r.map((v, j) => v - xMean[j]));
  const yc = y.map((v) => v - yMean);
  const A = Array.from({ length: d }, (_, i) =>
    Array.from({ length: d }, (_, j) => Xc.reduce((s, r) => s + r[i] * r[j], 0) / n + (i === j ? alpha : 0)));
  const b = Array.from({ length: d }, (_, i) => Xc.reduce((s, r, k) => s + r[i] * yc[k], 0) / n);
  const w = solveDense(A, b);
  return { coef: w, intercept: yMean - w.reduce((s, wj, j) => s + wj * xMean[j], 0) };
}

describe.each(BACKENDS)('LinearRegression (%s backend)', (backend) => {
  useBackend(backend);

  it.each(['auto', 'normal', 'qr'] as const)("reproduces seed 004's W* and Y* with solver '%s'", (solver) => {
    const model = new LinearRegression({ solver }).fit(COMMUTE_X, COMMUTE_Y);
    expectClose([model.intercept, ...model.coef], SEED_W, 1e-12);
    expectClose(model.predict(COMMUTE_X), SEED_Y_STAR, 1e-12);
  });

  it('reads the commute data from its CSV fixture and fits the same model', () => {
    const { X, y } = fixture('commute');
    const model = new LinearRegression().fit(X, y as Float64Array);
    expectClose([model.intercept, ...model.coef], SEED_W, 1e-12);
    expect(model.solverUsed).toBe('normal');
  });

  it('agrees with the plain normal-equation formula on random data, and R² matches its definition', () => {
    const X = randomRows(200, 6, 11);
    const random = new Random(5);
    const y = X.map((r) => r.reduce((s, v, j) => s + (j - 2.5) * v, 3) + 0.1 * random.normal());
    const reference = ridgeByFormula(X, y, 0);
    for (const solver of ['normal', 'qr'] as const) {
      const model = new LinearRegression({ solver }).fit(X, y);
      expect(relativeError(model.coef, reference.coef)).toBeLessThan(1e-12);
      expect(model.intercept).toBeCloseTo(reference.intercept, 12);
    }
    const model = new LinearRegression().fit(X, y);
    const pred = model.predict(X);
    const yMean = y.reduce((s, v) => s + v, 0) / y.length;
    const ssRes = y.reduce((s, v, i) => s + (v - pred[i]) ** 2, 0);
    const ssTot = y.reduce((s, v) => s + (v - yMean) ** 2, 0);
    expect(model.score(X, y)).toBeCloseTo(1 - ssRes / ssTot, 12);
  });

  it('without an intercept solves the uncentred normal equation', () => {
    const X = randomRows(50, 3, 3);
    const y = X.map((r) => 2 * r[0] - r[1] + 0.5 * r[2] + 4);
    const model = new LinearRegression({ fitIntercept: false, solver: 'normal' }).fit(X, y);
    const qr = new LinearRegression({ fitIntercept: false, solver: 'qr' }).fit(X, y);
    const A = [0, 1, 2].map((i) => [0, 1, 2].map((j) => X.reduce((s, r) => s + r[i] * r[j], 0)));
    const b = [0, 1, 2].map((i) => X.reduce((s, r, k) => s + r[i] * y[k], 0));
    expect(model.intercept).toBe(0);
    expect(relativeError(model.coef, solveDense(A, b))).toBeLessThan(1e-12);
    expect(relativeError(qr.coef, solveDense(A, b))).toBeLessThan(1e-12);
  });

  describe('Ridge', () => {
    const X = randomRows(120, 5, 21);
    const y = X.map((r, i) => r[0] - 2 * r[3] + 0.3 * Math.sin(i));

    it.each([0.01, 0.5, 10])('equals (XᵀX/n + αI)⁻¹Xᵀy/n on centred data (α = %s), by both solvers', (alpha) => {
      const reference = ridgeByFormula(X, y, alpha);
      for (const solver of ['normal', 'qr'] as const) {
        const model = new Ridge({ alpha, solver }).fit(X, y);
        expect(relativeError(model.coef, reference.coef)).toBeLessThan(1e-12);
        expect(model.intercept).toBeCloseTo(reference.intercept, 12);
      }
    });

    it('tends to ordinary least squares as α → 0 and shrinks towards 0 as α grows', () => {
      const ols = new LinearRegression().fit(X, y).coef;
      let previousGap = Infinity;
      for (const alpha of [1e-2, 1e-4, 1e-6, 1e-8]) {
        const gap = relativeError(new Ridge({ alpha }).fit(X, y).coef, ols);
        expect(gap).toBeLessThan(previousGap);
        previousGap = gap;
      }
      expect(previousGap).toBeLessThan(1e-7);
      const norm = (alpha: number) => Math.hypot(...new Ridge({ alpha }).fit(X, y).coef);
      expect(norm(100)).toBeLessThan(norm(1));
      expect(norm(1e6)).toBeLessThan(1e-5);
    });

    it('does not penalise the intercept: a constant shift in y moves only the intercept', () => {
      const a = new Ridge({ alpha: 3 }).fit(X, y);
      const b = new Ridge({ alpha: 3 }).fit(X, y.map((v) => v + 1000));
      expectClose(b.coef, a.coef, 1e-12);
      expect(b.intercept - a.intercept).toBeCloseTo(1000, 9);
    });
  });

  it('recovers a known cubic through PolynomialFeatures', () => {
    const xs = Array.from({ length: 40 }, (_, i) => -2 + i * 0.1);
    const truth = (x: number) => 1 - 2 * x + 0.5 * x ** 2 + 0.25 * x ** 3;
    const poly = new PolynomialFeatures({ degree: 3, includeBias: false });
    const features = poly.fitTransform(xs.map((x) => [x]));
    const model = new LinearRegression().fit(features, xs.map(truth));
    expectClose([model.intercept, ...model.coef], [1, -2, 0.5, 0.25], 1e-10);
  });

  describe('rank deficiency and ill-conditioning', () => {
    const base = randomRows(60, 2, 8);
    const dup = base.map(([a, b]) => [a, a, b]);
    const yDup = base.map(([a, b]) => 3 * a + 2 * b + 1);

    it('gives the minimum-norm answer for a duplicated column: the weight split equally', () => {
      for (const solver of ['qr', 'auto'] as const) {
        const model = new LinearRegression({ solver }).fit(dup, yDup);
        expectClose(model.coef, [1.5, 1.5, 2], 1e-10);
        expect(model.intercept).toBeCloseTo(1, 10);
        expect(model.solverUsed).toBe('qr');
        expect(model.rank).toBe(2);
      }
    });

    it("refuses a singular system with solver 'normal', naming the way out", () => {
      expect(() => new LinearRegression({ solver: 'normal' }).fit(dup, yDup)).toThrowError(
        expect.objectContaining({ code: 'SINGULAR', message: expect.stringContaining("solver 'qr'") }),
      );
    });

    it('a constant column gets weight 0 (auto falls back to QR)', () => {
      const X = base.map(([a, b]) => [a, 7, b]);
      const model = new LinearRegression().fit(X, yDup);
      expectClose(model.coef, [3, 0, 2], 1e-10);
    });

    it("'auto' switches to QR when XᵀX is too ill-conditioned, and stays accurate", () => {
      // Two columns 1e-7 apart: cond(X) ≈ 1e7, cond(XᵀX) ≈ 1e14.
      const random = new Random(99);
      const X = base.map(([a, b]) => [a, a + 1e-7 * random.normal(), b]);
      const y = X.map(([a, c, b]) => 1 + a + c + b);
      const model = new LinearRegression().fit(X, y);
      expect(model.solverUsed).toBe('qr');
      expectClose([model.intercept, ...model.coef], [1, 1, 1, 1], 1e-6);
    });
  });

  it('round-trips through toJSON and loadModel', () => {
    const model = new Ridge({ alpha: 0.5 }).fit(COMMUTE_X, COMMUTE_Y);
    const copy = loadModel(JSON.parse(JSON.stringify(model.toJSON())));
    expect(copy).toBeInstanceOf(Ridge);
    expect(copy.predict(COMMUTE_X)).toEqual(model.predict(COMMUTE_X));
  });
});

describe('LinearRegression: backends agree', () => {
  it('wasm and js give the same coefficients on 2000 × 30 data (both solvers)', () => {
    const X = new Matrix(2000, 30, Float64Array.from(randomRows(2000, 30, 4).flat()));
    const y = Array.from({ length: 2000 }, (_, i) => X.get(i, 0) * 2 - X.get(i, 29) + Math.cos(i));
    for (const solver of ['normal', 'qr'] as const) {
      const wasm = onBackend('wasm', () => new LinearRegression({ solver }).fit(X, y));
      const js = onBackend('js', () => new LinearRegression({ solver }).fit(X, y));
      expect(relativeError(wasm.coef, js.coef)).toBeLessThan(1e-12);
      expect(wasm.intercept).toBeCloseTo(js.intercept, 12);
    }
  });
});

describe('LinearRegression: bad input', () => {
  const code = (c: string) => expect.objectContaining({ code: c });

  it('names the row and column of a non-finite value', () => {
    const X = [[1, 2], [3, NaN], [5, 6]];
    expect(() => new LinearRegression().fit(X, [1, 2, 3])).toThrowError(
      expect.objectContaining({ code: 'NON_FINITE', message: expect.stringMatching(/row 1, column 1/) }),
    );
    expect(() => new LinearRegression().fit([[1], [2]], [1, Infinity])).toThrowError(
      expect.objectContaining({ code: 'NON_FINITE', message: expect.stringContaining('y[1]') }),
    );
  });

  it('rejects mismatched shapes, empty data and ragged rows', () => {
    expect(() => new LinearRegression().fit([[1], [2]], [1, 2, 3])).toThrowError(code('SHAPE_MISMATCH'));
    expect(() => new LinearRegression().fit([], [])).toThrowError(code('EMPTY'));
    expect(() => new LinearRegression().fit([[1, 2], [3]], [1, 2])).toThrowError(
      expect.objectContaining({ code: 'SHAPE_MISMATCH', message: expect.stringContaining('row 1') }),
    );
    const model = new LinearRegression().fit(COMMUTE_X, COMMUTE_Y);
    expect(() => model.predict([[1, 2, 3]])).toThrowError(code('SHAPE_MISMATCH'));
  });

  it('rejects unknown options and bad values, naming them', () => {
    expect(() => new LinearRegression({ solvr: 'qr' } as never)).toThrowError(
      expect.objectContaining({ code: 'BAD_OPTION', message: expect.stringContaining("'solvr'") }),
    );
    expect(() => new LinearRegression({ solver: 'lu' as never })).toThrowError(
      expect.objectContaining({ code: 'BAD_OPTION', message: expect.stringContaining("'normal'") }),
    );
    expect(() => new Ridge({ alpha: -1 })).toThrowError(code('BAD_OPTION'));
    expect(() => new LinearRegression({ alpha: 2 })).toThrowError(code('BAD_OPTION'));
  });

  it('is NOT_FITTED before fit, and a failed refit leaves the fitted model intact', () => {
    expect(() => new LinearRegression().predict([[1, 2]])).toThrowError(code('NOT_FITTED'));
    const model = new LinearRegression({ solver: 'normal' }).fit(COMMUTE_X, COMMUTE_Y);
    expect(() => model.fit([[1, 1], [1, 1], [2, 2]], [1, 2, 3])).toThrowError(LinfitError);
    expect(() => model.fit([[1, NaN]], [1])).toThrowError(LinfitError);
    expectClose([model.intercept, ...model.coef], SEED_W, 1e-12);
  });

  it('rejects malformed or foreign JSON with BAD_MODEL', () => {
    const json = new LinearRegression().fit(COMMUTE_X, COMMUTE_Y).toJSON();
    expect(() => loadModel({ ...json, version: 99 })).toThrowError(code('BAD_MODEL'));
    expect(() => loadModel({ ...json, coef: ['a', 1] })).toThrowError(code('BAD_MODEL'));
    expect(() => loadModel({ ...json, type: 'Nope' })).toThrowError(code('BAD_MODEL'));
    expect(() => loadModel('{not json')).toThrowError(code('BAD_MODEL'));
  });
});
