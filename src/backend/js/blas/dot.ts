/** x·y (twin of assembly/blas/dot.ts); dotAt is the row dot every JS loss kernel uses. */
import type { JsMemory } from '../memory.js';
import type { Kernels } from '../../types.js';

export function createKernels(memory: JsMemory): Pick<Kernels, 'dot'> {
  return {
    dot(n, x, y) {
      return dotAt(memory.f64, n, x / 8, y / 8);
    },
  };
}

/** Σ x_i·y_i over n entries at float64 indices xi and yi. */
export function dotAt(m: Float64Array, n: number, xi: number, yi: number): number {
  // Four partial sums: shorter dependency chains than one running sum.
  let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    s0 += m[xi + i] * m[yi + i];
    s1 += m[xi + i + 1] * m[yi + i + 1];
    s2 += m[xi + i + 2] * m[yi + i + 2];
    s3 += m[xi + i + 3] * m[yi + i + 3];
  }
  for (; i < n; i++) s0 += m[xi + i] * m[yi + i];
  return s0 + s1 + (s2 + s3);
}
