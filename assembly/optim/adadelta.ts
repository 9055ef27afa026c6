import { bytes } from '../util';

/**
 * Adadelta (Zeiler 2012, PyTorch's form): acc ← ρ·acc + (1 − ρ)·g²;
 * Δ = √(accDelta + eps) / √(acc + eps)·g; accDelta ← ρ·accDelta + (1 − ρ)·Δ²; p ← p − lr·Δ.
 * Scalar: an optimizer step is O(parameters), nothing next to a data pass.
 */
export function adadeltaStep(n: i32, lr: f64, rho: f64, eps: f64, params: usize, grad: usize, acc: usize, accDelta: usize): void {
  const nb = bytes(n);
  const oneMinusRho = 1.0 - rho;
  for (let o: usize = 0; o < nb; o += 8) {
    const g = load<f64>(grad + o);
    const a = rho * load<f64>(acc + o) + oneMinusRho * g * g;
    store<f64>(acc + o, a);
    const u = load<f64>(accDelta + o);
    const delta = (Math.sqrt(u + eps) / Math.sqrt(a + eps)) * g;
    store<f64>(accDelta + o, rho * u + oneMinusRho * delta * delta);
    store<f64>(params + o, load<f64>(params + o) - lr * delta);
  }
}
