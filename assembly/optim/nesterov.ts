import { bytes } from '../util';

/** Nesterov (PyTorch's form): v ← ρ·v + g; p ← p − lr·(g + ρ·v) */
export function nesterovStep(n: i32, lr: f64, rho: f64, params: usize, grad: usize, velocity: usize): void {
  const nb = bytes(n);
  const lrv = f64x2.splat(lr), rhov = f64x2.splat(rho);
  let o: usize = 0;
  for (; o + 16 <= nb; o += 16) {
    const g = v128.load(grad + o);
    const v = f64x2.add(f64x2.mul(rhov, v128.load(velocity + o)), g);
    v128.store(velocity + o, v);
    const step = f64x2.mul(lrv, f64x2.add(g, f64x2.mul(rhov, v)));
    v128.store(params + o, f64x2.sub(v128.load(params + o), step));
  }
  if (o < nb) {
    const g = load<f64>(grad + o);
    const v = rho * load<f64>(velocity + o) + g;
    store<f64>(velocity + o, v);
    store<f64>(params + o, load<f64>(params + o) - lr * (g + rho * v));
  }
}
