/** One step of the incremental Householder QR (twin of assembly/linalg/qr.ts, which explains it). */
import type { Kernels } from '../../types.js';
import type { JsMemory } from '../memory.js';

export function createKernels(memory: JsMemory): Pick<Kernels, 'qrAppend'> {
  return {
    qrAppend(rows, cols, B, y, R, qty, w) {
      const m = memory.f64;
      const bi = B / 8, yi = y / 8, ri = R / 8, qi = qty / 8, wi = w / 8;
      for (let k = 0; k < cols; k++) {
        const rk = ri + k * cols;
        const x0 = m[rk + k];
        let scale = Math.abs(x0);
        for (let i = 0; i < rows; i++) scale = Math.max(scale, Math.abs(m[bi + i * cols + k]));
        if (scale === 0) continue;
        let norm2 = (x0 / scale) ** 2;
        for (let i = 0; i < rows; i++) {
          const v = m[bi + i * cols + k] / scale;
          norm2 += v * v;
        }
        const alpha = -(x0 >= 0 ? 1 : -1) * scale * Math.sqrt(norm2);
        const v0 = x0 - alpha;
        const tau = 1 / (Math.abs(alpha) * (Math.abs(alpha) + Math.abs(x0)));
        for (let j = k + 1; j < cols; j++) m[wi + j] = v0 * m[rk + j];
        let wy = v0 * m[qi + k];
        for (let i = 0; i < rows; i++) {
          const row = bi + i * cols;
          const b = m[row + k];
          if (b !== 0) for (let j = k + 1; j < cols; j++) m[wi + j] += b * m[row + j];
          wy += b * m[yi + i];
        }
        for (let j = k + 1; j < cols; j++) m[rk + j] -= tau * v0 * m[wi + j];
        m[qi + k] -= tau * v0 * wy;
        for (let i = 0; i < rows; i++) {
          const row = bi + i * cols;
          const c = tau * m[row + k];
          if (c === 0) continue;
          for (let j = k + 1; j < cols; j++) m[row + j] -= c * m[wi + j];
          m[yi + i] -= c * wy;
        }
        m[rk + k] = alpha;
      }
    },
  };
}
