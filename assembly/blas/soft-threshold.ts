import { bytes } from '../util';

/**
 * x ← sign(x)·max(|x| − t, 0): the proximal step of t‖x‖₁ (t ≥ 0), which sets small entries
 * to exactly zero. Branch-free: max(x − t, 0) + min(x + t, 0).
 */
export function softThreshold(n: i32, t: f64, x: usize): void {
  const nb = bytes(n);
  const tv = f64x2.splat(t);
  const zero = f64x2.splat(0);
  let o: usize = 0;
  for (; o + 16 <= nb; o += 16) {
    const p = x + o;
    const v = v128.load(p);
    v128.store(p, f64x2.add(f64x2.max(f64x2.sub(v, tv), zero), f64x2.min(f64x2.add(v, tv), zero)));
  }
  if (o < nb) {
    const v = load<f64>(x + o);
    store<f64>(x + o, v > t ? v - t : v < -t ? v + t : 0);
  }
}
