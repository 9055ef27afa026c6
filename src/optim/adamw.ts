import type { AdamOptions } from './adam.js';
import type { Optimizer } from './types.js';

/**
 * AdamW (Loshchilov & Hutter): Adam plus decoupled weight decay p ← p − lr·λ·p on the weights
 * only (never the intercepts); PyTorch's default λ = 0.01.
 */
export function adamw({ beta1 = 0.9, beta2 = 0.999, epsilon = 1e-8, weightDecay = 0.01 }: AdamOptions & { weightDecay?: number } = {}): Optimizer {
  return {
    name: 'adamw', hyper: { beta1, beta2, epsilon, weightDecay }, defaultLearningRate: 0.001, slots: 2,
    // The decay count (how many leading parameters are weights) is bound once per fit.
    bind: (decayCount) => (k, n, lr, t, params, grad, [m, v]) =>
      k.adamStep(n, lr, beta1, beta2, epsilon, 1 - beta1 ** t, 1 - beta2 ** t, weightDecay, decayCount, params, grad, m, v),
  };
}
