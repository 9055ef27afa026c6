import { bytes } from '../util';

/** y ← a·x + y, four lanes per iteration, then a pair and a scalar. */
@inline export function axpyAt(n: i32, a: f64, x: usize, y: usize): void {
  const nb = bytes(n);
  const av = f64x2.splat(a);
  let o: usize = 0;
  for (; o + 32 <= nb; o += 32) {
    const p = y + o, q = x + o;
    v128.store(p, f64x2.add(v128.load(p), f64x2.mul(av, v128.load(q))));
    v128.store(p, f64x2.add(v128.load(p, 16), f64x2.mul(av, v128.load(q, 16))), 16);
  }
  if (o + 16 <= nb) {
    v128.store(y + o, f64x2.add(v128.load(y + o), f64x2.mul(av, v128.load(x + o))));
    o += 16;
  }
  if (o < nb) store<f64>(y + o, load<f64>(y + o) + a * load<f64>(x + o));
}

/** y ← a·x + y */
export function axpy(n: i32, a: f64, x: usize, y: usize): void {
  axpyAt(n, a, x, y);
}

/**
 * y ← y + c0·x0 + c1·x1 in one pass over y, added in that order (each entry rounds exactly
 * as two successive axpys would). Adding rows in pairs halves the loads and stores of y.
 */
@inline export function axpy2At(n: i32, c0: f64, x0: usize, c1: f64, x1: usize, y: usize): void {
  const nb = bytes(n);
  const v0 = f64x2.splat(c0), v1 = f64x2.splat(c1);
  let o: usize = 0;
  for (; o + 32 <= nb; o += 32) {
    const p = y + o, q0 = x0 + o, q1 = x1 + o;
    v128.store(p, f64x2.add(f64x2.add(v128.load(p), f64x2.mul(v0, v128.load(q0))), f64x2.mul(v1, v128.load(q1))));
    v128.store(p, f64x2.add(f64x2.add(v128.load(p, 16), f64x2.mul(v0, v128.load(q0, 16))), f64x2.mul(v1, v128.load(q1, 16))), 16);
  }
  if (o + 16 <= nb) {
    const p = y + o, q0 = x0 + o, q1 = x1 + o;
    v128.store(p, f64x2.add(f64x2.add(v128.load(p), f64x2.mul(v0, v128.load(q0))), f64x2.mul(v1, v128.load(q1))));
    o += 16;
  }
  if (o < nb) store<f64>(y + o, load<f64>(y + o) + c0 * load<f64>(x0 + o) + c1 * load<f64>(x1 + o));
}

/**
 * y ← y + c0·x0 + c1·x1 + c2·x2 + c3·x3 in one pass over y, added in that order (each entry
 * rounds exactly as four successive axpys would).
 */
@inline export function axpy4At(n: i32, c0: f64, x0: usize, c1: f64, x1: usize, c2: f64, x2: usize, c3: f64, x3: usize, y: usize): void {
  const nb = bytes(n);
  const v0 = f64x2.splat(c0), v1 = f64x2.splat(c1), v2 = f64x2.splat(c2), v3 = f64x2.splat(c3);
  let o: usize = 0;
  for (; o + 16 <= nb; o += 16) {
    let acc = v128.load(y + o);
    acc = f64x2.add(acc, f64x2.mul(v0, v128.load(x0 + o)));
    acc = f64x2.add(acc, f64x2.mul(v1, v128.load(x1 + o)));
    acc = f64x2.add(acc, f64x2.mul(v2, v128.load(x2 + o)));
    acc = f64x2.add(acc, f64x2.mul(v3, v128.load(x3 + o)));
    v128.store(y + o, acc);
  }
  if (o < nb) {
    let acc = load<f64>(y + o);
    acc += c0 * load<f64>(x0 + o);
    acc += c1 * load<f64>(x1 + o);
    acc += c2 * load<f64>(x2 + o);
    acc += c3 * load<f64>(x3 + o);
    store<f64>(y + o, acc);
  }
}
