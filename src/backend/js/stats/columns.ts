/** Column means, population variances, in-place affine maps, the first non-finite entry (twin of assembly/stats/columns.ts). */
import type { JsMemory } from '../memory.js';
import type { Kernels } from '../../types.js';

export function createKernels(memory: JsMemory): Pick<Kernels, 'colMeans' | 'colVariances' | 'affineColumns' | 'firstNonFinite'> {
  return {
    colMeans(rows, cols, A, out) {
      const m = memory.f64;
      const oi = out / 8;
      m.fill(0, oi, oi + cols);
      for (let i = 0, row = A / 8; i < rows; i++, row += cols) {
        for (let j = 0; j < cols; j++) m[oi + j] += m[row + j];
      }
      const inv = rows > 0 ? 1 / rows : 0;
      for (let j = 0; j < cols; j++) m[oi + j] *= inv;
    },

    colVariances(rows, cols, A, means, out) {
      const m = memory.f64;
      const oi = out / 8, mi = means / 8;
      m.fill(0, oi, oi + cols);
      for (let i = 0, row = A / 8; i < rows; i++, row += cols) {
        for (let j = 0; j < cols; j++) {
          const dev = m[row + j] - m[mi + j];
          m[oi + j] += dev * dev;
        }
      }
      const inv = rows > 0 ? 1 / rows : 0;
      for (let j = 0; j < cols; j++) m[oi + j] *= inv;
    },

    affineColumns(rows, cols, A, shift, scale) {
      const m = memory.f64;
      const si = shift / 8, ci = scale / 8;
      for (let i = 0, row = A / 8; i < rows; i++, row += cols) {
        if (shift !== 0) for (let j = 0; j < cols; j++) m[row + j] -= m[si + j];
        if (scale !== 0) for (let j = 0; j < cols; j++) m[row + j] *= m[ci + j];
      }
    },

    firstNonFinite(n, x) {
      const m = memory.f64;
      const xi = x / 8;
      for (let i = 0; i < n; i++) {
        if (!Number.isFinite(m[xi + i])) return i;
      }
      return -1;
    },
  };
}
