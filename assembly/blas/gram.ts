import { bytes, zero } from '../util';

/**
 * Rows per panel: the panel (about this many float64 values) stays in L2 while every tile of G
 * is accumulated from it, so X is read from memory once.
 */
const PANEL_VALUES: i32 = 32768;

/** G ← AᵀA (see gramPass). */
export function gram(rows: i32, cols: i32, A: usize, G: usize): void {
  gramPass(false, rows, cols, A, 0, G);
}

/** G ← Aᵀ·diag(weights)·A (see gramPass). */
export function weightedGram(rows: i32, cols: i32, A: usize, weights: usize, G: usize): void {
  gramPass(true, rows, cols, A, weights, G);
}

/**
 * G ← Aᵀ·diag(w)·A, or AᵀA when not `weighted` (a constant at both call sites). Row panels;
 * within a panel, 4×4 register tiles over the upper triangle only (8 v128 accumulators: 4
 * splatted entries of column block j times 2 v128 loads of column block k, the latter scaled by
 * w_i when weighted), then the lower triangle is mirrored.
 */
@inline function gramPass(weighted: bool, rows: i32, cols: i32, A: usize, w: usize, G: usize): void {
  if (cols <= 0) return;
  const rb = bytes(cols);
  zero(G, cols * cols);
  const panel = max(16, PANEL_VALUES / cols);
  for (let r0 = 0; r0 < rows; r0 += panel) {
    const count = min(panel, rows - r0);
    const p = A + <usize>r0 * rb;
    const wp = w + (<usize>r0 << 3);
    for (let j0 = 0; j0 < cols; j0 += 4) {
      const jn = min(4, cols - j0);
      const gRow = G + <usize>j0 * rb;
      for (let k0 = j0; k0 < cols; k0 += 4) {
        const kn = min(4, cols - k0);
        const jOff = <usize>j0 << 3, kOff = <usize>k0 << 3;
        if (jn == 4 && kn == 4) tile4x4(weighted, p, wp, count, rb, jOff, kOff, gRow + kOff);
        else if (jn == 4) tile4xN(weighted, p, wp, count, rb, jOff, kOff, kn, gRow + kOff);
        else tileEdge(weighted, p, wp, count, rb, jOff, jn, kOff, kn, gRow + kOff);
      }
    }
  }
  // Mirror the upper triangle into the lower one.
  for (let j = 1; j < cols; j++) {
    const gj = G + <usize>j * rb;
    for (let k = 0; k < j; k++) {
      store<f64>(gj + (<usize>k << 3), load<f64>(G + <usize>k * rb + (<usize>j << 3)));
    }
  }
}

/**
 * G[j0..j0+4, k0..k0+4] += Σ_rows A[i, j]·(w_i·A[i, k]) over one panel (w_i = 1 unless
 * weighted; wp points at the panel's first weight); g points at G[j0, k0].
 *
 * Weighted, the four entries of block j are loaded as two pairs and splatted by shuffles: V8
 * hoists every load of an iteration to its top, and the weight plus four splat loads held
 * seven values next to the eight accumulators, one more than x64's 15 usable xmm registers, so
 * an accumulator lived on the stack (2.6× the unweighted time; with the pairs 1.4×).
 */
@inline function tile4x4(weighted: bool, p: usize, wp: usize, count: i32, rb: usize, jOff: usize, kOff: usize, g: usize): void {
  let c00 = f64x2.splat(0), c01 = f64x2.splat(0), c10 = f64x2.splat(0), c11 = f64x2.splat(0);
  let c20 = f64x2.splat(0), c21 = f64x2.splat(0), c30 = f64x2.splat(0), c31 = f64x2.splat(0);
  for (let i = 0; i < count; i++, p += rb) {
    const pj = p + jOff, pk = p + kOff;
    let y0 = v128.load(pk), y1 = v128.load(pk, 16);
    let x0: v128, x1: v128, x2: v128, x3: v128;
    if (weighted) {
      const wi = v128.load64_splat(wp);
      y0 = f64x2.mul(y0, wi);
      y1 = f64x2.mul(y1, wi);
      wp += 8;
      const x01 = v128.load(pj), x23 = v128.load(pj, 16);
      x0 = v128.shuffle<f64>(x01, x01, 0, 0); x1 = v128.shuffle<f64>(x01, x01, 1, 1);
      x2 = v128.shuffle<f64>(x23, x23, 0, 0); x3 = v128.shuffle<f64>(x23, x23, 1, 1);
    } else {
      x0 = v128.load64_splat(pj); x1 = v128.load64_splat(pj, 8);
      x2 = v128.load64_splat(pj, 16); x3 = v128.load64_splat(pj, 24);
    }
    c00 = f64x2.add(c00, f64x2.mul(x0, y0)); c01 = f64x2.add(c01, f64x2.mul(x0, y1));
    c10 = f64x2.add(c10, f64x2.mul(x1, y0)); c11 = f64x2.add(c11, f64x2.mul(x1, y1));
    c20 = f64x2.add(c20, f64x2.mul(x2, y0)); c21 = f64x2.add(c21, f64x2.mul(x2, y1));
    c30 = f64x2.add(c30, f64x2.mul(x3, y0)); c31 = f64x2.add(c31, f64x2.mul(x3, y1));
  }
  const g1 = g + rb, g2 = g1 + rb, g3 = g2 + rb;
  v128.store(g, f64x2.add(v128.load(g), c00)); v128.store(g, f64x2.add(v128.load(g, 16), c01), 16);
  v128.store(g1, f64x2.add(v128.load(g1), c10)); v128.store(g1, f64x2.add(v128.load(g1, 16), c11), 16);
  v128.store(g2, f64x2.add(v128.load(g2), c20)); v128.store(g2, f64x2.add(v128.load(g2, 16), c21), 16);
  v128.store(g3, f64x2.add(v128.load(g3), c30)); v128.store(g3, f64x2.add(v128.load(g3, 16), c31), 16);
}

/**
 * The last column block when cols % 4 ≠ 0 (a full block j against kn < 4 columns k): per
 * column k, A[i, j0..j0+4] times splatted w_i·A[i, k].
 */
@inline function tile4xN(weighted: bool, p: usize, wp: usize, count: i32, rb: usize, jOff: usize, kOff: usize, kn: i32, g: usize): void {
  for (let k = 0; k < kn; k++) {
    let c0 = f64x2.splat(0), c1 = f64x2.splat(0);
    let q = p, wq = wp;
    const kk = kOff + (<usize>k << 3);
    for (let i = 0; i < count; i++, q += rb) {
      let y: v128;
      if (weighted) {
        y = f64x2.splat(load<f64>(wq) * load<f64>(q + kk));
        wq += 8;
      } else {
        y = v128.load64_splat(q + kk);
      }
      c0 = f64x2.add(c0, f64x2.mul(v128.load(q + jOff), y));
      c1 = f64x2.add(c1, f64x2.mul(v128.load(q + jOff, 16), y));
    }
    // c0 = G[j0, k], G[j0+1, k]; c1 = G[j0+2, k], G[j0+3, k] (a column of G).
    const gk = g + (<usize>k << 3);
    store<f64>(gk, load<f64>(gk) + f64x2.extract_lane(c0, 0));
    store<f64>(gk + rb, load<f64>(gk + rb) + f64x2.extract_lane(c0, 1));
    store<f64>(gk + 2 * rb, load<f64>(gk + 2 * rb) + f64x2.extract_lane(c1, 0));
    store<f64>(gk + 3 * rb, load<f64>(gk + 3 * rb) + f64x2.extract_lane(c1, 1));
  }
}

/** The bottom-right diagonal tile when cols % 4 ≠ 0: at most 3×3 scalar sums of A[i, j]·(w_i·A[i, k]). */
@inline function tileEdge(weighted: bool, p: usize, wp: usize, count: i32, rb: usize, jOff: usize, jn: i32, kOff: usize, kn: i32, g: usize): void {
  for (let j = 0; j < jn; j++) {
    const jj = jOff + (<usize>j << 3);
    for (let k = 0; k < kn; k++) {
      const kk = kOff + (<usize>k << 3);
      let s = 0.0;
      let q = p, wq = wp;
      for (let i = 0; i < count; i++, q += rb) {
        if (weighted) {
          s += load<f64>(q + jj) * (load<f64>(wq) * load<f64>(q + kk));
          wq += 8;
        } else {
          s += load<f64>(q + jj) * load<f64>(q + kk);
        }
      }
      const gjk = g + <usize>j * rb + (<usize>k << 3);
      store<f64>(gjk, load<f64>(gjk) + s);
    }
  }
}
