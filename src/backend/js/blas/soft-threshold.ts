/** x ← sign(x)·max(|x| − t, 0), the L1 proximal step (twin of assembly/blas/soft-threshold.ts). */
import type { JsMemory } from '../memory.js';
import type { Kernels } from '../../types.js';

export function createKernels(memory: JsMemory): Pick<Kernels, 'softThreshold'> {
  return {
    softThreshold(n, t, x) {
      const m = memory.f64;
      const xi = x / 8;
      for (let i = 0; i < n; i++) {
        const v = m[xi + i];
        m[xi + i] = v > t ? v - t : v < -t ? v + t : 0;
      }
    },
  };
}
