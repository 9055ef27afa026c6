/**
 * Cyclic coordinate descent for the elastic net on the Gram matrix (the "covariance" variant
 * scikit-learn uses when n ≫ d): with G = XᵀX and c = Xᵀy of the centred data it minimises
 *   ½‖y − Xw‖² + l1·‖w‖₁ + ½·l2·‖w‖²   (l1 = N·α·l1Ratio, l2 = N·α·(1 − l1Ratio), N = Σ s_i),
 * i.e. N times the API's objective. Each coordinate update is a soft-threshold and one axpy of
 * a Gram row into q = G·w. The stopping rule is scikit-learn's duality gap ≤ tol·‖y‖².
 */
import type { Arena } from '../runtime/arena.js';

export interface CdProblem {
  d: number;
  gram: number;
  xty: number;
  yy: number;
  l1: number;
  l2: number;
  positive: boolean;
}

export interface CdResult {
  iterations: number;
  gap: number;
  converged: boolean;
}

/**
 * Runs sweeps from the weights at `w` (a warm start; overwritten) with q = G·w kept in `q`.
 */
export function coordinateDescent(arena: Arena, p: CdProblem, w: number, q: number, { maxIter, tol }: { maxIter: number; tol: number }): CdResult {
  const { d, gram, xty, l1, l2, positive } = p;
  const k = arena.kernels;
  const gapTol = tol * p.yy;
  let gap = Infinity;
  for (let sweep = 1; sweep <= maxIter; sweep++) {
    let maxChange = 0, maxWeight = 0;
    for (let j = 0; j < d; j++) {
      const m = arena.f64;
      const gjj = m[gram / 8 + j * d + j];
      if (gjj === 0) continue; // a constant (centred-away) column keeps weight 0
      const old = m[w / 8 + j];
      const rho = m[xty / 8 + j] - m[q / 8 + j] + gjj * old;
      let next: number;
      if (positive) next = rho > l1 ? (rho - l1) / (gjj + l2) : 0;
      else next = rho > l1 ? (rho - l1) / (gjj + l2) : rho < -l1 ? (rho + l1) / (gjj + l2) : 0;
      if (next !== old) {
        m[w / 8 + j] = next;
        k.axpy(d, next - old, gram + j * d * 8, q); // q += Δ·G[j, :] (G is symmetric)
      }
      maxChange = Math.max(maxChange, Math.abs(next - old));
      maxWeight = Math.max(maxWeight, Math.abs(next));
    }
    // Like scikit-learn: the (costlier) gap only when the weights have nearly stopped moving.
    if (maxWeight === 0 || maxChange / maxWeight < tol || sweep === maxIter) {
      gap = dualityGap(arena, p, w, q);
      if (gap <= gapTol) return { iterations: sweep, gap, converged: true };
    }
  }
  return { iterations: maxIter, gap, converged: false };
}

/** The elastic net's duality gap in Gram form (scikit-learn's enet_coordinate_descent_gram). */
export function dualityGap(arena: Arena, p: CdProblem, w: number, q: number): number {
  const { d, xty, yy, l1, l2, positive } = p;
  const m = arena.f64;
  let wc = 0, wq = 0, wNorm2 = 0, wNorm1 = 0, dualNorm = 0;
  for (let j = 0; j < d; j++) {
    const wj = m[w / 8 + j];
    wc += wj * m[xty / 8 + j];
    wq += wj * m[q / 8 + j];
    wNorm2 += wj * wj;
    wNorm1 += Math.abs(wj);
    const xtA = m[xty / 8 + j] - m[q / 8 + j] - l2 * wj; // Xᵀ(y − Xw) − l2·w
    dualNorm = Math.max(dualNorm, positive ? xtA : Math.abs(xtA));
  }
  if (l1 === 0) {
    // Pure ridge: the dual point θ = r gives gap = wᵀ(Gw − c) + ½·l2‖w‖² + ‖c − Gw‖²/(2·l2).
    let residual2 = 0;
    for (let j = 0; j < d; j++) residual2 += (m[xty / 8 + j] - m[q / 8 + j]) ** 2;
    return Math.max(0, wq - wc + 0.5 * l2 * wNorm2 + residual2 / (2 * l2));
  }
  const rNorm2 = Math.max(0, yy - 2 * wc + wq);
  let scale = 1;
  let gap = rNorm2;
  if (dualNorm > l1) {
    scale = l1 / dualNorm;
    gap = 0.5 * (rNorm2 + rNorm2 * scale * scale);
  }
  gap += l1 * wNorm1 - scale * (yy - wc) + 0.5 * l2 * (1 + scale * scale) * wNorm2;
  return gap;
}
