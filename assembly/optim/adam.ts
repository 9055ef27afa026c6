import { bytes } from '../util';

/**
 * Adam with bias correction and AdamW's decoupled weight decay on the first decayCount
 * entries (the weights; clamped to n). The decay is fused into the update, so p is read once:
 *   p ← p − lr·wd·p  (i < decayCount)
 *   m ← β1·m + (1 − β1)·g;  v ← β2·v + (1 − β2)·g²;  p ← p − lr·(m / bc1) / (√(v / bc2) + eps)
 */
export function adamStep(
  n: i32, lr: f64, beta1: f64, beta2: f64, eps: f64, bc1: f64, bc2: f64,
  weightDecay: f64, decayCount: i32, params: usize, grad: usize, m: usize, v: usize,
): void {
  const nb = bytes(n);
  const decay = lr * weightDecay;
  const db = decay != 0 ? min(bytes(decayCount), nb) : 0;
  const invBc1 = 1.0 / bc1, invBc2 = 1.0 / bc2;
  adamRange(0, db, true, decay, lr, beta1, beta2, eps, invBc1, invBc2, params, grad, m, v);
  adamRange(db, nb, false, 0, lr, beta1, beta2, eps, invBc1, invBc2, params, grad, m, v);
}

/** The update over bytes [from, to); `decayed` is a constant at both call sites, so it folds away. */
@inline function adamRange(
  from: usize, to: usize, decayed: bool, decay: f64, lr: f64, beta1: f64, beta2: f64, eps: f64,
  invBc1: f64, invBc2: f64, params: usize, grad: usize, m: usize, v: usize,
): void {
  const ob1 = 1.0 - beta1, ob2 = 1.0 - beta2;
  const lrv = f64x2.splat(lr), b1v = f64x2.splat(beta1), b2v = f64x2.splat(beta2);
  const ob1v = f64x2.splat(ob1), ob2v = f64x2.splat(ob2), epsv = f64x2.splat(eps);
  const ib1v = f64x2.splat(invBc1), ib2v = f64x2.splat(invBc2), decayv = f64x2.splat(decay);
  let o = from;
  for (; o + 16 <= to; o += 16) {
    let p = v128.load(params + o);
    if (decayed) p = f64x2.sub(p, f64x2.mul(decayv, p));
    const g = v128.load(grad + o);
    const mo = f64x2.add(f64x2.mul(b1v, v128.load(m + o)), f64x2.mul(ob1v, g));
    const ve = f64x2.add(f64x2.mul(b2v, v128.load(v + o)), f64x2.mul(f64x2.mul(ob2v, g), g));
    v128.store(m + o, mo);
    v128.store(v + o, ve);
    const step = f64x2.div(
      f64x2.mul(f64x2.mul(lrv, mo), ib1v),
      f64x2.add(f64x2.sqrt(f64x2.mul(ve, ib2v)), epsv),
    );
    v128.store(params + o, f64x2.sub(p, step));
  }
  if (o < to) {
    let p = load<f64>(params + o);
    if (decayed) p -= decay * p;
    const g = load<f64>(grad + o);
    const mo = beta1 * load<f64>(m + o) + ob1 * g;
    const ve = beta2 * load<f64>(v + o) + ob2 * g * g;
    store<f64>(m + o, mo);
    store<f64>(v + o, ve);
    store<f64>(params + o, p - (lr * mo * invBc1) / (Math.sqrt(ve * invBc2) + eps));
  }
}
