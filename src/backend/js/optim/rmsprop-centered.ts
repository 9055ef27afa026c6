/** The rmsprop-centered update: one pass over the parameters and their state (twin of assembly/optim/rmsprop-centered.ts). */
import type { JsMemory } from '../memory.js';
import type { Kernels } from '../../types.js';

export function createKernels(memory: JsMemory): Pick<Kernels, 'rmspropCenteredStep'> {
  return {
    rmspropCenteredStep(n, lr, rho, eps, momentum, centered, params, grad, acc, mean, buf) {
      const m = memory.f64;
      const pi = params / 8, gi = grad / 8, ai = acc / 8, mi = mean / 8, bi = buf / 8;
      for (let i = 0; i < n; i++) {
        const g = m[gi + i];
        const a = rho * m[ai + i] + (1 - rho) * g * g;
        m[ai + i] = a;
        let v = a;
        if (centered !== 0) {
          const mu = rho * m[mi + i] + (1 - rho) * g;
          m[mi + i] = mu;
          v = a - mu * mu;
        }
        const b = momentum * m[bi + i] + g / (Math.sqrt(v) + eps);
        m[bi + i] = b;
        m[pi + i] -= lr * b;
      }
    },
  };
}
