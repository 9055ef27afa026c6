import { bytes, zero } from '../util';
import { dotAt } from './dot';
import { axpyAt } from './axpy';

/** y ← A·x + bias: one SIMD dot per row (x stays in cache). */
export function gemv(rows: i32, cols: i32, A: usize, x: usize, bias: f64, y: usize): void {
  const rb = bytes(cols);
  let row = A;
  for (let i = 0; i < rows; i++, row += rb) {
    store<f64>(y + (<usize>i << 3), dotAt(cols, row, x) + bias);
  }
}

/** out ← Aᵀ·r: rows are accumulated into out (which stays in cache), skipping r_i = 0 like the JS kernel. */
export function gemvT(rows: i32, cols: i32, A: usize, r: usize, out: usize): void {
  zero(out, cols);
  const rb = bytes(cols);
  let row = A;
  for (let i = 0; i < rows; i++, row += rb) {
    const ri = load<f64>(r + (<usize>i << 3));
    if (ri != 0) axpyAt(cols, ri, row, out);
  }
}
