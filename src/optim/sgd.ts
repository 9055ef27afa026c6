import type { Optimizer } from './types.js';

/** Plain (stochastic) gradient descent: p ← p − lr·g (the lecture notes' θ ← θ − ηg). */
export function sgd(): Optimizer {
  return {
    name: 'sgd', hyper: {}, defaultLearningRate: 0.01, slots: 0,
    bind: () => (k, n, lr, _t, params, grad) => k.sgdStep(n, lr, params, grad),
  };
}
