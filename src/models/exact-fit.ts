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
import type { Problem } from '../solvers/gradient.js';
import { loadProblem, type GradientData, type GradientProblem } from './gradient-fit.js';

export type ExactMethod = 'lbfgs' | 'newton' | 'proximal';

export function runExact(
  arena: Arena, data: GradientData, problem: GradientProblem, method: ExactMethod,
  options: {
    maxIter: number; tol: number; start?: Float64Array;
    /** Also return the training rows' scores at the answer (n×K row-major), from the data already in memory. */
    scores?: boolean;
  },
): ExactResult & { params: Float64Array; scores?: Float64Array } {
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
    return { ...result, params: arena.read(params, objective.size), ...(options.scores ? { scores: trainingScores(arena, loaded, params) } : {}) };
  });
}

/** x_i·W_k + b_k for every loaded row and output, one gemv pass per output into one reused vector. */
function trainingScores(arena: Arena, loaded: Problem, params: number): Float64Array {
  const { rows, cols, x } = loaded.data;
  const outputs = loaded.loss.outputs;
  const out = arena.alloc(rows);
  const scores = new Float64Array(rows * outputs);
  for (let k = 0; k < outputs; k++) {
    const bias = arena.f64[params / 8 + outputs * cols + k];
    arena.kernels.gemv(rows, cols, x, params + k * cols * 8, bias, out);
    const column = arena.read(out, rows);
    for (let i = 0; i < rows; i++) scores[i * outputs + k] = column[i];
  }
  return scores;
}
