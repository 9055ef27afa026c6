import { bytes } from '../util';

/** Heavy ball: v ← ρ·v + g; p ← p − lr·v */
export function momentumStep(n: i32, lr: f64, rho: f64, params: usize, grad: usize, velocity: usize): void {
  const nb = bytes(n);
  const lrv = f64x2.splat(lr), rhov = f64x2.splat(rho);
  let o: usize = 0;
  for (; o + 16 <= nb; o += 16) {
    const v = f64x2.add(f64x2.mul(rhov, v128.load(velocity + o)), v128.load(grad + o));
    v128.store(velocity + o, v);
    v128.store(params + o, f64x2.sub(v128.load(params + o), f64x2.mul(lrv, v)));
  }
  if (o < nb) {
    const v = rho * load<f64>(velocity + o) + load<f64>(grad + o);
    store<f64>(velocity + o, v);
    store<f64>(params + o, load<f64>(params + o) - lr * v);
  }
}
