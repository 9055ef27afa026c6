import { bytes } from '../util';

/** acc ← ρ·acc + (1 − ρ)·g²; p ← p − lr·g / (√acc + eps) */
export function rmspropStep(n: i32, lr: f64, rho: f64, eps: f64, params: usize, grad: usize, acc: usize): void {
  const nb = bytes(n);
  const oneMinusRho = 1.0 - rho;
  const lrv = f64x2.splat(lr), rhov = f64x2.splat(rho), epsv = f64x2.splat(eps);
  const omrv = f64x2.splat(oneMinusRho);
  let o: usize = 0;
  for (; o + 16 <= nb; o += 16) {
    const g = v128.load(grad + o);
    const a = f64x2.add(f64x2.mul(rhov, v128.load(acc + o)), f64x2.mul(f64x2.mul(omrv, g), g));
    v128.store(acc + o, a);
    const step = f64x2.div(f64x2.mul(lrv, g), f64x2.add(f64x2.sqrt(a), epsv));
    v128.store(params + o, f64x2.sub(v128.load(params + o), step));
  }
  if (o < nb) {
    const g = load<f64>(grad + o);
    const a = rho * load<f64>(acc + o) + oneMinusRho * g * g;
    store<f64>(acc + o, a);
    store<f64>(params + o, load<f64>(params + o) - (lr * g) / (Math.sqrt(a) + eps));
  }
}
