/**
 * Elastic net / lasso / ridge by Gram-based coordinate descent, for one α or a whole path of
 * them with warm starts.
 */
import type { Arena } from '../runtime/arena.js';
import { LinfitError } from '../errors.js';
import type { Matrix } from '../matrix.js';
import { coordinateDescent, type CdResult } from '../solvers/coordinate-descent.js';
import { gramStats, type GramStats } from '../solvers/gram.js';

export interface CdOptions {
  fitIntercept: boolean;
  l1Ratio: number;
  positive: boolean;
  maxIter: number;
  tol: number;
}

export interface CdFit extends CdResult {
  coef: Float64Array;
  intercept: number;
}

/** One fit at strength α (the API's objective: mean ½r² + α(l1Ratio‖w‖₁ + (1 − l1Ratio)/2‖w‖²)). */
export function fitElasticNet(arena: Arena, X: Matrix, y: Float64Array, sampleWeight: Float64Array | undefined, alpha: number, o: CdOptions): CdFit {
  return arena.scope(() => {
    const stats = gramStats(arena, X, y, sampleWeight, o.fitIntercept);
    const w = arena.zeros(stats.d), q = arena.zeros(stats.d);
    const result = solveAt(arena, stats, alpha, o, w, q);
    const coef = arena.read(w, stats.d);
    return { ...result, coef, intercept: interceptOf(stats, coef) };
  });
}

export interface PathResult {
  alphas: Float64Array;
  coefs: Float64Array;
  intercepts: Float64Array;
  gaps: Float64Array;
  iterations: Int32Array;
}

/**
 * The path over `alphas` (largest first), or nAlphas log-spaced values from α_max — the
 * smallest α with all weights zero, max|Xᵀy|/(N·l1Ratio) — down to eps·α_max. Each fit starts
 * from the previous answer.
 */
export function elasticNetPath(
  arena: Arena, X: Matrix, y: Float64Array, sampleWeight: Float64Array | undefined,
  grid: { alphas?: Float64Array; nAlphas: number; eps: number }, o: CdOptions,
): PathResult {
  return arena.scope(() => {
    const stats = gramStats(arena, X, y, sampleWeight, o.fitIntercept);
    const d = stats.d;
    let alphas = grid.alphas;
    if (!alphas) {
      if (o.l1Ratio === 0) throw new LinfitError('BAD_OPTION', 'lassoPath: an automatic α grid needs l1Ratio > 0; pass alphas for ridge');
      const xty = arena.read(stats.xty, d);
      const alphaMax = xty.reduce((mx, v) => Math.max(mx, o.positive ? v : Math.abs(v)), 0) / (stats.weightSum * o.l1Ratio);
      alphas = new Float64Array(grid.nAlphas);
      for (let i = 0; i < grid.nAlphas; i++) {
        alphas[i] = grid.nAlphas === 1 ? alphaMax : alphaMax * grid.eps ** (i / (grid.nAlphas - 1));
      }
    }
    const w = arena.zeros(d), q = arena.zeros(d);
    const coefs = new Float64Array(alphas.length * d);
    const intercepts = new Float64Array(alphas.length);
    const gaps = new Float64Array(alphas.length);
    const iterations = new Int32Array(alphas.length);
    alphas.forEach((alpha, i) => {
      const r = solveAt(arena, stats, alpha, o, w, q);
      const coef = arena.read(w, d);
      coefs.set(coef, i * d);
      intercepts[i] = interceptOf(stats, coef);
      gaps[i] = r.gap;
      iterations[i] = r.iterations;
    });
    return { alphas, coefs, intercepts, gaps, iterations };
  });
}

function solveAt(arena: Arena, stats: GramStats, alpha: number, o: CdOptions, w: number, q: number): CdResult {
  const N = stats.weightSum;
  return coordinateDescent(
    arena,
    { d: stats.d, gram: stats.gram, xty: stats.xty, yy: stats.yy, l1: N * alpha * o.l1Ratio, l2: N * alpha * (1 - o.l1Ratio), positive: o.positive },
    w, q, { maxIter: o.maxIter, tol: o.tol },
  );
}

function interceptOf(stats: GramStats, coef: Float64Array): number {
  if (!stats.xMeans) return 0;
  let s = stats.yMean;
  for (let j = 0; j < coef.length; j++) s -= stats.xMeans[j] * coef[j];
  return s;
}
