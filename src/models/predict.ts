import { currentArena } from '../backend/select.js';
import { asMatrix, assertColumns, type MatrixLike } from '../validate.js';

/** X·w + b for every row of X, by the gemv kernel. */
export function linearPredict(X: MatrixLike, coef: Float64Array, intercept: number): Float64Array {
  const M = asMatrix(X);
  assertColumns(M, coef.length);
  const arena = currentArena();
  return arena.scope(() => {
    arena.reserve(M.rows * M.cols + M.cols + M.rows, 3);
    const x = arena.copyInFinite(M, 'X');
    const w = arena.copyIn(coef);
    const out = arena.alloc(M.rows);
    arena.kernels.gemv(M.rows, M.cols, x, w, intercept, out);
    return arena.read(out, M.rows);
  });
}
