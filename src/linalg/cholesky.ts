/**
 * Dense symmetric positive-definite solves for the normal equations (d×d, row-major). These
 * are O(d³) on a matrix that fits in cache, so they stay in TypeScript; the O(n·d²) work of
 * forming the Gram matrix is the kernels'.
 */

/**
 * Overwrites the lower triangle of `a` with L where A = L·Lᵀ. Returns false when A is not
 * (numerically) positive definite; `a` is then partly overwritten.
 */
export function choleskyInPlace(a: Float64Array, d: number): boolean {
  for (let j = 0; j < d; j++) {
    const rowJ = j * d;
    let diag = a[rowJ + j];
    for (let k = 0; k < j; k++) diag -= a[rowJ + k] * a[rowJ + k];
    if (!(diag > 0)) return false;
    const ljj = Math.sqrt(diag);
    a[rowJ + j] = ljj;
    for (let i = j + 1; i < d; i++) {
      const rowI = i * d;
      let s = a[rowI + j];
      for (let k = 0; k < j; k++) s -= a[rowI + k] * a[rowJ + k];
      a[rowI + j] = s / ljj;
    }
  }
  return true;
}

/** Solves L·Lᵀ·x = b given the factor from choleskyInPlace; returns a new vector. */
export function choleskySolve(l: Float64Array, d: number, b: ArrayLike<number>): Float64Array {
  const x = Float64Array.from(b);
  for (let i = 0; i < d; i++) {
    let s = x[i];
    for (let k = 0; k < i; k++) s -= l[i * d + k] * x[k];
    x[i] = s / l[i * d + i];
  }
  for (let i = d - 1; i >= 0; i--) {
    let s = x[i];
    for (let k = i + 1; k < d; k++) s -= l[k * d + i] * x[k];
    x[i] = s / l[i * d + i];
  }
  return x;
}

/**
 * Estimates the 1-norm condition number ‖A‖₁·‖A⁻¹‖₁ of a symmetric positive-definite A from
 * its Cholesky factor, with Hager's method (as LAPACK's xPOCON does): a few solves, O(d²).
 */
export function conditionEstimate(a: Float64Array, l: Float64Array, d: number): number {
  let normA = 0;
  for (let j = 0; j < d; j++) {
    let s = 0;
    for (let i = 0; i < d; i++) s += Math.abs(a[i * d + j]);
    normA = Math.max(normA, s);
  }
  let x = new Float64Array(d).fill(1 / d);
  let estimate = 0;
  for (let iter = 0; iter < 5; iter++) {
    const y = choleskySolve(l, d, x);
    estimate = y.reduce((s, v) => s + Math.abs(v), 0);
    const z = choleskySolve(l, d, y.map((v) => (v >= 0 ? 1 : -1)));
    let jMax = 0, zx = 0;
    for (let i = 0; i < d; i++) {
      if (Math.abs(z[i]) > Math.abs(z[jMax])) jMax = i;
      zx += z[i] * x[i];
    }
    if (Math.abs(z[jMax]) <= zx) break;
    x = new Float64Array(d);
    x[jMax] = 1;
  }
  return normA * estimate;
}
