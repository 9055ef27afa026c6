import { describe, expect, it } from 'vitest';
import { minimize } from '../src/index.js';
import { resolveOptimizer } from '../src/optim/index.js';
import { BACKENDS, useBackend } from './helpers/backends.js';

/**
 * Every optimizer's first steps against a hand computation of its formula, on the 1-D
 * objective f(x) = (x − 3)², g = 2(x − 3), from x = 0 with η = 0.1.
 */
type Hand = (x: number, g: number, t: number, s: number[]) => number;
const lr = 0.1;
const handSteps: [string, object, Hand][] = [
  ['sgd', {}, (x, g) => x - lr * g],
  ['momentum', { momentum: 0.9 }, (x, g, _t, s) => { s[0] = 0.9 * s[0] + g; return x - lr * s[0]; }],
  ['nesterov', { momentum: 0.9 }, (x, g, _t, s) => { s[0] = 0.9 * s[0] + g; return x - lr * (g + 0.9 * s[0]); }],
  ['adagrad', { epsilon: 1e-10 }, (x, g, _t, s) => { s[0] += g * g; return x - (lr * g) / (Math.sqrt(s[0]) + 1e-10); }],
  ['rmsprop', { rho: 0.9, epsilon: 1e-8 }, (x, g, _t, s) => { s[0] = 0.9 * s[0] + 0.1 * g * g; return x - (lr * g) / (Math.sqrt(s[0]) + 1e-8); }],
  // TF.js and optax start AdaGrad's accumulator at 0.1.
  ['adagrad', { epsilon: 1e-10, initialAccumulator: 0.1 }, (x, g, t, s) => {
    if (t === 1) s[0] = 0.1;
    s[0] += g * g;
    return x - (lr * g) / (Math.sqrt(s[0]) + 1e-10);
  }],
  // PyTorch's RMSprop(momentum=0.5): buf ← μ·buf + g/(√s + ε), x ← x − lr·buf.
  ['rmsprop', { momentum: 0.5 }, (x, g, _t, s) => {
    s[0] = 0.9 * s[0] + 0.1 * g * g;
    s[2] = 0.5 * s[2] + g / (Math.sqrt(s[0]) + 1e-8);
    return x - lr * s[2];
  }],
  // centered: the running mean ḡ of g, divided by √(s − ḡ²) + ε (PyTorch, TF.js, Keras).
  ['rmsprop', { centered: true, momentum: 0.9, rho: 0.8 }, (x, g, _t, s) => {
    s[0] = 0.8 * s[0] + 0.2 * g * g;
    s[1] = 0.8 * s[1] + 0.2 * g;
    s[2] = 0.9 * s[2] + g / (Math.sqrt(s[0] - s[1] * s[1]) + 1e-8);
    return x - lr * s[2];
  }],
  // Adadelta (PyTorch's form): Δ = √(u + ε)/√(s + ε)·g, u ← ρu + (1 − ρ)Δ².
  ['adadelta', {}, (x, g, _t, s) => {
    s[0] = 0.9 * s[0] + 0.1 * g * g;
    const delta = (Math.sqrt(s[1] + 1e-6) / Math.sqrt(s[0] + 1e-6)) * g;
    s[1] = 0.9 * s[1] + 0.1 * delta * delta;
    return x - lr * delta;
  }],
  ['adam', {}, (x, g, t, s) => {
    s[0] = 0.9 * s[0] + 0.1 * g; s[1] = 0.999 * s[1] + 0.001 * g * g;
    return x - (lr * s[0] / (1 - 0.9 ** t)) / (Math.sqrt(s[1] / (1 - 0.999 ** t)) + 1e-8);
  }],
  ['adamw', { weightDecay: 0.1 }, (x, g, t, s) => {
    x -= lr * 0.1 * x;
    s[0] = 0.9 * s[0] + 0.1 * g; s[1] = 0.999 * s[1] + 0.001 * g * g;
    return x - (lr * s[0] / (1 - 0.9 ** t)) / (Math.sqrt(s[1] / (1 - 0.999 ** t)) + 1e-8);
  }],
  ['adamax', {}, (x, g, t, s) => {
    s[0] = 0.9 * s[0] + 0.1 * g; s[1] = Math.max(0.999 * s[1], Math.abs(g) + 1e-8);
    return x - (lr / (1 - 0.9 ** t)) * s[0] / s[1];
  }],
  ['nadam', {}, (x, g, t, s) => {
    s[0] = 0.9 * s[0] + 0.1 * g; s[1] = 0.999 * s[1] + 0.001 * g * g;
    const mHat = (0.9 * s[0]) / (1 - 0.9 ** (t + 1)) + (0.1 * g) / (1 - 0.9 ** t);
    return x - (lr * mHat) / (Math.sqrt(s[1] / (1 - 0.999 ** t)) + 1e-8);
  }],
  ['amsgrad', {}, (x, g, t, s) => {
    s[0] = 0.9 * s[0] + 0.1 * g; s[1] = 0.999 * s[1] + 0.001 * g * g; s[2] = Math.max(s[2], s[1]);
    return x - (lr * s[0] / (1 - 0.9 ** t)) / (Math.sqrt(s[2] / (1 - 0.999 ** t)) + 1e-8);
  }],
];

const quadratic = (x: Float64Array, g: Float64Array) => {
  g[0] = 2 * (x[0] - 3);
  return (x[0] - 3) ** 2;
};

/** Rosenbrock (1 − a)² + 100(b − a²)², minimum at (1, 1). */
const rosenbrock = (x: Float64Array, g: Float64Array) => {
  const [a, b] = x;
  g[0] = -2 * (1 - a) - 400 * a * (b - a * a);
  g[1] = 200 * (b - a * a);
  return (1 - a) ** 2 + 100 * (b - a * a) ** 2;
};

describe.each(BACKENDS)('optimizers (%s backend)', (backend) => {
  useBackend(backend);

  it.each(handSteps)('%s %j: the first 5 steps match the formula', (name, hyper, hand) => {
    const result = minimize(quadratic, [0], { optimizer: { name, ...hyper } as never, learningRate: lr, maxIter: 5, tol: 0 });
    const expected = [0];
    const state = [0, 0, 0];
    for (let t = 1; t <= 5; t++) {
      const x = expected[t - 1];
      expected.push(hand(x, 2 * (x - 3), t, state));
    }
    result.path!.forEach((p, t) => expect(p[0]).toBeCloseTo(expected[t], 14));
  });

  // optax-style table: every optimizer reaches the minimum of the parabola and of Rosenbrock.
  // Adadelta crawls along Rosenbrock's valley (after 60 000 steps it is still ~0.1 from (1, 1)
  // at its best rate), so it is held to the parabola only.
  const convergence: [string, number, number | null][] = [
    ['sgd', 0.1, 0.001], ['momentum', 0.05, 0.0005], ['nesterov', 0.05, 0.0005], ['adagrad', 1, 0.5],
    ['rmsprop', 0.01, 0.001], ['adam', 0.1, 0.02], ['adamw', 0.1, 0.02], ['adamax', 0.1, 0.02], ['nadam', 0.1, 0.02], ['amsgrad', 0.1, 0.02],
    ['adadelta', 10, null],
  ];
  it.each(convergence)('%s converges on the parabola and on Rosenbrock', (name, parabolaRate, rosenRate) => {
    // AdamW's decoupled decay moves the minimum towards 0, so it runs without decay here.
    const decay = name === 'adamw' ? { name: 'adamw', weightDecay: 0 } : name;
    const p = minimize(quadratic, [0], { optimizer: decay as never, learningRate: parabolaRate, maxIter: 5000, tol: 1e-6, recordPath: false });
    expect(p.x[0]).toBeCloseTo(3, 3);
    if (rosenRate === null) return;
    const r = minimize(rosenbrock, [-1, 1.5], {
      optimizer: decay as never, learningRate: rosenRate, maxIter: 60_000, tol: 1e-5, recordPath: false,
    });
    expect(Math.hypot(r.x[0] - 1, r.x[1] - 1)).toBeLessThan(2e-2);
  });

  it('rejects unknown optimizers and hyperparameters, naming the allowed values', () => {
    expect(() => resolveOptimizer('adabelief' as never, 'test')).toThrowError(
      expect.objectContaining({ code: 'BAD_OPTION', message: expect.stringContaining("'adam'") }),
    );
    expect(() => resolveOptimizer({ name: 'adam', beta3: 0.5 } as never, 'test')).toThrowError(
      expect.objectContaining({ code: 'BAD_OPTION', message: expect.stringContaining("'beta3'") }),
    );
    expect(() => resolveOptimizer({ name: 'momentum', momentum: 1 }, 'test')).toThrowError(expect.objectContaining({ code: 'BAD_OPTION' }));
    expect(() => resolveOptimizer({ name: 'rmsprop', centered: 'yes' }, 'test')).toThrowError(
      expect.objectContaining({ code: 'BAD_OPTION', message: expect.stringContaining('centered must be true or false') }),
    );
    expect(() => resolveOptimizer({ name: 'adagrad', initialAccumulator: -1 }, 'test')).toThrowError(expect.objectContaining({ code: 'BAD_OPTION' }));
  });
});
