import { bytes } from '../util';

/** p ← p − lr·g */
export function sgdStep(n: i32, lr: f64, params: usize, grad: usize): void {
  const nb = bytes(n);
  const lrv = f64x2.splat(lr);
  let o: usize = 0;
  for (; o + 16 <= nb; o += 16) {
    v128.store(params + o, f64x2.sub(v128.load(params + o), f64x2.mul(lrv, v128.load(grad + o))));
  }
  if (o < nb) store<f64>(params + o, load<f64>(params + o) - lr * load<f64>(grad + o));
}
