import { bytes, zero } from '../util';
import { dotAt, dot2At } from '../blas/dot';
import { axpyAt, axpy4At } from '../blas/axpy';
import { lookahead, rowIndex, sink, touchRow, weight } from './rows';

/**
 * What glmPass computes per row; always a constant, so the other branches fold away.
 * Squared and Logistic are losses (with or without their gradient); LogisticHess is the
 * Hessian-vector product of the logistic loss (no loss, no targets).
 */
export const enum Link { Squared, Logistic, LogisticHess }

/**
 * One pass over the selected rows of X for a one-output GLM: returns Σ s_i·loss(z_i, y_i) and,
 * when `withOut`, writes out = Σ s_i·coef_i·[x_i, 1], where z_i = x_i·w + b and coef_i is the
 * residual (the loss gradient) or, for LogisticHess, σ_i(1 − σ_i)·([x_i, 1]·v).
 * `withOut` is a constant at every call site: the loss-only pass has no axpy half at all.
 *
 * Rows go four at a time: two paired SIMD dots (each load of w serves two rows), four
 * independent scalar terms (the logistic link's exp/log1p chains overlap), then one pass over
 * out adding all four rows, which are still in L1.
 *
 * idx = 0 (every row, in order): the four rows are i, i + q, i + 2q, i + 3q (q = rows / 4),
 * not neighbours: each quarter of X is then one sequential stream, which the hardware
 * prefetchers follow. (Blocks of neighbouring rows restart every stream at each block and ran
 * up to 1.5× slower than row-at-a-time once X no longer fit in cache.) Rows past 4q go one at
 * a time. idx ≠ 0 (a mini-batch): four consecutive indices, i.e. four independent random rows,
 * and while one group is computed the rows of a later group are touched (see touchRow) so that
 * their cache misses are already under way; the rows left over go one at a time.
 */
@inline export function glmPass(
  link: Link, withOut: bool, rows: i32, cols: i32, X: usize, idx: usize, y: usize, sw: usize,
  params: usize, v: usize, out: usize,
): f64 {
  const rb = bytes(cols);
  const b = load<f64>(params + rb);
  const c = link == Link.LogisticHess ? load<f64>(v + rb) : 0.0;
  if (withOut) zero(out, cols + 1);
  let acc = f64x2.splat(0); // [Σ s·loss, Σ coef]
  const n = max(rows, 0);
  if (idx == 0) {
    const q = n >> 2;
    const qx = <usize>q * rb, qy = <usize>q << 3; // a quarter's stride through X, and through y and sw
    let row = X;
    for (let o: usize = 0; o < qy; o += 8, row += rb) {
      const r1 = row + qx, r2 = r1 + qx, r3 = r2 + qx;
      const o1 = o + qy, o2 = o1 + qy, o3 = o2 + qy;
      acc = quad(link, withOut, cols, row, r1, r2, r3, o, o1, o2, o3, y, sw, params, b, v, c, out, acc);
    }
    row = X + (qx << 2);
    for (let o = qy << 2; o < bytes(n); o += 8, row += rb) {
      acc = single(link, withOut, cols, row, o, y, sw, params, b, v, c, out, acc);
    }
  } else {
    const end = idx + (<usize>n << 2), quads = idx + (<usize>(n & ~3) << 2);
    let p = idx;
    // Touch `ahead` bytes of idx (whole groups) ahead of the group being computed.
    const ahead = lookahead(rb, 4);
    let touched = 0;
    for (let t = p; t < min(p + ahead, quads); t += 16) touched |= touchQuad(t, X, rb, y, sw);
    for (; p < quads; p += 16) {
      if (p + ahead < quads) touched |= touchQuad(p + ahead, X, rb, y, sw);
      const i0 = rowIndex(p, 0), i1 = rowIndex(p, 4), i2 = rowIndex(p, 8), i3 = rowIndex(p, 12);
      acc = quad(
        link, withOut, cols, X + i0 * rb, X + i1 * rb, X + i2 * rb, X + i3 * rb,
        i0 << 3, i1 << 3, i2 << 3, i3 << 3, y, sw, params, b, v, c, out, acc,
      );
    }
    for (; p < end; p += 4) {
      const i = rowIndex(p, 0);
      acc = single(link, withOut, cols, X + i * rb, i << 3, y, sw, params, b, v, c, out, acc);
    }
    sink(touched);
  }
  if (withOut) store<f64>(out + rb, f64x2.extract_lane(acc, 1));
  return f64x2.extract_lane(acc, 0);
}

/** Touches the four rows indexed at p, and their entries in y and sw (see touchRow). */
@inline function touchQuad(p: usize, X: usize, rb: usize, y: usize, sw: usize): i32 {
  if (rb == 0) return 0;
  const i0 = rowIndex(p, 0), i1 = rowIndex(p, 4), i2 = rowIndex(p, 8), i3 = rowIndex(p, 12);
  let t = touchRow(X + i0 * rb, rb) | touchRow(X + i1 * rb, rb) | touchRow(X + i2 * rb, rb) | touchRow(X + i3 * rb, rb);
  const o0 = i0 << 3, o1 = i1 << 3, o2 = i2 << 3, o3 = i3 << 3;
  if (y != 0) t |= load<i32>(y + o0) | load<i32>(y + o1) | load<i32>(y + o2) | load<i32>(y + o3);
  if (sw != 0) t |= load<i32>(sw + o0) | load<i32>(sw + o1) | load<i32>(sw + o2) | load<i32>(sw + o3);
  return t;
}

/**
 * Four rows at r0..r3 (o0..o3: byte offsets of their entries in y and sw): acc + their
 * [s·loss, coef] terms, in row order, and (withOut) out += Σ coef_k·x_k in one pass over out.
 */
@inline function quad(
  link: Link, withOut: bool, cols: i32, r0: usize, r1: usize, r2: usize, r3: usize,
  o0: usize, o1: usize, o2: usize, o3: usize, y: usize, sw: usize, params: usize, b: f64,
  v: usize, c: f64, out: usize, acc: v128,
): v128 {
  const z01 = dot2At(cols, r0, r1, params), z23 = dot2At(cols, r2, r3, params);
  let u01 = f64x2.splat(0), u23 = f64x2.splat(0);
  if (link == Link.LogisticHess) {
    u01 = dot2At(cols, r0, r1, v);
    u23 = dot2At(cols, r2, r3, v);
  }
  const t0 = term(link, withOut, f64x2.extract_lane(z01, 0) + b, target(link, y, o0), weight(sw, o0), f64x2.extract_lane(u01, 0) + c);
  const t1 = term(link, withOut, f64x2.extract_lane(z01, 1) + b, target(link, y, o1), weight(sw, o1), f64x2.extract_lane(u01, 1) + c);
  const t2 = term(link, withOut, f64x2.extract_lane(z23, 0) + b, target(link, y, o2), weight(sw, o2), f64x2.extract_lane(u23, 0) + c);
  const t3 = term(link, withOut, f64x2.extract_lane(z23, 1) + b, target(link, y, o3), weight(sw, o3), f64x2.extract_lane(u23, 1) + c);
  if (withOut) {
    axpy4At(
      cols, f64x2.extract_lane(t0, 1), r0, f64x2.extract_lane(t1, 1), r1,
      f64x2.extract_lane(t2, 1), r2, f64x2.extract_lane(t3, 1), r3, out,
    );
  }
  return f64x2.add(f64x2.add(f64x2.add(f64x2.add(acc, t0), t1), t2), t3);
}

/** One row at r (o: byte offset of its entries in y and sw). */
@inline function single(
  link: Link, withOut: bool, cols: i32, r: usize, o: usize, y: usize, sw: usize, params: usize,
  b: f64, v: usize, c: f64, out: usize, acc: v128,
): v128 {
  const u = link == Link.LogisticHess ? dotAt(cols, r, v) + c : 0.0;
  const t = term(link, withOut, dotAt(cols, r, params) + b, target(link, y, o), weight(sw, o), u);
  if (withOut) axpyAt(cols, f64x2.extract_lane(t, 1), r, out);
  return f64x2.add(acc, t);
}

@inline function target(link: Link, y: usize, o: usize): f64 {
  return link == Link.LogisticHess ? 0.0 : load<f64>(y + o);
}


/**
 * [s·loss(z, t), s·coef] for one row, as an f64x2 (a pair without allocating); without
 * `withOut` the coefficient lane is 0 and never computed. u = [x, 1]·v (LogisticHess only).
 */
@inline function term(link: Link, withOut: bool, z: f64, t: f64, s: f64, u: f64): v128 {
  let l = 0.0, r = 0.0;
  if (link == Link.Squared) {
    const d = z - t;
    l = s * 0.5 * d * d;
    if (withOut) r = s * d;
  } else {
    // softplus(z) = log(1 + e^z) and σ(z) share one exp of −|z|, which never overflows:
    //   softplus = max(z, 0) + log1p(e),  σ = (z > 0 ? 1 : e) / (1 + e),  e = e^{−|z|},
    //   σ(1 − σ) = e / (1 + e)².
    // Branch-free (max and select), since the sign of z is as good as random from row to row.
    const e = Math.exp(-Math.abs(z));
    if (link == Link.Logistic) {
      l = s * (Math.max(z, 0) + Math.log1p(e) - t * z);
      if (withOut) r = s * (select<f64>(1.0, e, z > 0) / (1.0 + e) - t);
    } else {
      const d = 1.0 + e;
      r = s * (e / (d * d)) * u;
    }
  }
  return f64x2.replace_lane(f64x2.splat(l), 1, r);
}
