import type { Optimizer } from './types.js';

/** AdaGrad (seed 002: r ← r + g⊙g; p ← p − ε/(δ + √r)⊙g), with PyTorch's defaults. */
export function adagrad({ epsilon = 1e-10 }: { epsilon?: number } = {}): Optimizer {
  return {
    name: 'adagrad', hyper: { epsilon }, defaultLearningRate: 0.01, slots: 1,
    step: (k, n, _decay, lr, _t, params, grad, [acc]) => k.adagradStep(n, lr, epsilon, params, grad, acc),
  };
}
