import { bytes, zero } from '../util';

/** out ← column means of A: rows are summed into out (in cache), then scaled once. */
export function colMeans(rows: i32, cols: i32, A: usize, out: usize): void {
  zero(out, cols);
  const rb = bytes(cols);
  let row = A;
  for (let i = 0; i < rows; i++, row += rb) addRow(rb, row, out);
  scaleBy(rb, rows > 0 ? 1.0 / rows : 0.0, out);
}

/** out ← Σ_rows (A[i, j] − means[j])² / rows (population variance, ddof = 0). */
export function colVariances(rows: i32, cols: i32, A: usize, means: usize, out: usize): void {
  zero(out, cols);
  const rb = bytes(cols);
  let row = A;
  for (let i = 0; i < rows; i++, row += rb) {
    let o: usize = 0;
    for (; o + 16 <= rb; o += 16) {
      const d = f64x2.sub(v128.load(row + o), v128.load(means + o));
      v128.store(out + o, f64x2.add(v128.load(out + o), f64x2.mul(d, d)));
    }
    if (o < rb) {
      const d = load<f64>(row + o) - load<f64>(means + o);
      store<f64>(out + o, load<f64>(out + o) + d * d);
    }
  }
  scaleBy(rb, rows > 0 ? 1.0 / rows : 0.0, out);
}

/** A[i, j] ← (A[i, j] − shift[j])·scale[j]; a null shift or scale skips that part. */
export function affineColumns(rows: i32, cols: i32, A: usize, shift: usize, scale: usize): void {
  const rb = bytes(cols);
  let row = A;
  if (shift != 0 && scale != 0) {
    for (let i = 0; i < rows; i++, row += rb) {
      let o: usize = 0;
      for (; o + 16 <= rb; o += 16) {
        const d = f64x2.sub(v128.load(row + o), v128.load(shift + o));
        v128.store(row + o, f64x2.mul(d, v128.load(scale + o)));
      }
      if (o < rb) store<f64>(row + o, (load<f64>(row + o) - load<f64>(shift + o)) * load<f64>(scale + o));
    }
  } else if (shift != 0) {
    for (let i = 0; i < rows; i++, row += rb) {
      let o: usize = 0;
      for (; o + 16 <= rb; o += 16) v128.store(row + o, f64x2.sub(v128.load(row + o), v128.load(shift + o)));
      if (o < rb) store<f64>(row + o, load<f64>(row + o) - load<f64>(shift + o));
    }
  } else if (scale != 0) {
    for (let i = 0; i < rows; i++, row += rb) {
      let o: usize = 0;
      for (; o + 16 <= rb; o += 16) v128.store(row + o, f64x2.mul(v128.load(row + o), v128.load(scale + o)));
      if (o < rb) store<f64>(row + o, load<f64>(row + o) * load<f64>(scale + o));
    }
  }
}

/** Index of the first NaN/±Infinity among x[0..n), or −1. */
export function firstNonFinite(n: i32, x: usize): i32 {
  const nb = bytes(n);
  let o: usize = 0;
  // v − v is 0 for finite v and NaN for NaN/±Infinity; summing the differences keeps any NaN.
  // A hit only stops the block scan; the scalar loop below finds the exact index.
  for (; o + 64 <= nb; o += 64) {
    const p = x + o;
    const a = v128.load(p), b = v128.load(p, 16), c = v128.load(p, 32), d = v128.load(p, 48);
    const s = f64x2.add(
      f64x2.add(f64x2.sub(a, a), f64x2.sub(b, b)),
      f64x2.add(f64x2.sub(c, c), f64x2.sub(d, d)),
    );
    if (v128.any_true(f64x2.ne(s, s))) break;
  }
  for (; o < nb; o += 8) {
    if (!isFinite<f64>(load<f64>(x + o))) return <i32>(o >> 3);
  }
  return -1;
}

/** out ← out + row over rb bytes. */
@inline function addRow(rb: usize, row: usize, out: usize): void {
  let o: usize = 0;
  for (; o + 32 <= rb; o += 32) {
    const p = out + o, q = row + o;
    v128.store(p, f64x2.add(v128.load(p), v128.load(q)));
    v128.store(p, f64x2.add(v128.load(p, 16), v128.load(q, 16)), 16);
  }
  if (o + 16 <= rb) {
    v128.store(out + o, f64x2.add(v128.load(out + o), v128.load(row + o)));
    o += 16;
  }
  if (o < rb) store<f64>(out + o, load<f64>(out + o) + load<f64>(row + o));
}

/** x ← a·x over rb bytes. */
@inline function scaleBy(rb: usize, a: f64, x: usize): void {
  const av = f64x2.splat(a);
  let o: usize = 0;
  for (; o + 16 <= rb; o += 16) v128.store(x + o, f64x2.mul(v128.load(x + o), av));
  if (o < rb) store<f64>(x + o, load<f64>(x + o) * a);
}
