import { bytes } from '../util';

/**
 * RMSProp with momentum and/or centring (PyTorch's and TF.js's form):
 * acc ← ρ·acc + (1 − ρ)·g²; centred: mean ← ρ·mean + (1 − ρ)·g and d = √(acc − mean²) + eps,
 * else d = √acc + eps; then buf ← μ·buf + g/d and p ← p − lr·buf (μ = 0 gives p ← p − lr·g/d).
 * `centered` is 0 or 1. Scalar: an optimizer step is O(parameters), nothing next to a data pass.
 */
export function rmspropCenteredStep(
  n: i32, lr: f64, rho: f64, eps: f64, momentum: f64, centered: i32,
  params: usize, grad: usize, acc: usize, mean: usize, buf: usize,
): void {
  const nb = bytes(n);
  const oneMinusRho = 1.0 - rho;
  for (let o: usize = 0; o < nb; o += 8) {
    const g = load<f64>(grad + o);
    const a = rho * load<f64>(acc + o) + oneMinusRho * g * g;
    store<f64>(acc + o, a);
    let v = a;
    if (centered != 0) {
      const m = rho * load<f64>(mean + o) + oneMinusRho * g;
      store<f64>(mean + o, m);
      v = a - m * m;
    }
    const b = momentum * load<f64>(buf + o) + g / (Math.sqrt(v) + eps);
    store<f64>(buf + o, b);
    store<f64>(params + o, load<f64>(params + o) - lr * b);
  }
}
