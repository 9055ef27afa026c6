/** x ← a·x (twin of assembly/blas/scal.ts). */
import type { JsMemory } from '../memory.js';
import type { Kernels } from '../../types.js';

export function createKernels(memory: JsMemory): Pick<Kernels, 'scal'> {
  return {
    scal(n, a, x) {
      const m = memory.f64;
      const xi = x / 8;
      for (let i = 0; i < n; i++) m[xi + i] *= a;
    },
  };
}
