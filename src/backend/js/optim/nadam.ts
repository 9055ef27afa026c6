/** The nadam update: one pass over the parameters and their state (twin of assembly/optim/nadam.ts). */
import type { JsMemory } from '../memory.js';
import type { Kernels } from '../../types.js';

export function createKernels(memory: JsMemory): Pick<Kernels, 'nadamStep'> {
  return {
    nadamStep(n, lr, beta1, beta2, eps, c1, c2, bc2, params, grad, mPtr, vPtr) {
      const m = memory.f64;
      const pi = params / 8, gi = grad / 8, mi = mPtr / 8, vi = vPtr / 8;
      const invBc2 = 1 / bc2;
      for (let i = 0; i < n; i++) {
        const g = m[gi + i];
        const mo = beta1 * m[mi + i] + (1 - beta1) * g;
        const ve = beta2 * m[vi + i] + (1 - beta2) * g * g;
        m[mi + i] = mo;
        m[vi + i] = ve;
        m[pi + i] -= (lr * (c1 * mo + c2 * g)) / (Math.sqrt(ve * invBc2) + eps);
      }
    },
  };
}
