/** The Poisson loss e^z − y·z with the log link, and its Hessian-vector product (twin of assembly/loss/poisson.ts). */
import type { Kernels } from '../../types.js';
import type { JsMemory } from '../memory.js';
import { hessVecPass, lossPass, type RowTerms } from './glm.js';

/** e^z capped where the wasm kernel caps it (POISSON_Z_MAX in assembly/loss/glm.ts). */
const POISSON_Z_MAX = 670;
const poissonExp = (z: number): number => Math.exp(Math.min(z, POISSON_Z_MAX));

const poisson: RowTerms = {
  loss: (z, t) => poissonExp(z) - t * z,
  coef: (z, t) => poissonExp(z) - t,
};

export function createKernels(memory: JsMemory): Pick<Kernels, 'poissonLossGrad' | 'poissonHessVec'> {
  return {
    poissonLossGrad: (rows, cols, X, idx, y, sw, params, grad) => lossPass(memory, poisson, rows, cols, X, idx, y, sw, params, grad, 0),
    poissonHessVec: (rows, cols, X, idx, sw, params, v, out) => hessVecPass(memory, poissonExp, rows, cols, X, idx, sw, params, v, out),
  };
}
