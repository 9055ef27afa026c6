/**
 * Penalties on the weights (never the intercepts), with the API's objective:
 * 'l2': α/2‖w‖²; 'l1': α‖w‖₁; 'elasticnet': α(l1Ratio‖w‖₁ + (1 − l1Ratio)/2‖w‖²).
 * The smooth L2 part enters the gradient; the L1 part is applied as a proximal
 * (soft-threshold) step after each update, so weights become exactly zero.
 */
import type { Arena } from './runtime/arena.js';

export type PenaltyKind = 'none' | 'l2' | 'l1' | 'elasticnet';

export interface Penalty {
  kind: PenaltyKind;
  alpha: number;
  l1Ratio: number;
}

export const NO_PENALTY: Penalty = { kind: 'none', alpha: 0, l1Ratio: 0 };

/** Strength of the L2 part (α for 'l2', α(1 − l1Ratio) for 'elasticnet'). */
export function l2Strength(p: Penalty): number {
  if (p.kind === 'l2') return p.alpha;
  if (p.kind === 'elasticnet') return p.alpha * (1 - p.l1Ratio);
  return 0;
}

/** Strength of the L1 part (α for 'l1', α·l1Ratio for 'elasticnet'). */
export function l1Strength(p: Penalty): number {
  if (p.kind === 'l1') return p.alpha;
  if (p.kind === 'elasticnet') return p.alpha * p.l1Ratio;
  return 0;
}

/** The penalty's value on the first `count` parameters (the weights). */
export function penaltyValue(p: Penalty, weights: ArrayLike<number>, offset: number, count: number): number {
  const l2 = l2Strength(p), l1 = l1Strength(p);
  if (l2 === 0 && l1 === 0) return 0;
  let sq = 0, abs = 0;
  for (let i = 0; i < count; i++) {
    const w = weights[offset + i];
    sq += w * w;
    abs += Math.abs(w);
  }
  return 0.5 * l2 * sq + l1 * abs;
}

/** grad += l2·w on the weights (the smooth part's gradient), by the axpy kernel. */
export function addPenaltyGradient(arena: Arena, p: Penalty, count: number, params: number, grad: number): void {
  const l2 = l2Strength(p);
  if (l2 !== 0) arena.kernels.axpy(count, l2, params, grad);
}

/** w ← sign(w)·max(|w| − lr·l1, 0) on the weights: the proximal step of the L1 part (a kernel). */
export function applyL1Prox(arena: Arena, p: Penalty, lr: number, count: number, params: number): void {
  const threshold = lr * l1Strength(p);
  if (threshold !== 0) arena.kernels.softThreshold(count, threshold, params);
}
