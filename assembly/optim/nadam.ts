import { bytes } from '../util';

/**
 * NAdam (Dozat's form, as Keras): m and v as in Adam, then a Nesterov-style look-ahead mixing
 * the new m and the raw gradient:
 *   m ← β1·m + (1 − β1)·g;  v ← β2·v + (1 − β2)·g²;
 *   p ← p − lr·(c1·m + c2·g) / (√(v / bc2) + eps)
 * with c1 = β1 / (1 − β1^{t+1}) and c2 = (1 − β1) / (1 − β1ᵗ) passed in by the caller.
 */
export function nadamStep(
  n: i32, lr: f64, beta1: f64, beta2: f64, eps: f64, c1: f64, c2: f64, bc2: f64,
  params: usize, grad: usize, m: usize, v: usize,
): void {
  const nb = bytes(n);
  const invBc2 = 1.0 / bc2;
  const ob1 = 1.0 - beta1, ob2 = 1.0 - beta2;
  const lrv = f64x2.splat(lr), b1v = f64x2.splat(beta1), b2v = f64x2.splat(beta2);
  const ob1v = f64x2.splat(ob1), ob2v = f64x2.splat(ob2), epsv = f64x2.splat(eps);
  const c1v = f64x2.splat(c1), c2v = f64x2.splat(c2), ib2v = f64x2.splat(invBc2);
  let o: usize = 0;
  for (; o + 16 <= nb; o += 16) {
    const g = v128.load(grad + o);
    const mo = f64x2.add(f64x2.mul(b1v, v128.load(m + o)), f64x2.mul(ob1v, g));
    const ve = f64x2.add(f64x2.mul(b2v, v128.load(v + o)), f64x2.mul(f64x2.mul(ob2v, g), g));
    v128.store(m + o, mo);
    v128.store(v + o, ve);
    const step = f64x2.div(
      f64x2.mul(lrv, f64x2.add(f64x2.mul(c1v, mo), f64x2.mul(c2v, g))),
      f64x2.add(f64x2.sqrt(f64x2.mul(ve, ib2v)), epsv),
    );
    v128.store(params + o, f64x2.sub(v128.load(params + o), step));
  }
  if (o < nb) {
    const g = load<f64>(grad + o);
    const mo = beta1 * load<f64>(m + o) + ob1 * g;
    const ve = beta2 * load<f64>(v + o) + ob2 * g * g;
    store<f64>(m + o, mo);
    store<f64>(v + o, ve);
    store<f64>(params + o, load<f64>(params + o) - (lr * (c1 * mo + c2 * g)) / (Math.sqrt(ve * invBc2) + eps));
  }
}
