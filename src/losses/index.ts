/**
 * The loss modules shared by every iterative solver: each sums its loss (and gradient) over a
 * set of rows with one fused kernel call. Data lives in the arena; parameters use the kernels'
 * layout ([w, b] for one output, [W (K×d), b_1‥b_K] for K outputs).
 */
import type { Arena } from '../runtime/arena.js';

export type LossName = 'squared' | 'logistic' | 'softmax' | 'poisson' | 'huber';

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
  readonly name: LossName;
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

export const squaredLoss: Loss = {
  name: 'squared',
  outputs: 1,
  size: (cols) => cols + 1,
  sum: (arena, d, count, idx, params, grad) =>
    arena.kernels.squaredLossGrad(count, d.cols, d.x, idx, d.y, d.sw, params, grad),
};

export const logisticLoss: Loss = {
  name: 'logistic',
  outputs: 1,
  size: (cols) => cols + 1,
  sum: (arena, d, count, idx, params, grad) =>
    arena.kernels.logisticLossGrad(count, d.cols, d.x, idx, d.y, d.sw, params, grad),
  hessVec: (arena, d, count, idx, params, v, out) =>
    arena.kernels.logisticHessVec(count, d.cols, d.x, idx, d.sw, params, v, out),
};

/** Multinomial cross-entropy over K classes; scratch space for the kernels is allocated once. */
export function softmaxLoss(arena: Arena, classes: number): Loss {
  const scratch = arena.alloc(2 * classes);
  return {
    name: 'softmax',
    outputs: classes,
    size: (cols) => classes * (cols + 1),
    sum: (a, d, count, idx, params, grad) =>
      a.kernels.softmaxLossGrad(count, d.cols, classes, d.x, idx, d.y, d.sw, params, grad, scratch),
    hessVec: (a, d, count, idx, params, v, out) =>
      a.kernels.softmaxHessVec(count, d.cols, classes, d.x, idx, d.sw, params, v, out, scratch),
  };
}

export { poissonLoss } from './poisson.js';
export { huberLoss } from './huber.js';
