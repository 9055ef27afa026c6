import { bytes, zero } from '../util';
import { dotAt, dot2At } from '../blas/dot';
import { axpyAt, axpy2At } from '../blas/axpy';
import { lookahead, rowIndex, sink, touchRow, weight } from './rows';
import { expNeg2 } from '../math/exp';

/** What softmaxPass computes; always a constant, so the other branches fold away. */
export const enum Mode { Loss, LossGrad, HessVec }

/** Rows go in pairs when the second row's values fit this static scratch (in the module's own page). */
const PAIRED_MAX_CLASSES: i32 = 256;
/** The second row of a pair: K logits (then probabilities), and K values of u for HessVec. */
const SCRATCH2: usize = memory.data(PAIRED_MAX_CLASSES << 4, 16);

/**
 * One pass over the selected rows of X for the multinomial cross-entropy, y holding class
 * indices as float64. Per row: K SIMD dots (2K for HessVec: z_k = x·W_k + b_k and
 * u_k = x·V_k + c_k), a max-shifted log-sum-exp (finite for any |z|), then (unless Mode.Loss)
 * K SIMD axpys of the row, still in L1, into the class blocks of out:
 *   LossGrad: out_k += s·(p_k − [k = y])·[x, 1];  HessVec: out_k += s·p_k·(u_k − Σ_j p_j·u_j)·[x, 1].
 * Returns the loss (0 for HessVec).
 *
 * Rows go in pairs: paired dots load each W_k once for both rows, paired axpys load and store
 * each block of out once, and the two rows' exp chains overlap. With idx = 0 a pair is rows
 * i and i + h (h = rows / 2), so each half of X streams through memory sequentially; with
 * idx ≠ 0 it is two consecutive indices, and the rows of later pairs are touched while one
 * pair is computed (see touchRow). `scratch` holds the first row of a pair (K values,
 * 2K for HessVec), SCRATCH2 the second; with more than PAIRED_MAX_CLASSES classes rows go
 * one at a time through `scratch`.
 */
@inline export function softmaxPass(
  mode: Mode, rows: i32, cols: i32, classes: i32, X: usize, idx: usize, y: usize, sw: usize,
  params: usize, v: usize, out: usize, scratch: usize,
): f64 {
  const rb = bytes(cols);
  if (mode != Mode.Loss) zero(out, classes * (cols + 1));
  let loss = 0.0;
  const n = max(rows, 0);
  if (classes <= PAIRED_MAX_CLASSES) {
    if (idx == 0) {
      const h = n >> 1;
      const hx = <usize>h * rb, hy = <usize>h << 3;
      let row = X;
      for (let o: usize = 0; o < hy; o += 8, row += rb) {
        loss = pair(mode, cols, classes, row, row + hx, o, o + hy, y, sw, params, v, out, scratch, loss);
      }
      // The odd row left over, if any.
      if (n & 1) loss = single(mode, cols, classes, X + (hx << 1), hy << 1, y, sw, params, v, out, scratch, loss);
    } else {
      const pairs = idx + (<usize>(n & ~1) << 2);
      let p = idx;
      const ahead = lookahead(rb, 2);
      let touched = 0;
      for (let t = p; t < min(p + ahead, pairs); t += 8) touched |= touchPair(t, X, rb, y, sw);
      for (; p < pairs; p += 8) {
        if (p + ahead < pairs) touched |= touchPair(p + ahead, X, rb, y, sw);
        const i0 = rowIndex(p, 0), i1 = rowIndex(p, 4);
        loss = pair(mode, cols, classes, X + i0 * rb, X + i1 * rb, i0 << 3, i1 << 3, y, sw, params, v, out, scratch, loss);
      }
      if (n & 1) {
        const i = rowIndex(p, 0);
        loss = single(mode, cols, classes, X + i * rb, i << 3, y, sw, params, v, out, scratch, loss);
      }
      sink(touched);
    }
  } else if (idx == 0) {
    let row = X;
    for (let o: usize = 0; o < bytes(n); o += 8, row += rb) {
      loss = single(mode, cols, classes, row, o, y, sw, params, v, out, scratch, loss);
    }
  } else {
    const end = idx + (<usize>n << 2);
    for (let p = idx; p < end; p += 4) {
      const i = rowIndex(p, 0);
      loss = single(mode, cols, classes, X + i * rb, i << 3, y, sw, params, v, out, scratch, loss);
    }
  }
  return loss;
}

/** Rows r0 and r1 (o0, o1: byte offsets of their entries in y and sw); returns loss + their terms. */
@inline function pair(
  mode: Mode, cols: i32, classes: i32, r0: usize, r1: usize, o0: usize, o1: usize, y: usize,
  sw: usize, params: usize, v: usize, out: usize, scratch: usize, loss: f64,
): f64 {
  const rb = bytes(cols), kb = bytes(classes);
  const blocks = <usize>classes * rb; // the biases follow the K weight rows
  const p0 = scratch, p1 = SCRATCH2, u0 = scratch + kb, u1 = SCRATCH2 + kb;
  let max0 = -Infinity, max1 = -Infinity;
  let w = params, vk = v;
  for (let k: usize = 0; k < kb; k += 8, w += rb) {
    const z = f64x2.add(dot2At(cols, r0, r1, w), v128.load64_splat(params + blocks + k));
    const z0 = f64x2.extract_lane(z, 0), z1 = f64x2.extract_lane(z, 1);
    store<f64>(p0 + k, z0);
    store<f64>(p1 + k, z1);
    if (z0 > max0) max0 = z0;
    if (z1 > max1) max1 = z1;
    if (mode == Mode.HessVec) {
      const u = f64x2.add(dot2At(cols, r0, r1, vk), v128.load64_splat(v + blocks + k));
      store<f64>(u0 + k, f64x2.extract_lane(u, 0));
      store<f64>(u1 + k, f64x2.extract_lane(u, 1));
      vk += rb;
    }
  }
  let t0: usize = 0, t1: usize = 0, zt0 = 0.0, zt1 = 0.0;
  if (mode != Mode.HessVec) {
    t0 = classOffset(y + o0);
    t1 = classOffset(y + o1);
    zt0 = load<f64>(p0 + t0);
    zt1 = load<f64>(p1 + t1);
  }
  const sums = mode == Mode.Loss ? expSum2(false, p0, p1, kb, max0, max1) : expSum2(true, p0, p1, kb, max0, max1);
  const sum0 = f64x2.extract_lane(sums, 0), sum1 = f64x2.extract_lane(sums, 1);
  const s0 = weight(sw, o0), s1 = weight(sw, o1);
  if (mode != Mode.HessVec) {
    // log Σ_k e^{z_k} − z_y, as zMax + log Σ_k e^{z_k − zMax} − z_y.
    loss += s0 * (max0 + Math.log(sum0) - zt0);
    loss += s1 * (max1 + Math.log(sum1) - zt1);
  }
  if (mode == Mode.Loss) return loss;
  const inv0 = 1.0 / sum0, inv1 = 1.0 / sum1;
  const outBias = out + blocks;
  let g = out;
  if (mode == Mode.LossGrad) {
    for (let k: usize = 0; k < kb; k += 8, g += rb) {
      const c0 = s0 * (load<f64>(p0 + k) * inv0 - (k == t0 ? 1.0 : 0.0));
      const c1 = s1 * (load<f64>(p1 + k) * inv1 - (k == t1 ? 1.0 : 0.0));
      store<f64>(outBias + k, load<f64>(outBias + k) + c0 + c1);
      axpy2At(cols, c0, r0, c1, r1, g);
    }
  } else {
    // p_k, and ū = Σ_k p_k·u_k.
    let ub0 = 0.0, ub1 = 0.0;
    for (let k: usize = 0; k < kb; k += 8) {
      const q0 = load<f64>(p0 + k) * inv0, q1 = load<f64>(p1 + k) * inv1;
      store<f64>(p0 + k, q0);
      store<f64>(p1 + k, q1);
      ub0 += q0 * load<f64>(u0 + k);
      ub1 += q1 * load<f64>(u1 + k);
    }
    for (let k: usize = 0; k < kb; k += 8, g += rb) {
      const c0 = s0 * load<f64>(p0 + k) * (load<f64>(u0 + k) - ub0);
      const c1 = s1 * load<f64>(p1 + k) * (load<f64>(u1 + k) - ub1);
      store<f64>(outBias + k, load<f64>(outBias + k) + c0 + c1);
      axpy2At(cols, c0, r0, c1, r1, g);
    }
  }
  return loss;
}

/** One row at r through `scratch` (o: byte offset of its entries in y and sw). */
@inline function single(
  mode: Mode, cols: i32, classes: i32, r: usize, o: usize, y: usize, sw: usize,
  params: usize, v: usize, out: usize, scratch: usize, loss: f64,
): f64 {
  const rb = bytes(cols), kb = bytes(classes);
  const blocks = <usize>classes * rb;
  const u = scratch + kb;
  let zMax = -Infinity;
  let w = params, vk = v;
  for (let k: usize = 0; k < kb; k += 8, w += rb) {
    const z = dotAt(cols, r, w) + load<f64>(params + blocks + k);
    store<f64>(scratch + k, z);
    if (z > zMax) zMax = z;
    if (mode == Mode.HessVec) {
      store<f64>(u + k, dotAt(cols, r, vk) + load<f64>(v + blocks + k));
      vk += rb;
    }
  }
  let t: usize = 0, zt = 0.0;
  if (mode != Mode.HessVec) {
    t = classOffset(y + o);
    zt = load<f64>(scratch + t);
  }
  const sum = mode == Mode.Loss ? expSum(false, scratch, kb, zMax) : expSum(true, scratch, kb, zMax);
  const s = weight(sw, o);
  if (mode != Mode.HessVec) loss += s * (zMax + Math.log(sum) - zt);
  if (mode == Mode.Loss) return loss;
  const inv = 1.0 / sum;
  const outBias = out + blocks;
  let g = out;
  if (mode == Mode.LossGrad) {
    for (let k: usize = 0; k < kb; k += 8, g += rb) {
      const c = s * (load<f64>(scratch + k) * inv - (k == t ? 1.0 : 0.0));
      store<f64>(outBias + k, load<f64>(outBias + k) + c);
      axpyAt(cols, c, r, g);
    }
  } else {
    let ub = 0.0;
    for (let k: usize = 0; k < kb; k += 8) {
      const q = load<f64>(scratch + k) * inv;
      store<f64>(scratch + k, q);
      ub += q * load<f64>(u + k);
    }
    for (let k: usize = 0; k < kb; k += 8, g += rb) {
      const c = s * load<f64>(scratch + k) * (load<f64>(u + k) - ub);
      store<f64>(outBias + k, load<f64>(outBias + k) + c);
      axpyAt(cols, c, r, g);
    }
  }
  return loss;
}

/**
 * Σ_k e^{z_k − m} over the logits at p (kb bytes of them) and, if `keep`, e^{z_k − m} in their
 * place: two classes per two-lane exp (m ≥ every z_k, so the arguments are ≤ 0), an odd last
 * one in lane 0. Not inlined (nor expSum2): one copy serves all the call sites, and a call
 * costs little next to a row's K dot products.
 */
function expSum(keep: bool, p: usize, kb: usize, m: f64): f64 {
  const mv = f64x2.splat(m);
  let a = f64x2.splat(0);
  let k: usize = 0;
  for (; k + 16 <= kb; k += 16) {
    const e = expNeg2(f64x2.sub(v128.load(p + k), mv));
    if (keep) v128.store(p + k, e);
    a = f64x2.add(a, e);
  }
  let sum = f64x2.extract_lane(a, 0) + f64x2.extract_lane(a, 1);
  if (k < kb) {
    const e = f64x2.extract_lane(expNeg2(f64x2.sub(v128.load64_zero(p + k), mv)), 0);
    if (keep) store<f64>(p + k, e);
    sum += e;
  }
  return sum;
}

/**
 * expSum for two rows' logits at p0 and p1 (maxima m0, m1), as [Σ row 0, Σ row 1]: their exp
 * chains overlap, and an odd last class of both rows goes in one evaluation.
 */
function expSum2(keep: bool, p0: usize, p1: usize, kb: usize, m0: f64, m1: f64): v128 {
  const mv0 = f64x2.splat(m0), mv1 = f64x2.splat(m1);
  let a0 = f64x2.splat(0), a1 = f64x2.splat(0);
  let k: usize = 0;
  for (; k + 16 <= kb; k += 16) {
    const e0 = expNeg2(f64x2.sub(v128.load(p0 + k), mv0)), e1 = expNeg2(f64x2.sub(v128.load(p1 + k), mv1));
    if (keep) {
      v128.store(p0 + k, e0);
      v128.store(p1 + k, e1);
    }
    a0 = f64x2.add(a0, e0);
    a1 = f64x2.add(a1, e1);
  }
  let sums = f64x2.add(v128.shuffle<f64>(a0, a1, 0, 2), v128.shuffle<f64>(a0, a1, 1, 3));
  if (k < kb) {
    const z = v128.load64_lane(p1 + k, v128.load64_zero(p0 + k), 1);
    const e = expNeg2(f64x2.sub(z, v128.shuffle<f64>(mv0, mv1, 0, 2)));
    if (keep) {
      v128.store64_lane(p0 + k, e, 0);
      v128.store64_lane(p1 + k, e, 1);
    }
    sums = f64x2.add(sums, e);
  }
  return sums;
}

/** Touches the two rows indexed at p, and their entries in y and sw (see touchRow). */
@inline function touchPair(p: usize, X: usize, rb: usize, y: usize, sw: usize): i32 {
  if (rb == 0) return 0;
  const i0 = rowIndex(p, 0), i1 = rowIndex(p, 4);
  let t = touchRow(X + i0 * rb, rb) | touchRow(X + i1 * rb, rb);
  if (y != 0) t |= load<i32>(y + (i0 << 3)) | load<i32>(y + (i1 << 3));
  if (sw != 0) t |= load<i32>(sw + (i0 << 3)) | load<i32>(sw + (i1 << 3));
  return t;
}

/** Byte offset of the class index stored (as float64) at p. */
@inline function classOffset(p: usize): usize {
  return <usize>(<i32>load<f64>(p)) << 3;
}
