/**
 * The full objective of a problem (mean loss over all rows + penalty) and its gradient, by one
 * fused kernel pass: what exact solvers minimise and what gradient checks compare against.
 */
import type { Arena } from '../arena.js';
import { addPenaltyGradient, l1Strength, penaltyValue } from '../penalty.js';
import type { Problem } from './gradient.js';

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
