/** The rmsprop update: one pass over the parameters and their state (twin of assembly/optim/rmsprop.ts). */
import type { JsMemory } from '../memory.js';
import type { Kernels } from '../../types.js';

export function createKernels(memory: JsMemory): Pick<Kernels, 'rmspropStep'> {
  return {
    rmspropStep(n, lr, rho, eps, params, grad, acc) {
      const m = memory.f64;
      const pi = params / 8, gi = grad / 8, ai = acc / 8;
      for (let i = 0; i < n; i++) {
        const g = m[gi + i];
        const a = rho * m[ai + i] + (1 - rho) * g * g;
        m[ai + i] = a;
        m[pi + i] -= (lr * g) / (Math.sqrt(a) + eps);
      }
    },
  };
}
