/** The momentum update: one pass over the parameters and their state (twin of assembly/optim/momentum.ts). */
import type { JsMemory } from '../memory.js';
import type { Kernels } from '../../types.js';

export function createKernels(memory: JsMemory): Pick<Kernels, 'momentumStep'> {
  return {
    momentumStep(n, lr, rho, params, grad, velocity) {
      const m = memory.f64;
      const pi = params / 8, gi = grad / 8, vi = velocity / 8;
      for (let i = 0; i < n; i++) {
        const v = rho * m[vi + i] + m[gi + i];
        m[vi + i] = v;
        m[pi + i] -= lr * v;
      }
    },
  };
}
