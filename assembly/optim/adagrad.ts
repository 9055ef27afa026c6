import { bytes } from '../util';

/** acc ← acc + g²; p ← p − lr·g / (√acc + eps) */
export function adagradStep(n: i32, lr: f64, eps: f64, params: usize, grad: usize, acc: usize): void {
  const nb = bytes(n);
  const lrv = f64x2.splat(lr), epsv = f64x2.splat(eps);
  let o: usize = 0;
  for (; o + 16 <= nb; o += 16) {
    const g = v128.load(grad + o);
    const a = f64x2.add(v128.load(acc + o), f64x2.mul(g, g));
    v128.store(acc + o, a);
    const step = f64x2.div(f64x2.mul(lrv, g), f64x2.add(f64x2.sqrt(a), epsv));
    v128.store(params + o, f64x2.sub(v128.load(params + o), step));
  }
  if (o < nb) {
    const g = load<f64>(grad + o);
    const a = load<f64>(acc + o) + g * g;
    store<f64>(acc + o, a);
    store<f64>(params + o, load<f64>(params + o) - (lr * g) / (Math.sqrt(a) + eps));
  }
}
