import type { Optimizer } from './types.js';

/**
 * RMSProp as in seed 003's code: s ← ρ·s + (1 − ρ)·g²; p ← p − lr·g / (√s + ε), with the
 * seed's ρ = 0.9 (PyTorch defaults to 0.99).
 */
export function rmsprop({ rho = 0.9, epsilon = 1e-8 }: { rho?: number; epsilon?: number } = {}): Optimizer {
  return {
    name: 'rmsprop', hyper: { rho, epsilon }, defaultLearningRate: 0.01, slots: 1,
    step: (k, n, _decay, lr, _t, params, grad, [acc]) => k.rmspropStep(n, lr, rho, epsilon, params, grad, acc),
  };
}
