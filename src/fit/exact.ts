/**
 * The exact iterative solvers' driver (L-BFGS and Newton–CG for smooth objectives, accelerated
 * proximal gradient with an L1 term): copy the data in once, start from `start` (default 0),
 * iterate until the objective's optimality measure is ≤ tol.
 */
import type { Arena } from '../runtime/arena.js';
import type { LinearModelObjective } from '../objective/index.js';
import { fista } from '../solvers/fista.js';
import { lbfgs, type ExactResult } from '../solvers/lbfgs.js';
import { newtonCg } from '../solvers/newton.js';
import { loadObjective, type FitData, type ObjectiveSpec } from './load.js';

export type ExactMethod = 'lbfgs' | 'newton' | 'proximal';

export interface ExactFit extends ExactResult {
  params: Float64Array;
  /** With `scores`: the training rows' scores at the answer (n×K row-major). */
  scores?: Float64Array;
}

export function runExact(
  arena: Arena, data: FitData, spec: ObjectiveSpec, method: ExactMethod,
  options: {
    maxIter: number; tol: number; start?: Float64Array;
    /** After each iteration: its number, the objective value and the optimality measure. */
    onIteration?: (iteration: number, loss: number, gradNorm: number) => void;
    /** Also return the training rows' scores at the answer, from the data already in memory. */
    scores?: boolean;
  },
): ExactFit {
  return arena.scope(() => {
    const objective = loadObjective(arena, data, spec);
    const params = options.start ? arena.copyIn(options.start) : arena.zeros(objective.size);
    let iteration = 0;
    const report = options.onIteration;
    const limits = {
      maxIter: options.maxIter, tol: options.tol,
      ...(report ? { onIteration: (_x: number, loss: number, gradNorm: number) => report(++iteration, loss, gradNorm) } : {}),
    };
    const result = method === 'proximal'
      ? fista(arena, objective, params, limits)
      : (method === 'lbfgs' ? lbfgs : newtonCg)(arena, objective, params, limits);
    return { ...result, params: arena.read(params, objective.size), ...(options.scores ? { scores: trainingScores(arena, objective, params) } : {}) };
  });
}

/** x_i·W_k + b_k for every loaded row and output, one gemv pass per output into one reused vector. */
function trainingScores(arena: Arena, objective: LinearModelObjective, params: number): Float64Array {
  const { rows, cols, x } = objective.data;
  const outputs = objective.loss.outputs;
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
