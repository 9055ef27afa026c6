import type { Optimizer } from './types.js';

/**
 * NAdam, Dozat's Nesterov-accelerated Adam in the form Keras uses (without PyTorch's
 * momentum-decay schedule): the first moment is looked ahead one step before the update.
 */
export function nadam({ beta1 = 0.9, beta2 = 0.999, epsilon = 1e-8 }: { beta1?: number; beta2?: number; epsilon?: number } = {}): Optimizer {
  return {
    name: 'nadam', hyper: { beta1, beta2, epsilon }, defaultLearningRate: 0.002, slots: 2,
    bind: () => (k, n, lr, t, params, grad, [m, v]) =>
      k.nadamStep(n, lr, beta1, beta2, epsilon, beta1 / (1 - beta1 ** (t + 1)), (1 - beta1) / (1 - beta1 ** t), 1 - beta2 ** t, params, grad, m, v),
  };
}
