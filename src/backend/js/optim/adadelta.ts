/** The adadelta update: one pass over the parameters and their state (twin of assembly/optim/adadelta.ts). */
import type { JsMemory } from '../memory.js';
import type { Kernels } from '../../types.js';

export function createKernels(memory: JsMemory): Pick<Kernels, 'adadeltaStep'> {
  return {
    adadeltaStep(n, lr, rho, eps, params, grad, acc, accDelta) {
      const m = memory.f64;
      const pi = params / 8, gi = grad / 8, ai = acc / 8, di = accDelta / 8;
      for (let i = 0; i < n; i++) {
        const g = m[gi + i];
        const a = rho * m[ai + i] + (1 - rho) * g * g;
        m[ai + i] = a;
        const u = m[di + i];
        const delta = (Math.sqrt(u + eps) / Math.sqrt(a + eps)) * g;
        m[di + i] = rho * u + (1 - rho) * delta * delta;
        m[pi + i] -= lr * delta;
      }
    },
  };
}
