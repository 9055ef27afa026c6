import type { Optimizer } from './types.js';

export interface AdamOptions {
  beta1?: number;
  beta2?: number;
  epsilon?: number;
}

/**
 * Adam with bias correction (the lecture notes): m ← β1·m + (1 − β1)·g, v ← β2·v + (1 − β2)·g²,
 * p ← p − lr·m̂ / (√v̂ + ε) with m̂ = m/(1 − β1ᵗ), v̂ = v/(1 − β2ᵗ).
 */
export function adam({ beta1 = 0.9, beta2 = 0.999, epsilon = 1e-8 }: AdamOptions = {}): Optimizer {
  return {
    name: 'adam', hyper: { beta1, beta2, epsilon }, defaultLearningRate: 0.001, slots: 2,
    bind: () => (k, n, lr, t, params, grad, [m, v]) =>
      k.adamStep(n, lr, beta1, beta2, epsilon, 1 - beta1 ** t, 1 - beta2 ** t, 0, 0, params, grad, m, v),
  };
}
