import { bytes } from '../util';

/**
 * AMSGrad: Adam with the running maximum of v in the denominator.
 *   m ← β1·m + (1 − β1)·g;  v ← β2·v + (1 − β2)·g²;  vmax ← max(vmax, v);
 *   p ← p − lr·(m / bc1) / (√(vmax / bc2) + eps)
 * (max as wasm's f64x2.max and Math.max: a NaN in either propagates.)
 */
export function amsgradStep(
  n: i32, lr: f64, beta1: f64, beta2: f64, eps: f64, bc1: f64, bc2: f64,
  params: usize, grad: usize, m: usize, v: usize, vmax: usize,
): void {
  const nb = bytes(n);
  const invBc1 = 1.0 / bc1, invBc2 = 1.0 / bc2;
  const ob1 = 1.0 - beta1, ob2 = 1.0 - beta2;
  const lrv = f64x2.splat(lr), b1v = f64x2.splat(beta1), b2v = f64x2.splat(beta2);
  const ob1v = f64x2.splat(ob1), ob2v = f64x2.splat(ob2), epsv = f64x2.splat(eps);
  const ib1v = f64x2.splat(invBc1), ib2v = f64x2.splat(invBc2);
  let o: usize = 0;
  for (; o + 16 <= nb; o += 16) {
    const g = v128.load(grad + o);
    const mo = f64x2.add(f64x2.mul(b1v, v128.load(m + o)), f64x2.mul(ob1v, g));
    const ve = f64x2.add(f64x2.mul(b2v, v128.load(v + o)), f64x2.mul(f64x2.mul(ob2v, g), g));
    const vm = f64x2.max(v128.load(vmax + o), ve);
    v128.store(m + o, mo);
    v128.store(v + o, ve);
    v128.store(vmax + o, vm);
    const step = f64x2.div(
      f64x2.mul(f64x2.mul(lrv, mo), ib1v),
      f64x2.add(f64x2.sqrt(f64x2.mul(vm, ib2v)), epsv),
    );
    v128.store(params + o, f64x2.sub(v128.load(params + o), step));
  }
  if (o < nb) {
    const g = load<f64>(grad + o);
    const mo = beta1 * load<f64>(m + o) + ob1 * g;
    const ve = beta2 * load<f64>(v + o) + ob2 * g * g;
    const vm = Math.max(load<f64>(vmax + o), ve);
    store<f64>(m + o, mo);
    store<f64>(v + o, ve);
    store<f64>(vmax + o, vm);
    store<f64>(params + o, load<f64>(params + o) - (lr * mo * invBc1) / (Math.sqrt(vm * invBc2) + eps));
  }
}
