import { bytes } from '../util';

/**
 * Σ x_i·y_i. Four independent v128 accumulators hide the add latency on long vectors; short
 * rows (the fused loss kernels call this once per row) fall through to a pair loop and at
 * most one scalar.
 */
@inline export function dotAt(n: i32, x: usize, y: usize): f64 {
  const nb = bytes(n);
  let a0 = f64x2.splat(0), a1 = f64x2.splat(0), a2 = f64x2.splat(0), a3 = f64x2.splat(0);
  let o: usize = 0;
  for (; o + 64 <= nb; o += 64) {
    a0 = f64x2.add(a0, f64x2.mul(v128.load(x + o), v128.load(y + o)));
    a1 = f64x2.add(a1, f64x2.mul(v128.load(x + o, 16), v128.load(y + o, 16)));
    a2 = f64x2.add(a2, f64x2.mul(v128.load(x + o, 32), v128.load(y + o, 32)));
    a3 = f64x2.add(a3, f64x2.mul(v128.load(x + o, 48), v128.load(y + o, 48)));
  }
  for (; o + 16 <= nb; o += 16) {
    a0 = f64x2.add(a0, f64x2.mul(v128.load(x + o), v128.load(y + o)));
  }
  const s = f64x2.add(f64x2.add(a0, a1), f64x2.add(a2, a3));
  let sum = f64x2.extract_lane(s, 0) + f64x2.extract_lane(s, 1);
  if (o < nb) sum += load<f64>(x + o) * load<f64>(y + o);
  return sum;
}

/** Σ x_i·y_i */
export function dot(n: i32, x: usize, y: usize): f64 {
  return dotAt(n, x, y);
}

/**
 * Two dots against one shared vector, [x0·w, x1·w] as an f64x2: each load of w serves two
 * rows. Two accumulators per row keep four add chains in flight.
 */
@inline export function dot2At(n: i32, x0: usize, x1: usize, w: usize): v128 {
  const nb = bytes(n);
  let a0 = f64x2.splat(0), a1 = f64x2.splat(0), b0 = f64x2.splat(0), b1 = f64x2.splat(0);
  let o: usize = 0;
  for (; o + 32 <= nb; o += 32) {
    const w0 = v128.load(w + o), w1 = v128.load(w + o, 16);
    a0 = f64x2.add(a0, f64x2.mul(v128.load(x0 + o), w0));
    b0 = f64x2.add(b0, f64x2.mul(v128.load(x1 + o), w0));
    a1 = f64x2.add(a1, f64x2.mul(v128.load(x0 + o, 16), w1));
    b1 = f64x2.add(b1, f64x2.mul(v128.load(x1 + o, 16), w1));
  }
  if (o + 16 <= nb) {
    const w0 = v128.load(w + o);
    a0 = f64x2.add(a0, f64x2.mul(v128.load(x0 + o), w0));
    b0 = f64x2.add(b0, f64x2.mul(v128.load(x1 + o), w0));
    o += 16;
  }
  const a = f64x2.add(a0, a1), b = f64x2.add(b0, b1);
  // [a.lo + a.hi, b.lo + b.hi]
  let s = f64x2.add(v128.shuffle<f64>(a, b, 0, 2), v128.shuffle<f64>(a, b, 1, 3));
  if (o < nb) {
    const wt = v128.load64_splat(w + o);
    const xt = f64x2.replace_lane(f64x2.splat(load<f64>(x0 + o)), 1, load<f64>(x1 + o));
    s = f64x2.add(s, f64x2.mul(xt, wt));
  }
  return s;
}
