/** y ← A·x + bias and out ← Aᵀ·r (twin of assembly/blas/gemv.ts). */
import { dotAt } from './dot.js';
import type { JsMemory } from '../memory.js';
import type { Kernels } from '../../types.js';

export function createKernels(memory: JsMemory): Pick<Kernels, 'gemv' | 'gemvT'> {
  return {
    gemv(rows, cols, A, x, bias, y) {
      const m = memory.f64;
      const xi = x / 8, yi = y / 8;
      for (let i = 0, row = A / 8; i < rows; i++, row += cols) {
        m[yi + i] = dotAt(m, cols, row, xi) + bias;
      }
    },

    gemvT(rows, cols, A, r, out) {
      const m = memory.f64;
      const ri = r / 8, oi = out / 8;
      m.fill(0, oi, oi + cols);
      for (let i = 0, row = A / 8; i < rows; i++, row += cols) {
        const ri_ = m[ri + i];
        if (ri_ !== 0) for (let j = 0; j < cols; j++) m[oi + j] += ri_ * m[row + j];
      }
    },
  };
}
