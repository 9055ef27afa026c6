/** The amsgrad update: one pass over the parameters and their state (twin of assembly/optim/amsgrad.ts). */
import type { JsMemory } from '../memory.js';
import type { Kernels } from '../../types.js';

export function createKernels(memory: JsMemory): Pick<Kernels, 'amsgradStep'> {
  return {
    amsgradStep(n, lr, beta1, beta2, eps, bc1, bc2, params, grad, mPtr, vPtr, vmaxPtr) {
      const m = memory.f64;
      const pi = params / 8, gi = grad / 8, mi = mPtr / 8, vi = vPtr / 8, xi = vmaxPtr / 8;
      const invBc1 = 1 / bc1, invBc2 = 1 / bc2;
      for (let i = 0; i < n; i++) {
        const g = m[gi + i];
        const mo = beta1 * m[mi + i] + (1 - beta1) * g;
        const ve = beta2 * m[vi + i] + (1 - beta2) * g * g;
        const vm = Math.max(m[xi + i], ve); // NaN propagates, as wasm's max
        m[mi + i] = mo;
        m[vi + i] = ve;
        m[xi + i] = vm;
        m[pi + i] -= (lr * mo * invBc1) / (Math.sqrt(vm * invBc2) + eps);
      }
    },
  };
}
