import type { Optimizer } from './types.js';

/**
 * AdaGrad (the lecture notes: r ← r + g⊙g; p ← p − ε/(δ + √r)⊙g), with PyTorch's defaults.
 * `initialAccumulator` is r's starting value: 0 as PyTorch, 0.1 as TF.js and optax.
 */
export function adagrad({ epsilon = 1e-10, initialAccumulator = 0 }: { epsilon?: number; initialAccumulator?: number } = {}): Optimizer {
  return {
    name: 'adagrad', hyper: { epsilon, initialAccumulator }, defaultLearningRate: 0.01, slots: 1, slotInit: [initialAccumulator],
    bind: () => (k, n, lr, _t, params, grad, [acc]) => k.adagradStep(n, lr, epsilon, params, grad, acc),
  };
}
