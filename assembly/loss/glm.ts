import { bytes, zero } from '../util';
import { dotAt, dot2At } from '../blas/dot';
import { axpyAt, axpy4At } from '../blas/axpy';
import { lookahead, rowIndex, sink, touchRow, weight } from './rows';

/**
 * What a one-output loss gives the shared pass: its per-row terms, two rows (lanes) at a time,
 * as an `@final @unmanaged` class whose members are all `@inline`:
 *
 *   isHess             the pass is a Hessian-vector product (reads v; no targets, no loss)
 *   usesExp            exp is needed (logistic, Poisson): rows left over from the four-row
 *                      groups then go through one shared, not inlined, copy of the terms
 *   exp(z)             e per lane (e.g. e^{−|z|} for logistic, capped e^z for Poisson)
 *   loss(z, e, t, s, c)    s·loss(z, t) per lane (c: the loss's parameter, e.g. Huber's ε)
 *   coef(z, e, t, s, u, c) s·∂loss/∂z per lane, or for a Hessian s·∂²loss/∂z²·u
 *
 * glmPass is compiled once per terms class (`glmPass(terms<PoissonTerms>(), …)`), so every
 * member folds into the loop and nothing dispatches at run time. A new one-output loss is its
 * terms class and its kernel entry points, in its own file: see squared.ts, poisson.ts, huber.ts.
 */
@inline export function terms<T>(): T {
  // The terms classes have no fields: a null reference is all the pass needs.
  return changetype<T>(0);
}

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
@inline export function glmPass<T>(
  link: T, withOut: bool, rows: i32, cols: i32, X: usize, idx: usize, y: usize, sw: usize,
  params: usize, v: usize, out: usize, param: f64 = 0,
): f64 {
  const rb = bytes(cols);
  const b = load<f64>(params + rb);
  // c: v's intercept for the Hessian links, the loss parameter for Huber.
  const c = link.isHess ? load<f64>(v + rb) : param;
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
@inline function quad<T>(
  link: T, withOut: bool, cols: i32, r0: usize, r1: usize, r2: usize, r3: usize,
  o0: usize, o1: usize, o2: usize, o3: usize, y: usize, sw: usize, params: usize, b: f64,
  v: usize, c: f64, out: usize, acc: v128,
): v128 {
  const z01 = f64x2.add(dot2At(cols, r0, r1, params), f64x2.splat(b));
  const z23 = f64x2.add(dot2At(cols, r2, r3, params), f64x2.splat(b));
  let u01 = f64x2.splat(0), u23 = f64x2.splat(0);
  if (link.isHess) {
    u01 = f64x2.add(dot2At(cols, r0, r1, v), f64x2.splat(c));
    u23 = f64x2.add(dot2At(cols, r2, r3, v), f64x2.splat(c));
  }
  const t01 = target2(link.isHess, y, o0, o1), t23 = target2(link.isHess, y, o2, o3);
  const s01 = weight2(sw, o0, o1), s23 = weight2(sw, o2, o3);
  const e01 = link.usesExp ? link.exp(z01) : f64x2.splat(0), e23 = link.usesExp ? link.exp(z23) : f64x2.splat(0);
  // [l0 + l2, l1 + l3] and the same for the coefficients; then acc + [Σ l, Σ coef].
  const l = link.isHess ? f64x2.splat(0) : f64x2.add(link.loss(z01, e01, t01, s01, c), link.loss(z23, e23, t23, s23, c));
  let k = f64x2.splat(0);
  if (withOut) {
    const k01 = link.coef(z01, e01, t01, s01, u01, c), k23 = link.coef(z23, e23, t23, s23, u23, c);
    axpy4At(
      cols, f64x2.extract_lane(k01, 0), r0, f64x2.extract_lane(k01, 1), r1,
      f64x2.extract_lane(k23, 0), r2, f64x2.extract_lane(k23, 1), r3, out,
    );
    k = f64x2.add(k01, k23);
  }
  return f64x2.add(f64x2.add(acc, v128.shuffle<f64>(l, k, 0, 2)), v128.shuffle<f64>(l, k, 1, 3));
}

/** One row at r (o: byte offset of its entries in y and sw), through lane 0 of the pair terms. */
@inline function single<T>(
  link: T, withOut: bool, cols: i32, r: usize, o: usize, y: usize, sw: usize, params: usize,
  b: f64, v: usize, c: f64, out: usize, acc: v128,
): v128 {
  const z = dotAt(cols, r, params) + b;
  const s = weight(sw, o);
  // [s·loss, s·coef]; the terms that need exp through one shared (not inlined) copy.
  let t: v128;
  if (link.isHess) {
    const u = dotAt(cols, r, v) + c;
    t = f64x2.replace_lane(f64x2.splat(0), 1, link.usesExp ? hessRow(link, z, s, u) : hessTerms(link, z, s, u));
  } else {
    t = link.usesExp ? lossRow(link, z, load<f64>(y + o), s, c) : lossTerms(link, z, load<f64>(y + o), s, c);
    if (!withOut) t = f64x2.replace_lane(t, 1, 0);
  }
  if (withOut) axpyAt(cols, f64x2.extract_lane(t, 1), r, out);
  return f64x2.add(acc, t);
}

/** [s·loss, s·coef] of one row (the coefficient computed even for a loss-only call). */
@inline function lossTerms<T>(link: T, z: f64, t: f64, s: f64, c: f64): v128 {
  const zv = f64x2.splat(z), tv = f64x2.splat(t), sv = f64x2.splat(s);
  const e = link.usesExp ? link.exp(zv) : f64x2.splat(0);
  return v128.shuffle<f64>(link.loss(zv, e, tv, sv, c), link.coef(zv, e, tv, sv, e, c), 0, 2);
}

/** s·(second derivative)·u of one row, for the Hessian terms. */
@inline function hessTerms<T>(link: T, z: f64, s: f64, u: f64): f64 {
  const zv = f64x2.splat(z), zero = f64x2.splat(0);
  const e = link.usesExp ? link.exp(zv) : zero;
  return f64x2.extract_lane(link.coef(zv, e, zero, f64x2.splat(s), f64x2.splat(u), 0), 0);
}

/**
 * lossTerms and hessTerms, not inlined: the rows left over by the four-row groups (at most
 * three per call) don't need it, and each two-lane exp and log1p inlined is ~0.5 KB of code.
 */
function lossRow<T>(link: T, z: f64, t: f64, s: f64, c: f64): v128 {
  return lossTerms(link, z, t, s, c);
}

function hessRow<T>(link: T, z: f64, s: f64, u: f64): f64 {
  return hessTerms(link, z, s, u);
}

/** The targets of two rows, [y at o0, y at o1] (zeros for a Hessian pass, which has none). */
@inline function target2(isHess: bool, y: usize, o0: usize, o1: usize): v128 {
  if (isHess) return f64x2.splat(0);
  return v128.load64_lane(y + o1, v128.load64_zero(y + o0), 1);
}

/** The sample weights of two rows, or ones when sw = 0 (see weight). */
@inline function weight2(sw: usize, o0: usize, o1: usize): v128 {
  if (sw == 0) return f64x2.splat(1.0);
  return v128.load64_lane(sw + o1, v128.load64_zero(sw + o0), 1);
}
