/** The adam update: one pass over the parameters and their state (twin of assembly/optim/adam.ts). */
import type { JsMemory } from '../memory.js';
import type { Kernels } from '../../types.js';

export function createKernels(memory: JsMemory): Pick<Kernels, 'adamStep'> {
  return {
    adamStep(n, lr, beta1, beta2, eps, bc1, bc2, weightDecay, decayCount, params, grad, mPtr, vPtr) {
      const m = memory.f64;
      const pi = params / 8, gi = grad / 8, mi = mPtr / 8, vi = vPtr / 8;
      const decay = lr * weightDecay;
      const decayed = Math.min(decayCount, n);
      if (decay !== 0) for (let i = 0; i < decayed; i++) m[pi + i] -= decay * m[pi + i];
      const invBc1 = 1 / bc1, invBc2 = 1 / bc2;
      for (let i = 0; i < n; i++) {
        const g = m[gi + i];
        const mo = beta1 * m[mi + i] + (1 - beta1) * g;
        const ve = beta2 * m[vi + i] + (1 - beta2) * g * g;
        m[mi + i] = mo;
        m[vi + i] = ve;
        m[pi + i] -= (lr * mo * invBc1) / (Math.sqrt(ve * invBc2) + eps);
      }
    },
  };
}
