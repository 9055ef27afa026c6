import { bytes, zero } from '../util';
import { dotAt, dot2At } from '../blas/dot';
import { axpyAt, axpy4At } from '../blas/axpy';

/** Which per-row loss glmLossGrad computes; always a constant, so the other branch folds away. */
export const enum Link { Squared, Logistic }

/**
 * One pass over X for a one-output GLM loss: returns Σ s_i·loss(z_i, y_i) and writes
 * grad = Σ s_i·residual(z_i, y_i)·[x_i, 1], where z_i = x_i·w + b.
 *
 * Rows go in blocks of four: two paired SIMD dots (each load of w serves two rows), then four
 * independent scalar terms (so the exp/log1p latencies of the logistic link overlap instead of
 * stalling the stream through X), then one pass over grad for all four rows, which are
 * still in L1.
 */
@inline export function glmLossGrad(link: Link, rows: i32, cols: i32, X: usize, y: usize, sw: usize, params: usize, grad: usize): f64 {
  const rb = bytes(cols);
  const b = load<f64>(params + rb);
  zero(grad, cols + 1);
  let loss = 0.0, gb = 0.0;
  let row = X;
  let i = 0;
  for (; i + 4 <= rows; i += 4, row += 4 * rb) {
    const r1 = row + rb, r2 = r1 + rb, r3 = r2 + rb;
    const z01 = dot2At(cols, row, r1, params), z23 = dot2At(cols, r2, r3, params);
    const o = <usize>i << 3;
    const q0 = term(link, f64x2.extract_lane(z01, 0) + b, load<f64>(y + o), sw == 0 ? 1.0 : load<f64>(sw + o));
    const q1 = term(link, f64x2.extract_lane(z01, 1) + b, load<f64>(y + o, 8), sw == 0 ? 1.0 : load<f64>(sw + o, 8));
    const q2 = term(link, f64x2.extract_lane(z23, 0) + b, load<f64>(y + o, 16), sw == 0 ? 1.0 : load<f64>(sw + o, 16));
    const q3 = term(link, f64x2.extract_lane(z23, 1) + b, load<f64>(y + o, 24), sw == 0 ? 1.0 : load<f64>(sw + o, 24));
    // q = [s·loss, s·residual]
    const c0 = f64x2.extract_lane(q0, 1), c1 = f64x2.extract_lane(q1, 1);
    const c2 = f64x2.extract_lane(q2, 1), c3 = f64x2.extract_lane(q3, 1);
    loss += f64x2.extract_lane(q0, 0); loss += f64x2.extract_lane(q1, 0);
    loss += f64x2.extract_lane(q2, 0); loss += f64x2.extract_lane(q3, 0);
    gb += c0; gb += c1; gb += c2; gb += c3;
    axpy4At(cols, c0, row, c1, r1, c2, r2, c3, r3, grad);
  }
  for (; i < rows; i++, row += rb) {
    const o = <usize>i << 3;
    const q = term(link, dotAt(cols, row, params) + b, load<f64>(y + o), sw == 0 ? 1.0 : load<f64>(sw + o));
    const c = f64x2.extract_lane(q, 1);
    loss += f64x2.extract_lane(q, 0);
    gb += c;
    axpyAt(cols, c, row, grad);
  }
  store<f64>(grad + rb, gb);
  return loss;
}

/** [s·loss(z, t), s·residual(z, t)] for one row, as an f64x2 (a pair without allocating). */
@inline function term(link: Link, z: f64, t: f64, s: f64): v128 {
  let l: f64, r: f64;
  if (link == Link.Squared) {
    r = z - t;
    l = s * 0.5 * r * r;
  } else {
    // softplus(z) = log(1 + e^z) and σ(z) share one exp, split on the sign of z so it never
    // overflows:  z > 0: e = e^{−z}, softplus = z + log1p(e), σ = 1/(1 + e)
    //             z ≤ 0: e = e^{z},  softplus = log1p(e),     σ = e/(1 + e)
    let softplus: f64, sigmoid: f64;
    if (z > 0) {
      const e = Math.exp(-z);
      softplus = z + Math.log1p(e);
      sigmoid = 1.0 / (1.0 + e);
    } else {
      const e = Math.exp(z);
      softplus = Math.log1p(e);
      sigmoid = e / (1.0 + e);
    }
    l = s * (softplus - t * z);
    r = sigmoid - t;
  }
  return f64x2.replace_lane(f64x2.splat(l), 1, s * r);
}
