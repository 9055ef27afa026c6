import { currentArena } from '../runtime/select.js';
import { asMatrix, assertColumns, type MatrixLike } from '../validate.js';

/**
 * Scores X·W_kᵀ + b_k for K outputs, parameters in the kernels' layout ([W (K×d), b]):
 * X is copied in once and each output is one gemv pass. Returns an n×K row-major array.
 */
export function linearScores(X: MatrixLike, params: Float64Array, outputs: number): { rows: number; scores: Float64Array } {
  const M = asMatrix(X);
  const cols = params.length / outputs - 1;
  assertColumns(M, cols);
  const arena = currentArena();
  const byOutput = arena.scope(() => {
    arena.reserve(M.rows * (M.cols + outputs) + params.length, 2 + outputs);
    const x = arena.copyInFinite(M, 'X');
    const p = arena.copyIn(params);
    return Array.from({ length: outputs }, (_, k) => {
      const out = arena.alloc(M.rows);
      arena.kernels.gemv(M.rows, cols, x, p + k * cols * 8, params[outputs * cols + k], out);
      return arena.read(out, M.rows);
    });
  });
  const scores = new Float64Array(M.rows * outputs);
  for (let k = 0; k < outputs; k++) {
    const column = byOutput[k];
    for (let i = 0; i < M.rows; i++) scores[i * outputs + k] = column[i];
  }
  return { rows: M.rows, scores };
}
