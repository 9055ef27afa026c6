/**
 * The exact solvers of a smooth problem (L-BFGS, Newton–CG): copy the data in once, start
 * from zero, iterate until the gradient's max-norm is ≤ tol.
 */
import type { Arena } from '../arena.js';
import { lbfgs, type ExactResult } from '../solvers/lbfgs.js';
import { newtonCg } from '../solvers/newton.js';
import { smoothObjective } from '../solvers/objective.js';
import { loadProblem, type GradientData, type GradientProblem } from './gradient-fit.js';

export type ExactMethod = 'lbfgs' | 'newton';

export function runExact(
  arena: Arena, data: GradientData, problem: GradientProblem, method: ExactMethod,
  options: { maxIter: number; tol: number; start?: Float64Array },
): ExactResult & { params: Float64Array } {
  return arena.scope(() => {
    const objective = smoothObjective(arena, loadProblem(arena, data, problem));
    const params = options.start ? arena.copyIn(options.start) : arena.zeros(objective.size);
    const solve = method === 'lbfgs' ? lbfgs : newtonCg;
    const result = solve(arena, objective, params, { maxIter: options.maxIter, tol: options.tol });
    return { ...result, params: arena.read(params, objective.size) };
  });
}
