import { currentArena } from '../runtime/select.js';
import { Matrix } from '../matrix.js';

/**
 * (X − shift)·scale column by column, by the affineColumns kernel; either may be omitted.
 * Returns a new matrix; X is checked to be finite on the way in.
 */
export function affineColumns(X: Matrix, shift: Float64Array | null, scale: Float64Array | null): Matrix {
  const { rows, cols } = X;
  const arena = currentArena();
  const data = arena.scope(() => {
    arena.reserve(rows * cols + 2 * cols, 3);
    const x = arena.copyInFinite(X, 'X');
    const s = shift ? arena.copyIn(shift) : 0;
    const c = scale ? arena.copyIn(scale) : 0;
    arena.kernels.affineColumns(rows, cols, x, s, c);
    return arena.read(x, rows * cols);
  });
  return new Matrix(rows, cols, data);
}

/** Column means and population variances of X, by the kernels. */
export function columnMoments(X: Matrix): { mean: Float64Array; variance: Float64Array } {
  const { rows, cols } = X;
  const arena = currentArena();
  return arena.scope(() => {
    arena.reserve(rows * cols + 2 * cols, 3);
    const x = arena.copyInFinite(X, 'X');
    const mean = arena.alloc(cols);
    const variance = arena.alloc(cols);
    arena.kernels.colMeans(rows, cols, x, mean);
    arena.kernels.colVariances(rows, cols, x, mean, variance);
    return { mean: arena.read(mean, cols), variance: arena.read(variance, cols) };
  });
}
