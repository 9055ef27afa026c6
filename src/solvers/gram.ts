/**
 * The sufficient statistics of a (weighted) least-squares problem, by the kernels: centre X and y
 * with the weighted means (when fitting an intercept), then G = XcᵀSXc, c = XcᵀS·yc and
 * yy = ycᵀS·yc. The normal equation and Gram-based coordinate descent both start from these.
 */
import type { Arena } from '../runtime/arena.js';
import type { Matrix } from '../matrix.js';

export interface GramStats {
  d: number;
  /** Pointers into the arena (valid for the caller's scope). */
  gram: number;
  xty: number;
  yy: number;
  /** Σ s_i (n when unweighted). */
  weightSum: number;
  xMeans: Float64Array | null;
  yMean: number;
  /** The centred X and y in the arena, for solvers that need the data itself. */
  x: number;
  y: number;
}

/** `withGram` false: only the centred copies and the means (for QR, which never forms XᵀX); gram and xty are then 0. */
export function gramStats(
  arena: Arena, X: Matrix, y: Float64Array, sampleWeight: Float64Array | undefined, fitIntercept: boolean, withGram = true,
): GramStats {
  const { rows: n, cols: d } = X;
  const k = arena.kernels;
  // The Gram matrix and its vectors, and room for a QR factor (R, Qᵀy, scratch) should the
  // normal equation be refused: nothing grows the memory while X is live.
  arena.reserve(n * d + 3 * n + 2 * d * d + 8 * d, 13);
  const x = arena.copyInFinite(X, 'X');
  const sw = sampleWeight ? arena.copyIn(sampleWeight) : 0;
  const weightSum = sampleWeight ? sampleWeight.reduce((s, v) => s + v, 0) : n;
  let xMeans: Float64Array | null = null;
  let yMean = 0;
  const yc = new Float64Array(y);
  if (fitIntercept) {
    const means = arena.alloc(d);
    if (sw) {
      k.gemvT(n, d, x, sw, means); // Σ s_i x_i
      k.scal(d, 1 / weightSum, means);
    } else {
      k.colMeans(n, d, x, means);
    }
    k.affineColumns(n, d, x, means, 0);
    xMeans = arena.read(means, d);
    for (let i = 0; i < n; i++) yMean += (sampleWeight ? sampleWeight[i] : 1) * y[i];
    yMean /= weightSum;
    for (let i = 0; i < n; i++) yc[i] -= yMean;
  }
  const yPtr = arena.copyIn(yc);
  if (!withGram) return { d, gram: 0, xty: 0, yy: 0, weightSum, xMeans, yMean, x, y: yPtr };
  const gram = arena.alloc(d * d);
  const xty = arena.alloc(d);
  let yy = 0;
  if (sw) {
    k.weightedGram(n, d, x, sw, gram);
    const weighted = yc.map((v, i) => v * sampleWeight![i]);
    const wy = arena.copyIn(weighted);
    k.gemvT(n, d, x, wy, xty);
    for (let i = 0; i < n; i++) yy += weighted[i] * yc[i];
  } else {
    k.gram(n, d, x, gram);
    k.gemvT(n, d, x, yPtr, xty);
    for (let i = 0; i < n; i++) yy += yc[i] * yc[i];
  }
  return { d, gram, xty, yy, weightSum, xMeans, yMean, x, y: yPtr };
}
