import { bytes, zero } from '../util';
import { dotAt, dot2At } from '../blas/dot';
import { axpyAt, axpy4At } from '../blas/axpy';

/** Which per-row loss glmLossGrad computes; always a constant, so the other branch folds away. */
export const enum Link { Squared, Logistic }

/**
 * One pass over X for a one-output GLM loss: returns Σ s_i·loss(z_i, y_i) and writes
 * grad = Σ s_i·residual(z_i, y_i)·[x_i, 1], where z_i = x_i·w + b.
 *
 * Rows go four at a time: two paired SIMD dots (each load of w serves two rows), four
 * independent scalar terms (the logistic link's exp/log1p chains overlap), then one pass over
 * grad adding all four rows, which are still in L1. The four rows are i, i + q, i + 2q, i + 3q
 * (q = rows / 4), not neighbours: each quarter of X is then one sequential stream, which the
 * hardware prefetchers follow. (Blocks of neighbouring rows restart every stream at each block
 * and ran up to 1.5× slower than row-at-a-time once X no longer fit in cache.) Rows past
 * 4q go one at a time.
 */
@inline export function glmLossGrad(link: Link, rows: i32, cols: i32, X: usize, y: usize, sw: usize, params: usize, grad: usize): f64 {
  const rb = bytes(cols);
  const b = load<f64>(params + rb);
  zero(grad, cols + 1);
  let loss = 0.0, gb = 0.0;
  const q = max(rows, 0) >> 2;
  const qx = <usize>q * rb, qy = <usize>q << 3; // a quarter's stride through X, and through y and sw
  let row = X;
  for (let o: usize = 0; o < qy; o += 8, row += rb) {
    const r1 = row + qx, r2 = r1 + qx, r3 = r2 + qx;
    const o1 = o + qy, o2 = o1 + qy, o3 = o2 + qy;
    const z01 = dot2At(cols, row, r1, params), z23 = dot2At(cols, r2, r3, params);
    // t = [s·loss, s·residual]
    const t0 = term(link, f64x2.extract_lane(z01, 0) + b, load<f64>(y + o), sw == 0 ? 1.0 : load<f64>(sw + o));
    const t1 = term(link, f64x2.extract_lane(z01, 1) + b, load<f64>(y + o1), sw == 0 ? 1.0 : load<f64>(sw + o1));
    const t2 = term(link, f64x2.extract_lane(z23, 0) + b, load<f64>(y + o2), sw == 0 ? 1.0 : load<f64>(sw + o2));
    const t3 = term(link, f64x2.extract_lane(z23, 1) + b, load<f64>(y + o3), sw == 0 ? 1.0 : load<f64>(sw + o3));
    const c0 = f64x2.extract_lane(t0, 1), c1 = f64x2.extract_lane(t1, 1);
    const c2 = f64x2.extract_lane(t2, 1), c3 = f64x2.extract_lane(t3, 1);
    loss += f64x2.extract_lane(t0, 0);
    loss += f64x2.extract_lane(t1, 0);
    loss += f64x2.extract_lane(t2, 0);
    loss += f64x2.extract_lane(t3, 0);
    gb += c0;
    gb += c1;
    gb += c2;
    gb += c3;
    axpy4At(cols, c0, row, c1, r1, c2, r2, c3, r3, grad);
  }
  row = X + (qx << 2);
  for (let o = qy << 2; o < bytes(rows); o += 8, row += rb) {
    const t = term(link, dotAt(cols, row, params) + b, load<f64>(y + o), sw == 0 ? 1.0 : load<f64>(sw + o));
    const c = f64x2.extract_lane(t, 1);
    loss += f64x2.extract_lane(t, 0);
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
    // softplus(z) = log(1 + e^z) and σ(z) share one exp of −|z|, which never overflows:
    //   softplus = max(z, 0) + log1p(e),  σ = (z > 0 ? 1 : e) / (1 + e),  e = e^{−|z|}.
    // Branch-free (max and select), since the sign of z is as good as random from row to row.
    const e = Math.exp(-Math.abs(z));
    const softplus = Math.max(z, 0) + Math.log1p(e);
    const sigmoid = select<f64>(1.0, e, z > 0) / (1.0 + e);
    l = s * (softplus - t * z);
    r = sigmoid - t;
  }
  return f64x2.replace_lane(f64x2.splat(l), 1, s * r);
}
