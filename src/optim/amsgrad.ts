import type { AdamOptions } from './adam.js';
import type { Optimizer } from './types.js';

/** AMSGrad: Adam whose second moment never decreases (the running max), PyTorch's form. */
export function amsgrad({ beta1 = 0.9, beta2 = 0.999, epsilon = 1e-8 }: AdamOptions = {}): Optimizer {
  return {
    name: 'amsgrad', hyper: { beta1, beta2, epsilon }, defaultLearningRate: 0.001, slots: 3,
    bind: () => (k, n, lr, t, params, grad, [m, v, vmax]) =>
      k.amsgradStep(n, lr, beta1, beta2, epsilon, 1 - beta1 ** t, 1 - beta2 ** t, params, grad, m, v, vmax),
  };
}
