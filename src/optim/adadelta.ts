import type { Optimizer } from './types.js';

/**
 * Adadelta (Zeiler 2012; PyTorch's form and defaults: lr 1, ρ 0.9, ε 1e-6): the step is the
 * gradient scaled by RMS(past steps)/RMS(past gradients), so it needs no hand-tuned rate.
 */
export function adadelta({ rho = 0.9, epsilon = 1e-6 }: { rho?: number; epsilon?: number } = {}): Optimizer {
  return {
    name: 'adadelta', hyper: { rho, epsilon }, defaultLearningRate: 1, slots: 2,
    bind: () => (k, n, lr, _t, params, grad, [acc, accDelta]) => k.adadeltaStep(n, lr, rho, epsilon, params, grad, acc, accDelta),
  };
}
