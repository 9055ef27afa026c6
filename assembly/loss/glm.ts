import { bytes, zero } from '../util';
import { dotAt, dot2At } from '../blas/dot';
import { axpyAt, axpy4At } from '../blas/axpy';
import { lookahead, rowIndex, sink, touchRow, weight } from './rows';
import { expNeg2, log1p2 } from '../math/exp';

/**
 * What glmPass computes per row; always a constant, so the other branches fold away.
 * Squared, Logistic, Poisson and Huber are losses (with or without their gradient);
 * LogisticHess and PoissonHess are Hessian-vector products of their loss (no loss, no targets).
 * A new one-output loss is a value here plus its lines in expTerm, lossTerm and coefTerm.
 */
export const enum Link { Squared, Logistic, LogisticHess, Poisson, PoissonHess, Huber }

/** Whether the pass is a Hessian-vector product (reads v, has no targets and no loss). */
@inline function isHess(link: Link): bool {
  return link == Link.LogisticHess || link == Link.PoissonHess;
}

/** Whether the link's terms need e (see expTerm). */
@inline function usesExp(link: Link): bool {
  return link == Link.Logistic || link == Link.LogisticHess || link == Link.Poisson || link == Link.PoissonHess;
}

/**
 * e^z is capped at e^POISSON_Z_MAX (≈ 1e291): beyond it the exact value overflows to Infinity
 * within a few steps; capped, a line search sees a huge finite loss and backs off. The JS twin
 * caps at the same point.
 */
const POISSON_Z_MAX: f64 = 670.0;

/**
 * One pass over the selected rows of X for a one-output GLM: returns Σ s_i·loss(z_i, y_i) and,
 * when `withOut`, writes out = Σ s_i·coef_i·[x_i, 1], where z_i = x_i·w + b and coef_i is the
 * residual (the loss gradient) or, for the Hessian links, the loss's second derivative times
 * [x_i, 1]·v. `param` is the loss's parameter (Huber's ε; unused otherwise).
 * `withOut` is a constant at every call site: the loss-only pass has no axpy half at all.
 *
 * Rows go four at a time: two paired SIMD dots (each load of w serves two rows), whose two
 * [z, z'] pairs go straight into the two-lane exp/log1p of ../math/exp (two rows' terms per
 * evaluation, the two pairs' chains overlapping), then one pass over out adding all four rows,
 * which are still in L1. Leftover rows go through lane 0 of the same terms.
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
  params: usize, v: usize, out: usize, param: f64 = 0,
): f64 {
  const rb = bytes(cols);
  const b = load<f64>(params + rb);
  // c: v's intercept for the Hessian links, the loss parameter for Huber.
  const c = isHess(link) ? load<f64>(v + rb) : link == Link.Huber ? param : 0.0;
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
 * [s·loss, coef] terms, and (withOut) out += Σ coef_k·x_k in one pass over out. The terms go
 * two rows at a time, one per f64x2 lane (rows 0 and 1, then 2 and 3).
 */
@inline function quad(
  link: Link, withOut: bool, cols: i32, r0: usize, r1: usize, r2: usize, r3: usize,
  o0: usize, o1: usize, o2: usize, o3: usize, y: usize, sw: usize, params: usize, b: f64,
  v: usize, c: f64, out: usize, acc: v128,
): v128 {
  const z01 = f64x2.add(dot2At(cols, r0, r1, params), f64x2.splat(b));
  const z23 = f64x2.add(dot2At(cols, r2, r3, params), f64x2.splat(b));
  let u01 = f64x2.splat(0), u23 = f64x2.splat(0);
  if (isHess(link)) {
    u01 = f64x2.add(dot2At(cols, r0, r1, v), f64x2.splat(c));
    u23 = f64x2.add(dot2At(cols, r2, r3, v), f64x2.splat(c));
  }
  const t01 = target2(link, y, o0, o1), t23 = target2(link, y, o2, o3);
  const s01 = weight2(sw, o0, o1), s23 = weight2(sw, o2, o3);
  const e01 = expTerm(link, z01), e23 = expTerm(link, z23);
  // [l0 + l2, l1 + l3] and the same for the coefficients; then acc + [Σ l, Σ coef].
  const l = f64x2.add(lossTerm(link, z01, e01, t01, s01, c), lossTerm(link, z23, e23, t23, s23, c));
  let k = f64x2.splat(0);
  if (withOut) {
    const k01 = coefTerm(link, z01, e01, t01, s01, u01, c), k23 = coefTerm(link, z23, e23, t23, s23, u23, c);
    axpy4At(
      cols, f64x2.extract_lane(k01, 0), r0, f64x2.extract_lane(k01, 1), r1,
      f64x2.extract_lane(k23, 0), r2, f64x2.extract_lane(k23, 1), r3, out,
    );
    k = f64x2.add(k01, k23);
  }
  return f64x2.add(f64x2.add(acc, v128.shuffle<f64>(l, k, 0, 2)), v128.shuffle<f64>(l, k, 1, 3));
}

/** One row at r (o: byte offset of its entries in y and sw), through lane 0 of the pair terms. */
@inline function single(
  link: Link, withOut: bool, cols: i32, r: usize, o: usize, y: usize, sw: usize, params: usize,
  b: f64, v: usize, c: f64, out: usize, acc: v128,
): v128 {
  const z = dotAt(cols, r, params) + b;
  const s = weight(sw, o);
  // [s·loss, s·coef]; the logistic links through one shared (not inlined) copy of their terms.
  let t: v128;
  if (link == Link.Logistic || link == Link.Poisson) {
    t = link == Link.Logistic ? logisticRow(z, load<f64>(y + o), s) : poissonRow(z, load<f64>(y + o), s);
    if (!withOut) t = f64x2.replace_lane(t, 1, 0);
  } else if (isHess(link)) {
    const u = dotAt(cols, r, v) + c;
    t = f64x2.replace_lane(f64x2.splat(0), 1, link == Link.LogisticHess ? logisticHessRow(z, s, u) : poissonHessRow(z, s, u));
  } else {
    // Squared and Huber: no exp, cheap enough to inline.
    const zv = f64x2.splat(z), tv = f64x2.splat(load<f64>(y + o)), sv = f64x2.splat(s);
    const zero = f64x2.splat(0);
    t = v128.shuffle<f64>(lossTerm(link, zv, zero, tv, sv, c), withOut ? coefTerm(link, zv, zero, tv, sv, zero, c) : zero, 0, 2);
  }
  if (withOut) axpyAt(cols, f64x2.extract_lane(t, 1), r, out);
  return f64x2.add(acc, t);
}

/**
 * [s·loss, s·coef] of one row for the logistic loss (the coefficient computed even for a
 * loss-only call: this serves at most three rows per call). Not inlined, nor logisticHessRow:
 * the rows left over by the four-row groups don't need it, and each two-lane exp and log1p
 * inlined is ~0.5 KB of code.
 */
function logisticRow(z: f64, t: f64, s: f64): v128 {
  const zv = f64x2.splat(z), tv = f64x2.splat(t), sv = f64x2.splat(s);
  const e = expTerm(Link.Logistic, zv);
  return v128.shuffle<f64>(lossTerm(Link.Logistic, zv, e, tv, sv, 0), coefTerm(Link.Logistic, zv, e, tv, sv, e, 0), 0, 2);
}

/** [s·loss, s·coef] of one row for the Poisson loss (see logisticRow). */
function poissonRow(z: f64, t: f64, s: f64): v128 {
  const zv = f64x2.splat(z), tv = f64x2.splat(t), sv = f64x2.splat(s);
  const e = expTerm(Link.Poisson, zv);
  return v128.shuffle<f64>(lossTerm(Link.Poisson, zv, e, tv, sv, 0), coefTerm(Link.Poisson, zv, e, tv, sv, e, 0), 0, 2);
}

/** s·σ(1 − σ)·u of one row (see logisticRow). */
function logisticHessRow(z: f64, s: f64, u: f64): f64 {
  const zv = f64x2.splat(z), zero = f64x2.splat(0);
  return f64x2.extract_lane(coefTerm(Link.LogisticHess, zv, expTerm(Link.LogisticHess, zv), zero, f64x2.splat(s), f64x2.splat(u), 0), 0);
}

/** s·e^z·u of one row (see logisticRow). */
function poissonHessRow(z: f64, s: f64, u: f64): f64 {
  const zv = f64x2.splat(z), zero = f64x2.splat(0);
  return f64x2.extract_lane(coefTerm(Link.PoissonHess, zv, expTerm(Link.PoissonHess, zv), zero, f64x2.splat(s), f64x2.splat(u), 0), 0);
}

/** The targets of two rows, [y at o0, y at o1] (zeros for the Hessian links, which have none). */
@inline function target2(link: Link, y: usize, o0: usize, o1: usize): v128 {
  if (isHess(link)) return f64x2.splat(0);
  return v128.load64_lane(y + o1, v128.load64_zero(y + o0), 1);
}

/** The sample weights of two rows, or ones when sw = 0 (see weight). */
@inline function weight2(sw: usize, o0: usize, o1: usize): v128 {
  if (sw == 0) return f64x2.splat(1.0);
  return v128.load64_lane(sw + o1, v128.load64_zero(sw + o0), 1);
}

// The per-row terms, two rows (lanes) at a time. The logistic link's softplus(z) = log(1 + e^z)
// and σ(z) share one e = e^{−|z|}, which never overflows:
//   softplus = max(z, 0) + log1p(e),  σ = (z > 0 ? 1 : e) / (1 + e),  σ(1 − σ) = e / (1 + e)².
// Branch-free (max and select), since the sign of z is as good as random from row to row.
// The Poisson (log) link's e is e^z itself, capped (POISSON_Z_MAX): loss e^z − t·z, coef e^z − t,
// second derivative e^z. Huber (c = ε) clips the residual r = z − t to h = clamp(r, −ε, ε):
// coef h, loss h·r − h²/2 (½r² inside the band, ε|r| − ε²/2 outside).

/** e = e^{−|z|} for the logistic links, e^z for Poisson (unused by Squared and Huber). */
@inline function expTerm(link: Link, z: v128): v128 {
  if (!usesExp(link)) return f64x2.splat(0);
  if (link == Link.Poisson || link == Link.PoissonHess) return expNeg2(f64x2.pmin(z, f64x2.splat(POISSON_Z_MAX)));
  return expNeg2(f64x2.neg(f64x2.abs(z)));
}

/** Huber's clipped residual clamp(z − t, −ε, ε) per lane. */
@inline function huberClip(z: v128, t: v128, eps: f64): v128 {
  return f64x2.pmax(f64x2.pmin(f64x2.sub(z, t), f64x2.splat(eps)), f64x2.splat(-eps));
}

/** s·loss(z, t) per lane (0 for the Hessian links, which have no loss); c is Huber's ε. */
@inline function lossTerm(link: Link, z: v128, e: v128, t: v128, s: v128, c: f64): v128 {
  if (link == Link.Squared) {
    const d = f64x2.sub(z, t);
    return f64x2.mul(f64x2.mul(f64x2.mul(s, f64x2.splat(0.5)), d), d);
  }
  if (link == Link.Huber) {
    const r = f64x2.sub(z, t), h = huberClip(z, t, c);
    return f64x2.mul(s, f64x2.mul(h, f64x2.sub(r, f64x2.mul(f64x2.splat(0.5), h))));
  }
  if (link == Link.Poisson) return f64x2.mul(s, f64x2.sub(e, f64x2.mul(t, z)));
  if (link == Link.Logistic) {
    // s·(max(z, 0) + log1p(e) − t·z); pmax(z, 0) is z < 0 ? 0 : z.
    const sp = f64x2.add(f64x2.pmax(z, f64x2.splat(0)), log1p2(e));
    return f64x2.mul(s, f64x2.sub(sp, f64x2.mul(t, z)));
  }
  return f64x2.splat(0);
}

/** s·coef per lane: the loss gradient in z or, for the Hessian links, s·(second derivative)·u. */
@inline function coefTerm(link: Link, z: v128, e: v128, t: v128, s: v128, u: v128, c: f64): v128 {
  if (link == Link.Squared) return f64x2.mul(s, f64x2.sub(z, t));
  if (link == Link.Huber) return f64x2.mul(s, huberClip(z, t, c));
  if (link == Link.Poisson) return f64x2.mul(s, f64x2.sub(e, t));
  if (link == Link.PoissonHess) return f64x2.mul(f64x2.mul(s, e), u);
  const d = f64x2.add(f64x2.splat(1.0), e);
  if (link == Link.Logistic) {
    const num = v128.bitselect(f64x2.splat(1.0), e, f64x2.gt(z, f64x2.splat(0)));
    return f64x2.mul(s, f64x2.sub(f64x2.div(num, d), t));
  }
  return f64x2.mul(f64x2.mul(s, f64x2.div(e, f64x2.mul(d, d))), u);
}
