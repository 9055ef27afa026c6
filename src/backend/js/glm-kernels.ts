/**
 * The one-output GLM losses added on the shared row pass (the JS twin of assembly/loss/glm.ts
 * for Poisson and Huber): one pass over the selected rows, z = x·w + b, then the loss's
 * per-row term and its coefficient, added into the gradient while the row is in cache.
 * A new one-output loss is one `RowTerms` here and one kernel entry below.
 */
import type { Kernels } from '../types.js';
import { dotAt } from './loss-kernels.js';
import type { JsMemory } from './memory.js';

export type GlmKernels = Pick<Kernels, 'poissonLossGrad' | 'poissonHessVec' | 'huberLossGrad'>;

/** Per-row terms of a loss: its value and its derivative in z for target t (param: the loss's parameter). */
interface RowTerms {
  loss(z: number, t: number, param: number): number;
  coef(z: number, t: number, param: number): number;
}

/** e^z capped where the wasm kernel caps it (POISSON_Z_MAX in assembly/loss/glm.ts). */
const POISSON_Z_MAX = 670;
const poissonExp = (z: number): number => Math.exp(Math.min(z, POISSON_Z_MAX));

const poisson: RowTerms = {
  loss: (z, t) => poissonExp(z) - t * z,
  coef: (z, t) => poissonExp(z) - t,
};

const huber: RowTerms = {
  loss: (z, t, eps) => {
    const r = z - t, h = Math.max(-eps, Math.min(eps, r));
    return h * (r - 0.5 * h);
  },
  coef: (z, t, eps) => Math.max(-eps, Math.min(eps, z - t)),
};

export function createJsGlmKernels(memory: JsMemory): GlmKernels {
  /** Σ s·loss over the rows, and (grad ≠ 0) grad = Σ s·coef·[x, 1]. */
  const lossPass = (
    terms: RowTerms, rows: number, cols: number, X: number, idx: number, y: number, sw: number,
    params: number, grad: number, param: number,
  ): number => {
    const m = memory.f64, ix = memory.i32;
    const xi = X / 8, ii = idx / 4, yi = y / 8, si = sw / 8, pi = params / 8, gi = grad / 8;
    const b = m[pi + cols];
    if (grad !== 0) m.fill(0, gi, gi + cols + 1);
    let loss = 0, gb = 0;
    for (let i = 0; i < rows; i++) {
      const r = idx === 0 ? i : ix[ii + i];
      const row = xi + r * cols;
      const s = sw === 0 ? 1 : m[si + r];
      const z = dotAt(m, cols, row, pi) + b;
      const t = m[yi + r];
      loss += s * terms.loss(z, t, param);
      if (grad !== 0) {
        const c = s * terms.coef(z, t, param);
        gb += c;
        for (let j = 0; j < cols; j++) m[gi + j] += c * m[row + j];
      }
    }
    if (grad !== 0) m[gi + cols] = gb;
    return loss;
  };

  return {
    poissonLossGrad: (rows, cols, X, idx, y, sw, params, grad) => lossPass(poisson, rows, cols, X, idx, y, sw, params, grad, 0),
    huberLossGrad: (rows, cols, X, idx, y, sw, params, grad, epsilon) => lossPass(huber, rows, cols, X, idx, y, sw, params, grad, epsilon),

    poissonHessVec(rows, cols, X, idx, sw, params, v, out) {
      const m = memory.f64, ix = memory.i32;
      const xi = X / 8, ii = idx / 4, si = sw / 8, pi = params / 8, vi = v / 8, oi = out / 8;
      const b = m[pi + cols], c = m[vi + cols];
      m.fill(0, oi, oi + cols + 1);
      let ob = 0;
      for (let i = 0; i < rows; i++) {
        const r = idx === 0 ? i : ix[ii + i];
        const row = xi + r * cols;
        const s = sw === 0 ? 1 : m[si + r];
        const coef = s * poissonExp(dotAt(m, cols, row, pi) + b) * (dotAt(m, cols, row, vi) + c);
        ob += coef;
        for (let j = 0; j < cols; j++) m[oi + j] += coef * m[row + j];
      }
      m[oi + cols] = ob;
    },
  };
}
