import { bytes } from '../util';
import { axpyAt, axpy2At } from '../blas/axpy';

/**
 * One step of an incremental Householder QR (flat-tree TSQR): R (cols×cols, upper triangular,
 * row-major) and qty (cols) are the triangular factor and Qᵀy of the rows folded in so far;
 * this folds in a block B (rows×cols, row-major) with its targets y, so that afterwards they
 * are those of all the rows. B and y are overwritten (scratch); w holds cols values of scratch.
 *
 * Reflector k acts on row k of R and column k of B only (R is zero below its diagonal), so a
 * block costs about 2·rows·cols² flops, and it stays in cache while all cols reflectors sweep
 * it twice each (w = vᵀ[R; B], then [R; B] −= τ·v·wᵀ): callers pick blocks of ~256 KB. The
 * reflector is LAPACK's: α = −sign(x₀)‖x‖ (the norm scaled by max|x| so it cannot overflow),
 * v = x − α·e₁, τ = 2/vᵀv = 1/(|α|(|α| + |x₀|)), free of cancellation.
 */
export function qrAppend(rows: i32, cols: i32, B: usize, y: usize, R: usize, qty: usize, w: usize): void {
  const rb = bytes(cols);
  const n = max(rows, 0);
  for (let k = 0; k < cols; k++) {
    const kb = <usize>k << 3;
    const rk = R + <usize>k * rb;
    const x0 = load<f64>(rk + kb);
    let scale = abs(x0);
    let p = B + kb;
    for (let i = 0; i < n; i++, p += rb) scale = max(scale, abs(load<f64>(p)));
    if (scale == 0) continue; // nothing left in this column: R[k, k] stays 0 (rank deficiency)
    const inv = 1.0 / scale;
    let norm2 = (x0 * inv) * (x0 * inv);
    p = B + kb;
    for (let i = 0; i < n; i++, p += rb) {
      const v = load<f64>(p) * inv;
      norm2 += v * v;
    }
    const alpha = -(x0 >= 0 ? 1.0 : -1.0) * scale * sqrt(norm2);
    const v0 = x0 - alpha;
    const tau = 1.0 / (abs(alpha) * (abs(alpha) + abs(x0)));
    const tail = cols - k - 1, tb = kb + 8;

    // w = v0·R[k, k+1:] + Σ_i B[i, k]·B[i, k+1:], and the same for the y column.
    for (let j: usize = 0; j < bytes(tail); j += 8) store<f64>(w + tb + j, v0 * load<f64>(rk + tb + j));
    let wy = v0 * load<f64>(qty + kb);
    let row = B;
    let i = 0;
    for (; i + 2 <= n; i += 2, row += rb << 1) {
      const b0 = load<f64>(row + kb), b1 = load<f64>(row + rb + kb);
      axpy2At(tail, b0, row + tb, b1, row + rb + tb, w + tb);
      wy += b0 * load<f64>(y + (<usize>i << 3));
      wy += b1 * load<f64>(y + (<usize>(i + 1) << 3));
    }
    if (i < n) {
      const b0 = load<f64>(row + kb);
      axpyAt(tail, b0, row + tb, w + tb);
      wy += b0 * load<f64>(y + (<usize>i << 3));
    }

    // [R[k, :]; B] −= τ·v·wᵀ
    axpyAt(tail, -tau * v0, w + tb, rk + tb);
    store<f64>(qty + kb, load<f64>(qty + kb) - tau * v0 * wy);
    row = B;
    for (i = 0; i < n; i++, row += rb) {
      const c = tau * load<f64>(row + kb);
      if (c == 0) continue;
      axpyAt(tail, -c, w + tb, row + tb);
      const yo = y + (<usize>i << 3);
      store<f64>(yo, load<f64>(yo) - c * wy);
    }
    store<f64>(rk + kb, alpha);
  }
}
