import type { Optimizer } from './types.js';

/** Adamax (Adam with the infinity norm), PyTorch's form and defaults. */
export function adamax({ beta1 = 0.9, beta2 = 0.999, epsilon = 1e-8 }: { beta1?: number; beta2?: number; epsilon?: number } = {}): Optimizer {
  return {
    name: 'adamax', hyper: { beta1, beta2, epsilon }, defaultLearningRate: 0.002, slots: 2,
    bind: () => (k, n, lr, t, params, grad, [m, u]) => k.adamaxStep(n, lr, beta1, beta2, epsilon, 1 - beta1 ** t, params, grad, m, u),
  };
}
