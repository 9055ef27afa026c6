import type { Optimizer } from './types.js';

/**
 * Nesterov momentum (PyTorch's form): v ← ρ·v + g; p ← p − lr·(g + ρ·v). It equals evaluating
 * the gradient at the look-ahead point p − lr·ρ·v of the lecture notes, rewritten so that only the
 * gradient at the current parameters is needed.
 */
export function nesterov({ momentum = 0.9 }: { momentum?: number } = {}): Optimizer {
  return {
    name: 'nesterov', hyper: { momentum }, defaultLearningRate: 0.01, slots: 1,
    bind: () => (k, n, lr, _t, params, grad, [velocity]) => k.nesterovStep(n, lr, momentum, params, grad, velocity),
  };
}
