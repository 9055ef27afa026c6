/** The binary cross-entropy's Hessian-vector product Xᵀ·diag(s·σ(1 − σ))·X·v (twin of assembly/loss/logistic-hessvec.ts), on the shared pass of ./glm.ts. */
import type { Kernels } from '../../types.js';
import type { JsMemory } from '../memory.js';
import { hessVecPass } from './glm.js';

/** σ(z)(1 − σ(z)) = e / (1 + e)² with e = e^{−|z|}, which never overflows. */
function logisticCurvature(z: number): number {
  const e = Math.exp(-Math.abs(z));
  const d = 1 + e;
  return e / (d * d);
}

export function createKernels(memory: JsMemory): Pick<Kernels, 'logisticHessVec'> {
  return {
    logisticHessVec: (rows, cols, X, idx, sw, params, v, out) => hessVecPass(memory, logisticCurvature, rows, cols, X, idx, sw, params, v, out),
  };
}
