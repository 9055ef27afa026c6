import type { Optimizer } from './types.js';

/**
 * RMSProp as in the lecture notes' code: s ← ρ·s + (1 − ρ)·g²; p ← p − lr·g / (√s + ε), with the
 * notes' ρ = 0.9 (PyTorch defaults to 0.99). `momentum` μ > 0 and `centered` (divide by the
 * running standard deviation √(s − ḡ²) instead) follow PyTorch and TF.js:
 * buf ← μ·buf + g/d, p ← p − lr·buf; they keep the extra slots ḡ and buf.
 */
export function rmsprop(
  { rho = 0.9, epsilon = 1e-8, momentum = 0, centered = 0 }: { rho?: number; epsilon?: number; momentum?: number; centered?: number } = {},
): Optimizer {
  if (momentum === 0 && centered === 0) {
    return {
      name: 'rmsprop', hyper: { rho, epsilon }, defaultLearningRate: 0.01, slots: 1,
      bind: () => (k, n, lr, _t, params, grad, [acc]) => k.rmspropStep(n, lr, rho, epsilon, params, grad, acc),
    };
  }
  return {
    name: 'rmsprop', hyper: { rho, epsilon, momentum, centered }, defaultLearningRate: 0.01, slots: 3,
    bind: () => (k, n, lr, _t, params, grad, [acc, mean, buf]) =>
      k.rmspropCenteredStep(n, lr, rho, epsilon, momentum, centered, params, grad, acc, mean, buf),
  };
}
