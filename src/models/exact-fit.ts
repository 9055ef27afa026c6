/**
 * The exact solvers of a smooth problem (L-BFGS, Newton–CG): copy the data in once, start
 * from zero, iterate until the gradient's max-norm is ≤ tol.
 */
import type { Arena } from '../arena.js';
import { lbfgs, type ExactResult } from '../solvers/lbfgs.js';
import { newtonCg } from '../solvers/newton.js';
import { smoothObjective } from '../solvers/objective.js';
import type { GradientData, GradientProblem } from './gradient-fit.js';

export type ExactMethod = 'lbfgs' | 'newton';

export function runExact(
  arena: Arena, data: GradientData, problem: GradientProblem, method: ExactMethod,
  options: { maxIter: number; tol: number; start?: Float64Array },
): ExactResult & { params: Float64Array } {
  const { X, target, sampleWeight } = data;
  return arena.scope(() => {
    arena.reserve(X.rows * X.cols + 2 * X.rows, 3);
    const x = arena.copyInFinite(X, 'X');
    const y = arena.copyIn(target);
    const sw = sampleWeight ? arena.copyIn(sampleWeight) : 0;
    const loss = problem.makeLoss(arena);
    const weightSum = sampleWeight ? sampleWeight.reduce((s, v) => s + v, 0) : X.rows;
    const objective = smoothObjective(arena, {
      loss,
      data: { rows: X.rows, cols: X.cols, x, y, sw, weightSum },
      penalty: problem.penalty,
      weightCount: loss.outputs * X.cols,
      freezeIntercepts: !problem.fitIntercept,
    });
    const params = options.start ? arena.copyIn(options.start) : arena.zeros(objective.size);
    const solve = method === 'lbfgs' ? lbfgs : newtonCg;
    const result = solve(arena, objective, params, { maxIter: options.maxIter, tol: options.tol });
    return { ...result, params: arena.read(params, objective.size) };
  });
}
