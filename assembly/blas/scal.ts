import { bytes } from '../util';

/** x ← a·x */
export function scal(n: i32, a: f64, x: usize): void {
  const nb = bytes(n);
  const av = f64x2.splat(a);
  let o: usize = 0;
  for (; o + 32 <= nb; o += 32) {
    const p = x + o;
    v128.store(p, f64x2.mul(v128.load(p), av));
    v128.store(p, f64x2.mul(v128.load(p, 16), av), 16);
  }
  if (o + 16 <= nb) {
    v128.store(x + o, f64x2.mul(v128.load(x + o), av));
    o += 16;
  }
  if (o < nb) store<f64>(x + o, load<f64>(x + o) * a);
}
