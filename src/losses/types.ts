/**
 * What a loss module gives the solvers: its name, its output count and its fused kernel calls
 * over rows in the arena (each loss module — squared.ts, logistic.ts, … — also exports its
 * inverse link for predictions). Parameters use the kernels' layout ([w, b] for one output, [W (K×d), b_1‥b_K] for K).
 */
import type { Kernels } from '../backend/types.js';
import type { Arena } from '../runtime/arena.js';

/** The training data as pointers into the arena. */
export interface ArenaData {
  rows: number;
  cols: number;
  x: number;
  /** Targets: values (squared), 0/1 (logistic) or class indices (softmax), as float64. */
  y: number;
  /** Sample weights, or 0 for all ones. */
  sw: number;
  /** Sum of the sample weights over all rows (rows when unweighted). */
  weightSum: number;
}

export interface Loss {
  /** For messages. */
  readonly name: string;
  /** Outputs per row: 1, or K for softmax. */
  readonly outputs: number;
  /** Parameter count for d features: outputs·(d + 1). */
  size(cols: number): number;
  /**
   * Σ s_i·loss_i over `count` rows (selected by `idx` as the kernels define), writing the summed
   * gradient to `grad` unless it is 0.
   */
  sum(arena: Arena, data: ArenaData, count: number, idx: number, params: number, grad: number): number;
  /** Hessian-vector product of the summed loss (for Newton solvers), when the loss has one. */
  hessVec?(arena: Arena, data: ArenaData, count: number, idx: number, params: number, v: number, out: number): void;
}

/**
 * A one-output loss ([w, b]: d + 1 parameters) from its kernel calls: `sum` returns the summed
 * loss over `count` rows and writes the gradient (grad ≠ 0); `hessVec`, when given, the Hv product.
 */
export function oneOutputLoss(
  name: string,
  sum: (k: Kernels, d: ArenaData, count: number, idx: number, params: number, grad: number) => number,
  hessVec?: (k: Kernels, d: ArenaData, count: number, idx: number, params: number, v: number, out: number) => void,
): Loss {
  const loss: Loss = {
    name,
    outputs: 1,
    size: (cols) => cols + 1,
    sum: (arena, d, count, idx, params, grad) => sum(arena.kernels, d, count, idx, params, grad),
  };
  if (hessVec) loss.hessVec = (arena, d, count, idx, params, v, out) => hessVec(arena.kernels, d, count, idx, params, v, out);
  return loss;
}
