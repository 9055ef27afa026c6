/** The Gamma loss y·e^{−z} + z with the log link (twin of assembly/loss/gamma.ts). */
import type { Kernels } from '../../types.js';
import type { JsMemory } from '../memory.js';
import { lossPass, type RowTerms } from './glm.js';

const gammaExp = (z: number): number => Math.exp(Math.min(-z, 670));
const gamma: RowTerms = {
  loss: (z, t) => t * gammaExp(z) + z,
  coef: (z, t) => 1 - t * gammaExp(z),
};

export function createKernels(memory: JsMemory): Pick<Kernels, 'gammaLossGrad'> {
  return {
    gammaLossGrad: (rows, cols, X, idx, y, sw, params, grad) => lossPass(memory, gamma, rows, cols, X, idx, y, sw, params, grad, 0),
  };
}
