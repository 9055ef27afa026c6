import { bytes } from '../util';

/**
 * Adamax (PyTorch's form), the infinity-norm Adam:
 *   m ← β1·m + (1 − β1)·g;  u ← max(β2·u, |g| + eps);  p ← p − (lr / bc1)·m / u
 * (max as wasm's f64x2.max and Math.max: a NaN in either propagates.)
 */
export function adamaxStep(
  n: i32, lr: f64, beta1: f64, beta2: f64, eps: f64, bc1: f64,
  params: usize, grad: usize, m: usize, u: usize,
): void {
  const nb = bytes(n);
  const ob1 = 1.0 - beta1, rate = lr / bc1;
  const b1v = f64x2.splat(beta1), b2v = f64x2.splat(beta2), ob1v = f64x2.splat(ob1);
  const epsv = f64x2.splat(eps), ratev = f64x2.splat(rate);
  let o: usize = 0;
  for (; o + 16 <= nb; o += 16) {
    const g = v128.load(grad + o);
    const mo = f64x2.add(f64x2.mul(b1v, v128.load(m + o)), f64x2.mul(ob1v, g));
    const un = f64x2.max(f64x2.mul(b2v, v128.load(u + o)), f64x2.add(f64x2.abs(g), epsv));
    v128.store(m + o, mo);
    v128.store(u + o, un);
    v128.store(params + o, f64x2.sub(v128.load(params + o), f64x2.div(f64x2.mul(ratev, mo), un)));
  }
  if (o < nb) {
    const g = load<f64>(grad + o);
    const mo = beta1 * load<f64>(m + o) + ob1 * g;
    const un = Math.max(beta2 * load<f64>(u + o), Math.abs(g) + eps);
    store<f64>(m + o, mo);
    store<f64>(u + o, un);
    store<f64>(params + o, load<f64>(params + o) - (rate * mo) / un);
  }
}
