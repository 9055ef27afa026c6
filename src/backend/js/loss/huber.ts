/** The Huber loss with threshold ε, branch-free through the clipped residual h = clamp(r, ±ε) (twin of assembly/loss/huber.ts). */
import type { Kernels } from '../../types.js';
import type { JsMemory } from '../memory.js';
import { lossPass, type RowTerms } from './glm.js';

const huber: RowTerms = {
  loss: (z, t, eps) => {
    const r = z - t, h = Math.max(-eps, Math.min(eps, r));
    return h * (r - 0.5 * h);
  },
  coef: (z, t, eps) => Math.max(-eps, Math.min(eps, z - t)),
};

export function createKernels(memory: JsMemory): Pick<Kernels, 'huberLossGrad'> {
  return {
    huberLossGrad: (rows, cols, X, idx, y, sw, params, grad, epsilon) => lossPass(memory, huber, rows, cols, X, idx, y, sw, params, grad, epsilon),
  };
}
