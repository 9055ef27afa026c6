/**
 * The full objective of a problem (mean loss over all rows + penalty) and its gradient, by one
 * fused kernel pass: what exact solvers minimise and what gradient checks compare against.
 */
import type { Arena } from '../runtime/arena.js';
import { addPenaltyGradient, l1Strength, l2Strength, penaltyValue } from '../penalty.js';
import type { Problem } from './gradient.js';
import type { TwiceDifferentiable } from './newton.js';

/**
 * Returns the objective at `params` and writes its gradient to `grad` (unless 0). The L1 part,
 * not differentiable at 0, contributes α·l1Ratio·sign(w) — its derivative wherever w ≠ 0.
 */
export function evaluateObjective(arena: Arena, problem: Problem, params: number, grad: number): number {
  const { loss, data, penalty, weightCount, freezeIntercepts } = problem;
  const size = loss.size(data.cols);
  const k = arena.kernels;
  let value = loss.sum(arena, data, data.rows, 0, params, grad) / data.weightSum;
  value += penaltyValue(penalty, arena.f64, params / 8, weightCount);
  if (grad === 0) return value;
  k.scal(size, 1 / data.weightSum, grad);
  addPenaltyGradient(arena, penalty, weightCount, params, grad);
  const l1 = l1Strength(penalty);
  const m = arena.f64;
  if (l1 !== 0) {
    for (let i = 0; i < weightCount; i++) m[grad / 8 + i] += l1 * Math.sign(m[params / 8 + i]);
  }
  if (freezeIntercepts) m.fill(0, grad / 8 + weightCount, grad / 8 + size);
  return value;
}

/** The problem's smooth objective (no L1 part) with Hessian-vector products, for L-BFGS and Newton. */
export function smoothObjective(arena: Arena, problem: Problem): TwiceDifferentiable {
  const { loss, data, penalty, weightCount, freezeIntercepts } = problem;
  const size = loss.size(data.cols);
  const l2 = l2Strength(penalty);
  return {
    size,
    evaluate: (x, grad) => evaluateObjective(arena, problem, x, grad),
    hessVec: (x, v, out) => {
      if (!loss.hessVec) throw new Error(`the ${loss.name} loss has no Hessian-vector product`);
      loss.hessVec(arena, data, data.rows, 0, x, v, out);
      arena.kernels.scal(size, 1 / data.weightSum, out);
      if (l2 !== 0) arena.kernels.axpy(weightCount, l2, v, out);
      if (freezeIntercepts) arena.f64.fill(0, out / 8 + weightCount, out / 8 + size);
    },
  };
}
