/**
 * Binary cross-entropy softplus(z) − y·z and its gradient; grad = 0 skips the gradient half (twin of assembly/loss/logistic.ts): one pass over the selected rows, row at a time
 * (dot, scalar term, axpy into the output while the row is in cache). Rows come from `idx`
 * (int32 row indices) unless it is 0. Written out by hand: the benchmarks' baseline, and the
 * shared RowTerms pass of ./glm.ts measured 8–13% slower for it.
 */
import { dotAt } from '../blas/dot.js';
import { sigmoid, softplus } from '../math/exp.js';
import type { JsMemory } from '../memory.js';
import type { Kernels } from '../../types.js';

export function createKernels(memory: JsMemory): Pick<Kernels, 'logisticLossGrad'> {
  return {
    logisticLossGrad(rows, cols, X, idx, y, sw, params, grad) {
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
        const target = m[yi + r];
        loss += s * (softplus(z) - target * z);
        if (grad !== 0) {
          const coef = s * (sigmoid(z) - target);
          gb += coef;
          for (let j = 0; j < cols; j++) m[gi + j] += coef * m[row + j];
        }
      }
      if (grad !== 0) m[gi + cols] = gb;
      return loss;
    },
  };
}
