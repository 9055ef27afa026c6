/** The per-row pieces of the softmax kernels: the K logits of a row and their shifted exponentials (twin of assembly/loss/multinomial.ts). */
import { dotAt } from '../blas/dot.js';

/**
 * z_k = x·W_k + b_k for the K classes, into m[zi‥zi+K) (W: K rows of `cols` at pi, then the K
 * biases); returns max_k z_k.
 */
export function logitsAt(m: Float64Array, cols: number, classes: number, row: number, pi: number, zi: number): number {
  const biasAt = pi + classes * cols;
  let zMax = -Infinity;
  for (let k = 0; k < classes; k++) {
    const z = dotAt(m, cols, row, pi + k * cols) + m[biasAt + k];
    m[zi + k] = z;
    if (z > zMax) zMax = z;
  }
  return zMax;
}

/** z_k ← e^{z_k − zMax} in place; returns their sum. */
export function expShiftAt(m: Float64Array, classes: number, zi: number, zMax: number): number {
  let sum = 0;
  for (let k = 0; k < classes; k++) {
    const e = Math.exp(m[zi + k] - zMax);
    m[zi + k] = e;
    sum += e;
  }
  return sum;
}
