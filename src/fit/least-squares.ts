/**
 * Exact least squares and ridge on the arena: centre X and y (the intercept is never
 * penalised), then either the normal equation — Gram matrix by the kernels, Cholesky in JS —
 * or QR + SVD when the Gram matrix is singular or too ill-conditioned to trust.
 */
import type { Arena } from '../runtime/arena.js';
import { LinfitError } from '../errors.js';
import { choleskyInPlace, choleskySolve, conditionEstimate } from '../linalg/cholesky.js';
import { leastSquaresFromQr } from '../linalg/lstsq.js';
import type { Matrix } from '../matrix.js';
import { gramStats } from '../solvers/gram.js';

export type ExactSolver = 'auto' | 'normal' | 'qr';

/**
 * Above this estimated condition number of the equilibrated Gram matrix, 'auto' leaves the
 * normal equation for QR: the normal equation's relative error grows like cond(XᵀX)·ε, so
 * 1e8 keeps coefficients good to about 8 digits in the worst case (usually far better).
 */
export const MAX_NORMAL_CONDITION = 1e8;

export interface LeastSquaresFit {
  coef: Float64Array;
  intercept: number;
  solver: 'normal' | 'qr';
  /** Numerical rank of the (centred) X, from the SVD; only known when QR ran. */
  rank?: number;
  singularValues?: Float64Array;
  /** 1-norm condition estimate of the equilibrated Gram matrix, when the normal equation ran. */
  condition?: number;
}

export interface LeastSquaresOptions {
  fitIntercept: boolean;
  /** Ridge strength α of the objective mean ½r² + α/2‖w‖² (0 for ordinary least squares). */
  alpha: number;
  solver: ExactSolver;
}

export function fitLeastSquares(
  arena: Arena, X: Matrix, y: Float64Array, options: LeastSquaresOptions, sampleWeight?: Float64Array,
): LeastSquaresFit {
  const { rows: n, cols: d } = X;
  return arena.scope(() => {
    const stats = gramStats(arena, X, y, sampleWeight, options.fitIntercept, options.solver !== 'qr');
    // On the centred data, mean ½r² + α/2‖w‖² is minimised by (XᵀSX + Nα·I)·w = XᵀSy.
    const lambda = stats.weightSum * options.alpha;
    let fit: Omit<LeastSquaresFit, 'intercept'> | null = null;
    if (options.solver !== 'qr') {
      fit = solveNormal(arena, stats.gram, stats.xty, d, lambda, options.solver === 'normal');
    }
    if (!fit) {
      fit = { solver: 'qr', ...leastSquaresFromQr(...qrFactor(arena, stats.x, stats.y, n, d, sampleWeight), n, d, lambda) };
    }
    const intercept = stats.xMeans ? stats.yMean - dotJs(stats.xMeans, fit.coef) : 0;
    return { ...fit, intercept };
  });
}

/**
 * The normal equation. Returns null when 'auto' should fall back to QR; when the caller
 * insisted on 'normal' a singular system is an error instead.
 */
function solveNormal(
  arena: Arena, gramPtr: number, rhsPtr: number, d: number, lambda: number, insist: boolean,
): Omit<LeastSquaresFit, 'intercept'> | null {
  const gram = arena.read(gramPtr, d * d);
  const rhs = arena.read(rhsPtr, d);
  for (let j = 0; j < d; j++) gram[j * d + j] += lambda;

  // Equilibrate (unit diagonal) so the condition test ignores mere differences in column scale.
  const scale = new Float64Array(d);
  for (let j = 0; j < d; j++) {
    const g = gram[j * d + j];
    if (!(g > 0)) return singular(insist, `column ${j} of X is constant${lambda > 0 ? '' : ' (zero variance after centring)'}`);
    scale[j] = 1 / Math.sqrt(g);
  }
  for (let i = 0; i < d; i++) {
    for (let j = 0; j < d; j++) gram[i * d + j] *= scale[i] * scale[j];
  }
  const factor = Float64Array.from(gram);
  if (!choleskyInPlace(factor, d)) return singular(insist, 'XᵀX is not positive definite (collinear columns)');
  const condition = conditionEstimate(gram, factor, d);
  if (!insist && !(condition <= MAX_NORMAL_CONDITION)) return null;

  const coef = choleskySolve(factor, d, rhs.map((v, j) => v * scale[j]));
  for (let j = 0; j < d; j++) coef[j] *= scale[j];
  return { coef, solver: 'normal', condition };
}

/** Rows per qrAppend block: about 256 KB of X, which stays in cache while it is folded in. */
const QR_BLOCK_VALUES = 32768;

/**
 * R and Qᵀy of the centred X and y (in the arena, overwritten), block by block through the
 * qrAppend kernel; sample weights enter as √s row scaling (one JS pass over X).
 */
function qrFactor(arena: Arena, x: number, y: number, n: number, d: number, sampleWeight?: Float64Array): [Float64Array, Float64Array] {
  const k = arena.kernels;
  if (sampleWeight) {
    const m = arena.f64;
    for (let i = 0; i < n; i++) {
      const r = Math.sqrt(sampleWeight[i]);
      m[y / 8 + i] *= r;
      for (let j = 0; j < d; j++) m[x / 8 + i * d + j] *= r;
    }
  }
  const R = arena.zeros(d * d), qty = arena.zeros(d), w = arena.alloc(d);
  const block = Math.max(8, Math.floor(QR_BLOCK_VALUES / Math.max(d, 1)));
  for (let s = 0; s < n; s += block) k.qrAppend(Math.min(block, n - s), d, x + s * d * 8, y + s * 8, R, qty, w);
  return [arena.read(R, d * d), arena.read(qty, d)];
}

function singular(insist: boolean, why: string): null {
  if (insist) {
    throw new LinfitError('SINGULAR', `solver 'normal': ${why}; use solver 'qr' (minimum-norm least squares) or a ridge penalty`);
  }
  return null;
}

function dotJs(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}
