/** The adamax update: one pass over the parameters and their state (twin of assembly/optim/adamax.ts). */
import type { JsMemory } from '../memory.js';
import type { Kernels } from '../../types.js';

export function createKernels(memory: JsMemory): Pick<Kernels, 'adamaxStep'> {
  return {
    adamaxStep(n, lr, beta1, beta2, eps, bc1, params, grad, mPtr, uPtr) {
      const m = memory.f64;
      const pi = params / 8, gi = grad / 8, mi = mPtr / 8, ui = uPtr / 8;
      const rate = lr / bc1;
      for (let i = 0; i < n; i++) {
        const g = m[gi + i];
        const mo = beta1 * m[mi + i] + (1 - beta1) * g;
        const u = Math.max(beta2 * m[ui + i], Math.abs(g) + eps);
        m[mi + i] = mo;
        m[ui + i] = u;
        m[pi + i] -= (rate * mo) / u;
      }
    },
  };
}
