/**
 * The common estimator suite: every estimator, on both backends, through one table. A new
 * estimator joins by adding one row to ESTIMATORS (how to make it, its kind, data it fits).
 */
import { describe, expect, it } from 'vitest';
import {
  ElasticNet, HuberRegressor, Lasso, LinearRegression, LogisticRegression, Matrix, MinMaxScaler, Pipeline,
  GammaRegressor, PoissonRegressor, PolynomialFeatures, Ridge, StandardScaler, loadModel,
} from '../src/index.js';
import { BACKENDS, useBackend } from './helpers/backends.js';
import { expectLinfitError } from './helpers/errors.js';
import { randomRows } from './helpers/numeric.js';

type Kind = 'regressor' | 'classifier' | 'transformer';
interface Fittable {
  fit(X: unknown, y?: unknown): unknown;
  toJSON(): unknown;
}
interface Row {
  name: string;
  kind: Kind;
  make: () => Fittable;
  /** Targets for rows X (regressors and classifiers). */
  target?: (X: number[][]) => (number | string)[];
  /** Whether an option makes the fit random (then the same seed must give the same model). */
  seeded?: boolean;
}

const line = (X: number[][]) => X.map((r) => 1 + 2 * r[0] - r[1] + 0.5 * r[2]);
const counts = (X: number[][]) => X.map((r) => Math.round(Math.exp(0.3 * r[0] - 0.2 * r[1])));
const twoClasses = (X: number[][]) => X.map((r) => (r[0] + 0.3 * r[1] > 0 ? 'yes' : 'no'));
const threeClasses = (X: number[][]) => X.map((r) => (r[0] > 0.5 ? 2 : r[0] < -0.5 ? 0 : 1));

const ESTIMATORS: Row[] = [
  { name: 'LinearRegression normal', kind: 'regressor', make: () => new LinearRegression(), target: line },
  { name: 'LinearRegression qr', kind: 'regressor', make: () => new LinearRegression({ solver: 'qr' }), target: line },
  { name: 'LinearRegression sgd', kind: 'regressor', make: () => new LinearRegression({ solver: 'sgd', seed: 4, maxIter: 20 }), target: line, seeded: true },
  { name: 'Ridge', kind: 'regressor', make: () => new Ridge({ alpha: 0.1 }), target: line },
  { name: 'Lasso', kind: 'regressor', make: () => new Lasso({ alpha: 0.01 }), target: line },
  { name: 'ElasticNet', kind: 'regressor', make: () => new ElasticNet({ alpha: 0.01 }), target: line },
  { name: 'PoissonRegressor', kind: 'regressor', make: () => new PoissonRegressor({ alpha: 0.1 }), target: counts },
  { name: 'GammaRegressor', kind: 'regressor', make: () => new GammaRegressor({ alpha: 0.1 }), target: (X: number[][]) => counts(X).map((c) => c + 1) },
  { name: 'HuberRegressor', kind: 'regressor', make: () => new HuberRegressor(), target: line },
  { name: 'HuberRegressor sgd', kind: 'regressor', make: () => new HuberRegressor({ solver: 'sgd', seed: 2, maxIter: 20 }), target: line, seeded: true },
  { name: 'LogisticRegression binary', kind: 'classifier', make: () => new LogisticRegression(), target: twoClasses },
  { name: 'LogisticRegression softmax', kind: 'classifier', make: () => new LogisticRegression({ alpha: 0.01 }), target: threeClasses },
  { name: 'LogisticRegression sgd', kind: 'classifier', make: () => new LogisticRegression({ solver: 'sgd', seed: 9, maxIter: 20 }), target: twoClasses, seeded: true },
  { name: 'StandardScaler', kind: 'transformer', make: () => new StandardScaler() },
  { name: 'MinMaxScaler', kind: 'transformer', make: () => new MinMaxScaler() },
  { name: 'PolynomialFeatures', kind: 'transformer', make: () => new PolynomialFeatures({ degree: 2 }) },
  { name: 'Pipeline', kind: 'regressor', make: () => new Pipeline([new StandardScaler(), new PolynomialFeatures(), new Ridge({ alpha: 0.1 })]), target: line },
];

const X = randomRows(60, 3, 17);
const XOther = randomRows(10, 3, 18);

/** What an estimator outputs for X: predictions or the transformed matrix, as plain numbers/labels. */
function output(est: any, rows: unknown): unknown[] {
  const out = typeof est.predict === 'function' ? est.predict(rows) : est.transform(rows);
  return out instanceof Matrix ? Array.from(out.data) : Array.from(out);
}

const fitRow = (row: Row, est: Fittable, rows: unknown = X) => (row.target ? est.fit(rows, row.target(X)) : est.fit(rows));

describe.each(BACKENDS)('every estimator (%s backend)', (backend) => {
  useBackend(backend);

  describe.each(ESTIMATORS)('$name', (row) => {
    it('refuses empty input', () => {
      expectLinfitError(() => (row.target ? row.make().fit([], []) : row.make().fit([])), 'EMPTY');
    });

    it('refuses NaN and ±Infinity in X, naming where', () => {
      for (const bad of [NaN, Infinity, -Infinity]) {
        const rows = X.map((r) => [...r]);
        rows[7][2] = bad;
        expectLinfitError(() => fitRow(row, row.make(), rows), 'NON_FINITE', 'row 7');
      }
    });

    it('refuses the wrong width after fitting', () => {
      const est = row.make();
      fitRow(row, est);
      expectLinfitError(() => output(est, XOther.map((r) => r.slice(0, 2))), 'SHAPE_MISMATCH');
    });

    if (row.kind === 'classifier') {
      it('refuses a single class', () => {
        expectLinfitError(() => row.make().fit(X, X.map(() => 'yes')), 'BAD_LABELS', 'one class');
      });
    }

    it('a failed refit leaves the fitted model intact', () => {
      const est = row.make();
      fitRow(row, est);
      const before = output(est, XOther);
      const rows = X.map((r) => [...r]);
      rows[3][0] = NaN;
      expect(() => fitRow(row, est, rows)).toThrow();
      expect(output(est, XOther)).toEqual(before);
    });

    it('round-trips through JSON and gives the same output bit for bit', () => {
      const est = row.make();
      fitRow(row, est);
      const copy = loadModel(JSON.stringify(est.toJSON()));
      expect(output(copy, XOther)).toEqual(output(est, XOther));
    });

    it('gives the same model for the same data (and seed)', () => {
      const a = row.make(), b = row.make();
      fitRow(row, a);
      fitRow(row, b);
      expect(JSON.stringify(a.toJSON())).toBe(JSON.stringify(b.toJSON()));
    });

    it('never mutates its inputs', () => {
      const rows = X.map((r) => [...r]);
      const y = row.target?.(X);
      const yCopy = y && [...y];
      const est = row.make();
      if (y) est.fit(rows, y);
      else est.fit(rows);
      output(est, rows);
      expect(rows).toEqual(X);
      expect(y).toEqual(yCopy);
    });
  });
});

it('the table has a row for every estimator class the package exports', async () => {
  const exported = await import('../src/index.js');
  const classes = Object.entries(exported)
    .filter(([, v]) => typeof v === 'function' && typeof (v as { prototype?: { toJSON?: unknown } }).prototype?.toJSON === 'function')
    .map(([name]) => name)
    .filter((name) => name !== 'Matrix');
  const covered = new Set(ESTIMATORS.map((r) => r.make().constructor.name));
  expect(classes.filter((name) => !covered.has(name))).toEqual([]);
});
