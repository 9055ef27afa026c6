import { describe, expect, it } from 'vitest';
import { LogisticRegression, Matrix, Pipeline, StandardScaler, loadModel, logLoss, schedules } from '../src/index.js';
import { BACKENDS, useBackend } from './helpers/backends.js';
import { fixture } from './helpers/fixtures.js';
import { objectiveOf } from './helpers/problem.js';

const code = (c: string) => expect.objectContaining({ code: c });

/** A fitted binary model with the given weights, through the JSON format. */
function modelWith(weights: number[], bias: number): LogisticRegression {
  const template = new LogisticRegression({ solver: 'sgd', batchSize: 1, penalty: 'none', optimizer: 'sgd' })
    .partialFit([weights.map(() => 0)], [0], { classes: [0, 1] })
    .toJSON();
  template.coef = weights;
  template.intercept = [bias];
  return loadModel(template);
}

/** Iris standardised: the real data set the objective tests run on. */
function standardIris() {
  const iris = fixture('iris');
  return { X: new StandardScaler().fitTransform(iris.X), y: iris.y as string[] };
}

describe.each(BACKENDS)('LogisticRegression (%s backend)', (backend) => {
  useBackend(backend);

  it("takes seed 001's single SGD step: x = [3, 2], y = 1, θ⁰ = 0, η = 0.1 → w = [0.15, 0.10], b = 0.05", () => {
    const model = new LogisticRegression({ solver: 'sgd', batchSize: 1, optimizer: 'sgd', learningRate: 0.1, penalty: 'none' });
    model.partialFit([[3, 2]], [1], { classes: [0, 1] });
    expect(Array.from(model.coef.data)).toEqual([expect.closeTo(0.15, 15), expect.closeTo(0.1, 15)]);
    expect(model.intercept[0]).toBeCloseTo(0.05, 15);
  });

  it("reproduces seed 000's sentiment example: P(y = 1 | x) = σ(0.833) = 0.70, classified positive", () => {
    const model = modelWith([2.5, -5.0, -1.2, 0.5, 2.0, 0.7], 0.1);
    const x = [[3, 2, 1, 3, 0, 4.19]];
    expect((model.decisionFunction(x) as Float64Array)[0]).toBeCloseTo(0.833, 12);
    const p = model.predictProba(x);
    expect(p.get(0, 1)).toBeCloseTo(0.7, 2);
    expect(p.get(0, 1)).toBeCloseTo(1 / (1 + Math.exp(-0.833)), 14);
    expect(p.get(0, 0) + p.get(0, 1)).toBe(1);
    expect(model.predict(x)).toEqual([1]);
  });

  it('decides at P = 0.5 and keeps probabilities exact at extreme scores (stable sigmoid)', () => {
    const model = modelWith([1], 0);
    expect(model.predict([[-1e-9], [0], [1e-9]])).toEqual([0, 1, 1]);
    const p = model.predictProba([[800], [-800]]);
    expect([p.get(0, 1), p.get(0, 0), p.get(1, 1), p.get(1, 0)]).toEqual([1, 0, 0, 1]);
    // The small probability keeps its relative precision: σ(−40) = e⁻⁴⁰/(1 + e⁻⁴⁰), not 1 − (1 − …) = 0.
    const tiny = model.predictProba([[-40]]).get(0, 1);
    expect(Math.abs(tiny / (Math.exp(-40) / (1 + Math.exp(-40))) - 1)).toBeLessThan(1e-15);
  });

  it('binary: learns string labels, sorts classes, and scores accuracy on breast cancer', () => {
    const data = fixture('breast_cancer');
    const X = new StandardScaler().fitTransform(data.X);
    const labels = Array.from(data.y as Float64Array, (v) => (v === 1 ? 'benign' : 'malignant'));
    const model = new LogisticRegression({ solver: 'gd', learningRate: 1, maxIter: 500, alpha: 1e-3 }).fit(X, labels);
    expect(model.classes).toEqual(['benign', 'malignant']);
    expect(model.coef.rows).toBe(1);
    expect(model.score(X, labels)).toBeGreaterThan(0.97);
    const proba = model.predictProba(X);
    expect(proba.cols).toBe(2);
    expect(logLoss(labels, proba)).toBeLessThan(0.1);
  });

  it('multinomial softmax on Iris reaches the optimum: SGD + Adam within 1e-4 of the objective GD converges to', () => {
    const { X, y } = standardIris();
    const alpha = 0.01;
    const exact = new LogisticRegression({ solver: 'gd', alpha, learningRate: 1, maxIter: 100_000, tol: null, gradTol: 1e-9 }).fit(X, y);
    expect(exact.converged).toBe(true);
    expect(exact.coef.rows).toBe(3);
    const classIndex = y.map((label) => exact.classes.indexOf(label));
    const f = objectiveOf('softmax', X, classIndex, { kind: 'l2', alpha, l1Ratio: 0 }, { classes: 3 });
    const params = (m: LogisticRegression) => [...m.coef.data, ...m.intercept];
    const optimum = f(params(exact));
    const sgd = new LogisticRegression({
      solver: 'sgd', alpha, optimizer: 'adam', learningRate: 0.05, batchSize: 16, maxIter: 400, tol: null, seed: 7,
      schedule: schedules.warmup(schedules.cosine({ total: 3600 }), { steps: 200 }),
    }).fit(X, y);
    expect(f(params(sgd)) - optimum).toBeLessThan(1e-4);
    expect(f(params(sgd)) - optimum).toBeGreaterThanOrEqual(-1e-12);
    expect(sgd.score(X, y)).toBeGreaterThan(0.95);
    const rows = sgd.predictProba(X);
    for (let i = 0; i < rows.rows; i++) expect(rows.get(i, 0) + rows.get(i, 1) + rows.get(i, 2)).toBeCloseTo(1, 14);
  });

  it('round-trips through JSON with its classes and keeps predicting the same', () => {
    const { X, y } = standardIris();
    const model = new LogisticRegression({ solver: 'sgd', optimizer: 'nesterov', learningRate: 0.05, maxIter: 20, seed: 1 }).fit(X, y);
    const copy = loadModel(JSON.stringify(model.toJSON())) as LogisticRegression;
    expect(copy.classes).toEqual(model.classes);
    expect(copy.predictProba(X).data).toEqual(model.predictProba(X).data);
    const pipe = new Pipeline([new StandardScaler(), new LogisticRegression({ solver: 'gd', learningRate: 0.5, maxIter: 100 })]).fit(fixture('iris').X, y);
    expect(loadModel(JSON.stringify(pipe.toJSON())).predict(fixture('iris').X)).toEqual(pipe.predict(fixture('iris').X));
  });
});

describe('LogisticRegression: bad input', () => {
  it('one class only, or labels outside the declared classes, are BAD_LABELS', () => {
    expect(() => new LogisticRegression().fit([[1], [2]], ['a', 'a'])).toThrowError(expect.objectContaining({ code: 'BAD_LABELS', message: expect.stringContaining('one class') }));
    const model = new LogisticRegression({ solver: 'sgd', batchSize: 1 });
    expect(() => model.partialFit([[1]], [0])).toThrowError(code('BAD_LABELS'));
    model.partialFit([[1]], [0], { classes: [0, 1] });
    expect(() => model.partialFit([[1]], [2])).toThrowError(expect.objectContaining({ code: 'BAD_LABELS', message: expect.stringContaining('y[0] = 2') }));
    expect(() => model.partialFit([[1]], [1], { classes: [0, 1, 2] })).toThrowError(code('BAD_LABELS'));
    expect(() => new LogisticRegression().fit([[1], [2]], [0, 'a'] as never)).toThrowError(code('BAD_LABELS'));
  });

  it('options are checked up front, naming the option and the allowed values', () => {
    expect(() => new LogisticRegression({ solver: 'liblinear' as never })).toThrowError(expect.objectContaining({ code: 'BAD_OPTION', message: expect.stringContaining("'sgd'") }));
    expect(() => new LogisticRegression({ penalty: 'l3' as never })).toThrowError(code('BAD_OPTION'));
    expect(() => new LogisticRegression({ l1Ratio: 2 })).toThrowError(code('BAD_OPTION'));
    expect(() => new LogisticRegression({ Alpha: 1 } as never)).toThrowError(expect.objectContaining({ code: 'BAD_OPTION', message: expect.stringContaining("'Alpha'") }));
    expect(() => new LogisticRegression({ solver: 'sgd', schedule: () => 1 }).fit([[1], [2]], [0, 1]).toJSON()).toThrowError(code('BAD_OPTION'));
  });

  it('a failed fit leaves the fitted model intact; NaN is rejected with its position', () => {
    const model = new LogisticRegression({ solver: 'gd', maxIter: 50 }).fit([[0], [1], [2], [3]], [0, 0, 1, 1]);
    const coef = model.coef.data.slice();
    expect(() => model.fit([[0], [NaN]], [0, 1])).toThrowError(expect.objectContaining({ code: 'NON_FINITE', message: expect.stringContaining('row 1, column 0') }));
    expect(() => model.fit([[0], [1]], ['x', 'x'])).toThrowError(code('BAD_LABELS'));
    expect(model.coef.data).toEqual(coef);
    expect(() => new LogisticRegression().predict(new Matrix(1, 1))).toThrowError(code('NOT_FITTED'));
  });
});
