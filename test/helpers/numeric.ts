import { expect } from 'vitest';
import { Random } from '../../src/random.js';

/** Asserts |actual − expected| ≤ tol·max(1, |expected|) entry by entry. */
export function expectClose(actual: ArrayLike<number>, expected: ArrayLike<number>, tol: number): void {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) {
    const err = Math.abs(actual[i] - expected[i]) / Math.max(1, Math.abs(expected[i]));
    if (!(err <= tol)) {
      throw new Error(`entry ${i}: ${actual[i]} vs expected ${expected[i]} (scaled error ${err.toExponential(2)} > ${tol})`);
    }
  }
}

/** Relative error max|a − b| / max|b|, for comparing whole vectors. */
export function relativeError(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let num = 0, den = 0;
  for (let i = 0; i < b.length; i++) {
    num = Math.max(num, Math.abs(a[i] - b[i]));
    den = Math.max(den, Math.abs(b[i]));
  }
  return num / (den || 1);
}

/** n×d matrix of seeded standard normals, as rows. */
export function randomRows(n: number, d: number, seed: number): number[][] {
  const random = new Random(seed);
  return Array.from({ length: n }, () => Array.from({ length: d }, () => random.normal()));
}

/**
 * Solves A·x = b by Gaussian elimination with partial pivoting: a deliberately plain
 * reference, independent of linfit's solvers.
 */
export function solveDense(A: number[][], b: number[]): number[] {
  const n = b.length;
  const m = A.map((row, i) => [...row, b[i]]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r][c]) > Math.abs(m[p][c])) p = r;
    [m[c], m[p]] = [m[p], m[c]];
    for (let r = c + 1; r < n; r++) {
      const f = m[r][c] / m[c][c];
      for (let k = c; k <= n; k++) m[r][k] -= f * m[c][k];
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    let s = m[r][n];
    for (let k = r + 1; k < n; k++) s -= m[r][k] * x[k];
    x[r] = s / m[r][r];
  }
  return x;
}
