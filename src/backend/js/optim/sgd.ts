/** The sgd update: one pass over the parameters and their state (twin of assembly/optim/sgd.ts). */
import type { JsMemory } from '../memory.js';
import type { Kernels } from '../../types.js';

export function createKernels(memory: JsMemory): Pick<Kernels, 'sgdStep'> {
  return {
    sgdStep(n, lr, params, grad) {
      const m = memory.f64;
      const pi = params / 8, gi = grad / 8;
      for (let i = 0; i < n; i++) m[pi + i] -= lr * m[gi + i];
    },
  };
}
