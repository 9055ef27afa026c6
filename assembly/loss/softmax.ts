import { bytes, zero } from '../util';
import { dotAt, dot2At } from '../blas/dot';
import { axpyAt, axpy2At } from '../blas/axpy';

/** Rows go in pairs when the second row's K values fit this static scratch (in the module's own page). */
const PAIRED_MAX_CLASSES: i32 = 256;
const SCRATCH2: usize = memory.data(PAIRED_MAX_CLASSES << 3, 16);

/**
 * Multinomial cross-entropy and its gradient in one pass over X, y holding class indices as
 * float64. Per row: K SIMD dots, a max-shifted log-sum-exp (finite for any |z|), then K SIMD
 * axpys of the row (still in L1) into the class blocks of grad. Rows go in pairs, like the
 * GLM losses: paired dots load each W_k once for both rows, paired axpys load and store each
 * gradient block once, and the two rows' exp chains overlap. A pair is rows i and i + h
 * (h = rows / 2), so each half of X streams through memory sequentially. `scratch` (K values)
 * holds the first row of a pair, SCRATCH2 the second.
 */
export function softmaxLossGrad(
  rows: i32, cols: i32, classes: i32, X: usize, y: usize, sw: usize,
  params: usize, grad: usize, scratch: usize,
): f64 {
  const rb = bytes(cols), kb = bytes(classes);
  const biasAt = params + <usize>classes * rb, gradBiasAt = grad + <usize>classes * rb;
  zero(grad, classes * (cols + 1));
  let loss = 0.0;
  let row = X;
  let i = 0;
  if (classes <= PAIRED_MAX_CLASSES) {
    const h = max(rows, 0) >> 1;
    const hx = <usize>h * rb, hy = <usize>h << 3;
    for (; i < h; i++, row += rb) {
      const r1 = row + hx, o = <usize>i << 3, o1 = o + hy;
      let max0 = -Infinity, max1 = -Infinity;
      let w = params;
      for (let k: usize = 0; k < kb; k += 8, w += rb) {
        const z = f64x2.add(dot2At(cols, row, r1, w), v128.load64_splat(biasAt + k));
        const z0 = f64x2.extract_lane(z, 0), z1 = f64x2.extract_lane(z, 1);
        store<f64>(scratch + k, z0);
        store<f64>(SCRATCH2 + k, z1);
        if (z0 > max0) max0 = z0;
        if (z1 > max1) max1 = z1;
      }
      const t0 = classOffset(y + o), t1 = classOffset(y + o1);
      const zt0 = load<f64>(scratch + t0), zt1 = load<f64>(SCRATCH2 + t1);
      let sum0 = 0.0, sum1 = 0.0;
      for (let k: usize = 0; k < kb; k += 8) {
        const e0 = Math.exp(load<f64>(scratch + k) - max0), e1 = Math.exp(load<f64>(SCRATCH2 + k) - max1);
        store<f64>(scratch + k, e0);
        store<f64>(SCRATCH2 + k, e1);
        sum0 += e0;
        sum1 += e1;
      }
      const s0 = sw == 0 ? 1.0 : load<f64>(sw + o), s1 = sw == 0 ? 1.0 : load<f64>(sw + o1);
      // log Σ_k e^{z_k} − z_y, as zMax + log Σ_k e^{z_k − zMax} − z_y.
      loss += s0 * (max0 + Math.log(sum0) - zt0);
      loss += s1 * (max1 + Math.log(sum1) - zt1);
      const inv0 = 1.0 / sum0, inv1 = 1.0 / sum1;
      let g = grad;
      for (let k: usize = 0; k < kb; k += 8, g += rb) {
        const c0 = s0 * (load<f64>(scratch + k) * inv0 - (k == t0 ? 1.0 : 0.0));
        const c1 = s1 * (load<f64>(SCRATCH2 + k) * inv1 - (k == t1 ? 1.0 : 0.0));
        store<f64>(gradBiasAt + k, load<f64>(gradBiasAt + k) + c0 + c1);
        axpy2At(cols, c0, row, c1, r1, g);
      }
    }
    // The odd row left over, if any.
    i = h << 1;
    row = X + (hx << 1);
  }
  for (; i < rows; i++, row += rb) {
    const o = <usize>i << 3;
    let zMax = -Infinity;
    let w = params;
    for (let k: usize = 0; k < kb; k += 8, w += rb) {
      const z = dotAt(cols, row, w) + load<f64>(biasAt + k);
      store<f64>(scratch + k, z);
      if (z > zMax) zMax = z;
    }
    const t = classOffset(y + o);
    const zt = load<f64>(scratch + t);
    let sum = 0.0;
    for (let k: usize = 0; k < kb; k += 8) {
      const e = Math.exp(load<f64>(scratch + k) - zMax);
      store<f64>(scratch + k, e);
      sum += e;
    }
    const s = sw == 0 ? 1.0 : load<f64>(sw + o);
    loss += s * (zMax + Math.log(sum) - zt);
    const inv = 1.0 / sum;
    let g = grad;
    for (let k: usize = 0; k < kb; k += 8, g += rb) {
      const c = s * (load<f64>(scratch + k) * inv - (k == t ? 1.0 : 0.0));
      store<f64>(gradBiasAt + k, load<f64>(gradBiasAt + k) + c);
      axpyAt(cols, c, row, g);
    }
  }
  return loss;
}

/** Byte offset of the class index stored (as float64) at p. */
@inline function classOffset(p: usize): usize {
  return <usize>(<i32>load<f64>(p)) << 3;
}
