/** Multinomial cross-entropy (log-sum-exp) and its gradient over K classes (twin of assembly/loss/softmax.ts). */
import { expShiftAt, logitsAt } from './multinomial.js';
import type { JsMemory } from '../memory.js';
import type { Kernels } from '../../types.js';

export function createKernels(memory: JsMemory): Pick<Kernels, 'softmaxLossGrad'> {
  return {
    softmaxLossGrad(rows, cols, classes, X, idx, y, sw, params, grad, scratch) {
      const m = memory.f64, ix = memory.i32;
      const xi = X / 8, ii = idx / 4, yi = y / 8, si = sw / 8, pi = params / 8, gi = grad / 8, zi = scratch / 8;
      const gradBiasAt = gi + classes * cols;
      if (grad !== 0) m.fill(0, gi, gi + classes * (cols + 1));
      let loss = 0;
      for (let i = 0; i < rows; i++) {
        const r = idx === 0 ? i : ix[ii + i];
        const row = xi + r * cols;
        const s = sw === 0 ? 1 : m[si + r];
        const zMax = logitsAt(m, cols, classes, row, pi, zi);
        const target = m[yi + r];
        const zTarget = m[zi + target];
        const sumExp = expShiftAt(m, classes, zi, zMax);
        // log Σ_k e^{z_k} − z_y, computed as zMax + log Σ_k e^{z_k − zMax} − z_y (log-sum-exp).
        loss += s * (zMax + Math.log(sumExp) - zTarget);
        if (grad === 0) continue;
        const inv = 1 / sumExp;
        for (let k = 0; k < classes; k++) {
          const coef = s * (m[zi + k] * inv - (k === target ? 1 : 0));
          m[gradBiasAt + k] += coef;
          const gk = gi + k * cols;
          for (let j = 0; j < cols; j++) m[gk + j] += coef * m[row + j];
        }
      }
      return loss;
    },
  };
}
