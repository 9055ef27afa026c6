import type { Optimizer } from './types.js';

/**
 * Heavy-ball momentum in the lecture notes' form: v ← ρ·v + g; p ← p − lr·v (PyTorch's form too).
 * The lecture notes writes it as v' ← μ·v' − ε·g; θ ← θ + v'. At a constant rate the two are the same
 * trajectory with v' = −ε·v and μ = ρ; with a changing rate they differ in when the rate applies.
 */
export function momentum({ momentum = 0.9 }: { momentum?: number } = {}): Optimizer {
  return {
    name: 'momentum', hyper: { momentum }, defaultLearningRate: 0.01, slots: 1,
    bind: () => (k, n, lr, _t, params, grad, [velocity]) => k.momentumStep(n, lr, momentum, params, grad, velocity),
  };
}
