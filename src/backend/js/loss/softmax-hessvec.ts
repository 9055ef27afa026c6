/** The multinomial cross-entropy's Hessian-vector product (twin of assembly/loss/softmax-hessvec.ts). */
import { expShiftAt, logitsAt } from './multinomial.js';
import type { JsMemory } from '../memory.js';
import type { Kernels } from '../../types.js';

export function createKernels(memory: JsMemory): Pick<Kernels, 'softmaxHessVec'> {
  return {
    softmaxHessVec(rows, cols, classes, X, idx, sw, params, v, out, scratch) {
      const m = memory.f64, ix = memory.i32;
      const xi = X / 8, ii = idx / 4, si = sw / 8, pi = params / 8, vi = v / 8, oi = out / 8;
      const zi = scratch / 8, ui = zi + classes; // p_k, then u_k
      const outBiasAt = oi + classes * cols;
      m.fill(0, oi, oi + classes * (cols + 1));
      for (let i = 0; i < rows; i++) {
        const r = idx === 0 ? i : ix[ii + i];
        const row = xi + r * cols;
        const s = sw === 0 ? 1 : m[si + r];
        const zMax = logitsAt(m, cols, classes, row, pi, zi);
        logitsAt(m, cols, classes, row, vi, ui);
        const inv = 1 / expShiftAt(m, classes, zi, zMax);
        let uBar = 0; // Σ_k p_k·u_k
        for (let k = 0; k < classes; k++) {
          const p = m[zi + k] * inv;
          m[zi + k] = p;
          uBar += p * m[ui + k];
        }
        for (let k = 0; k < classes; k++) {
          const coef = s * m[zi + k] * (m[ui + k] - uBar);
          m[outBiasAt + k] += coef;
          const ok = oi + k * cols;
          for (let j = 0; j < cols; j++) m[ok + j] += coef * m[row + j];
        }
      }
    },
  };
}
