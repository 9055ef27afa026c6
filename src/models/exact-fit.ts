/**
 * The exact solvers (L-BFGS and Newton–CG for smooth objectives, accelerated proximal gradient
 * with an L1 term): copy the data in once, start from zero, iterate until the gradient's (or
 * the gradient mapping's) max-norm is ≤ tol.
 */
import type { Arena } from '../runtime/arena.js';
import { l1Strength, l2Strength } from '../penalty.js';
import { fista } from '../solvers/fista.js';
import { lbfgs, type ExactResult } from '../solvers/lbfgs.js';
import { newtonCg } from '../solvers/newton.js';
import { smoothObjective } from '../solvers/objective.js';
import { loadProblem, type GradientData, type GradientProblem } from './gradient-fit.js';

export type ExactMethod = 'lbfgs' | 'newton' | 'proximal';

export function runExact(
  arena: Arena, data: GradientData, problem: GradientProblem, method: ExactMethod,
  options: { maxIter: number; tol: number; start?: Float64Array },
): ExactResult & { params: Float64Array } {
  return arena.scope(() => {
    const loaded = loadProblem(arena, data, problem);
    // The L1 part is handled by the proximal step; the rest of the objective is smooth.
    const l1 = l1Strength(problem.penalty);
    const smoothPart = { ...loaded, penalty: { kind: 'l2' as const, alpha: l2Strength(problem.penalty), l1Ratio: 0 } };
    const objective = smoothObjective(arena, smoothPart);
    const params = options.start ? arena.copyIn(options.start) : arena.zeros(objective.size);
    const limits = { maxIter: options.maxIter, tol: options.tol };
    const result = method === 'proximal'
      ? fista(arena, objective, l1, loaded.weightCount, params, limits)
      : (method === 'lbfgs' ? lbfgs : newtonCg)(arena, objective, params, limits);
    return { ...result, params: arena.read(params, objective.size) };
  });
}
