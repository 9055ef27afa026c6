import { bytes, zero } from '../util';
import { dotAt, dot2At } from './dot';
import { axpyAt, axpy4At } from './axpy';

/**
 * y ← A·x + bias: SIMD dots for pairs of rows, so each load of x (in cache) serves two rows.
 * A pair is row i and row i + h (h = half the rows), not two neighbours: each half is then one
 * sequential stream through memory, which the hardware prefetchers follow (neighbour pairs
 * were 2.5× slower once A no longer fit in cache).
 */
export function gemv(rows: i32, cols: i32, A: usize, x: usize, bias: f64, y: usize): void {
  const rb = bytes(cols);
  const n = max(rows, 0), h = n >> 1;
  const hb = <usize>h * rb, hy = <usize>h << 3;
  let row = A;
  for (let o: usize = 0; o < hy; o += 8, row += rb) {
    const z = dot2At(cols, row, row + hb, x);
    store<f64>(y + o, f64x2.extract_lane(z, 0) + bias);
    store<f64>(y + o + hy, f64x2.extract_lane(z, 1) + bias);
  }
  if (n & 1) store<f64>(y + (hy << 1), dotAt(cols, A + (hb << 1), x) + bias);
}

/**
 * out ← Aᵀ·r: rows are accumulated into out, which stays in cache, four per pass over out.
 * The four rows are i, i + q, i + 2q, i + 3q (q = rows / 4), so each quarter of A is one
 * sequential stream (see gemv). Rows with r_i = 0 are skipped, as in the JS kernel (it
 * matters only for non-finite entries: 0·∞ is NaN).
 */
export function gemvT(rows: i32, cols: i32, A: usize, r: usize, out: usize): void {
  zero(out, cols);
  const rb = bytes(cols);
  const q = max(rows, 0) >> 2;
  const qx = <usize>q * rb, qy = <usize>q << 3;
  let row = A;
  for (let o: usize = 0; o < qy; o += 8, row += rb) {
    const a0 = load<f64>(r + o), a1 = load<f64>(r + o + qy), a2 = load<f64>(r + o + 2 * qy), a3 = load<f64>(r + o + 3 * qy);
    const r1 = row + qx, r2 = r1 + qx, r3 = r2 + qx;
    if (a0 != 0 && a1 != 0 && a2 != 0 && a3 != 0) {
      axpy4At(cols, a0, row, a1, r1, a2, r2, a3, r3, out);
    } else {
      if (a0 != 0) axpyAt(cols, a0, row, out);
      if (a1 != 0) axpyAt(cols, a1, r1, out);
      if (a2 != 0) axpyAt(cols, a2, r2, out);
      if (a3 != 0) axpyAt(cols, a3, r3, out);
    }
  }
  row = A + (qx << 2);
  for (let o = qy << 2; o < bytes(rows); o += 8, row += rb) {
    const a = load<f64>(r + o);
    if (a != 0) axpyAt(cols, a, row, out);
  }
}
