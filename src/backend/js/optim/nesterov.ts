/** The nesterov update: one pass over the parameters and their state (twin of assembly/optim/nesterov.ts). */
import type { JsMemory } from '../memory.js';
import type { Kernels } from '../../types.js';

export function createKernels(memory: JsMemory): Pick<Kernels, 'nesterovStep'> {
  return {
    nesterovStep(n, lr, rho, params, grad, velocity) {
      const m = memory.f64;
      const pi = params / 8, gi = grad / 8, vi = velocity / 8;
      for (let i = 0; i < n; i++) {
        const g = m[gi + i];
        const v = rho * m[vi + i] + g;
        m[vi + i] = v;
        m[pi + i] -= lr * (g + rho * v);
      }
    },
  };
}
