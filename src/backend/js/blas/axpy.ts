/** y ← a·x + y (twin of assembly/blas/axpy.ts). */
import type { JsMemory } from '../memory.js';
import type { Kernels } from '../../types.js';

export function createKernels(memory: JsMemory): Pick<Kernels, 'axpy'> {
  return {
    axpy(n, a, x, y) {
      const m = memory.f64;
      const xi = x / 8, yi = y / 8;
      for (let i = 0; i < n; i++) m[yi + i] += a * m[xi + i];
    },
  };
}
