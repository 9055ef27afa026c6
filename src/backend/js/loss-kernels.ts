import type { Kernels } from '../types.js';
import type { JsMemory } from './memory.js';

export type LossKernels = Pick<
  Kernels,
  'squaredLossGrad' | 'logisticLossGrad' | 'softmaxLossGrad' | 'logisticHessVec' | 'softmaxHessVec'
>;

/**
 * The fused loss kernels in pure TypeScript: one pass over the selected rows, row at a time
 * (dot, scalar term, axpy into the gradient while the row is in cache). Rows come from `idx`
 * (int32 row indices) unless it is 0; grad = 0 skips the gradient half entirely.
 */
export function createJsLossKernels(memory: JsMemory): LossKernels {
  return {
    squaredLossGrad(rows, cols, X, idx, y, sw, params, grad) {
      const m = memory.f64, ix = memory.i32;
      const xi = X / 8, ii = idx / 4, yi = y / 8, si = sw / 8, pi = params / 8, gi = grad / 8;
      const b = m[pi + cols];
      if (grad !== 0) m.fill(0, gi, gi + cols + 1);
      let loss = 0, gb = 0;
      for (let i = 0; i < rows; i++) {
        const r = idx === 0 ? i : ix[ii + i];
        const row = xi + r * cols;
        const s = sw === 0 ? 1 : m[si + r];
        const d = dotAt(m, cols, row, pi) + b - m[yi + r];
        loss += s * 0.5 * d * d;
        if (grad !== 0) {
          const coef = s * d;
          gb += coef;
          for (let j = 0; j < cols; j++) m[gi + j] += coef * m[row + j];
        }
      }
      if (grad !== 0) m[gi + cols] = gb;
      return loss;
    },

    logisticLossGrad(rows, cols, X, idx, y, sw, params, grad) {
      const m = memory.f64, ix = memory.i32;
      const xi = X / 8, ii = idx / 4, yi = y / 8, si = sw / 8, pi = params / 8, gi = grad / 8;
      const b = m[pi + cols];
      if (grad !== 0) m.fill(0, gi, gi + cols + 1);
      let loss = 0, gb = 0;
      for (let i = 0; i < rows; i++) {
        const r = idx === 0 ? i : ix[ii + i];
        const row = xi + r * cols;
        const s = sw === 0 ? 1 : m[si + r];
        const z = dotAt(m, cols, row, pi) + b;
        const target = m[yi + r];
        loss += s * (softplus(z) - target * z);
        if (grad !== 0) {
          const coef = s * (sigmoid(z) - target);
          gb += coef;
          for (let j = 0; j < cols; j++) m[gi + j] += coef * m[row + j];
        }
      }
      if (grad !== 0) m[gi + cols] = gb;
      return loss;
    },

    logisticHessVec(rows, cols, X, idx, sw, params, v, out) {
      const m = memory.f64, ix = memory.i32;
      const xi = X / 8, ii = idx / 4, si = sw / 8, pi = params / 8, vi = v / 8, oi = out / 8;
      const b = m[pi + cols], c = m[vi + cols];
      m.fill(0, oi, oi + cols + 1);
      let ob = 0;
      for (let i = 0; i < rows; i++) {
        const r = idx === 0 ? i : ix[ii + i];
        const row = xi + r * cols;
        const s = sw === 0 ? 1 : m[si + r];
        const z = dotAt(m, cols, row, pi) + b;
        const u = dotAt(m, cols, row, vi) + c;
        // σ(1 − σ) = e / (1 + e)² with e = e^{−|z|}, which never overflows.
        const e = Math.exp(-Math.abs(z));
        const d = 1 + e;
        const coef = s * (e / (d * d)) * u;
        ob += coef;
        for (let j = 0; j < cols; j++) m[oi + j] += coef * m[row + j];
      }
      m[oi + cols] = ob;
    },

    softmaxLossGrad(rows, cols, classes, X, idx, y, sw, params, grad, scratch) {
      const m = memory.f64, ix = memory.i32;
      const xi = X / 8, ii = idx / 4, yi = y / 8, si = sw / 8, pi = params / 8, gi = grad / 8, zi = scratch / 8;
      const gradBiasAt = gi + classes * cols;
      if (grad !== 0) m.fill(0, gi, gi + classes * (cols + 1));
      let loss = 0;
      for (let i = 0; i < rows; i++) {
        const r = idx === 0 ? i : ix[ii + i];
        const row = xi + r * cols;
        const s = sw === 0 ? 1 : m[si + r];
        const zMax = logitsAt(m, cols, classes, row, pi, zi);
        const target = m[yi + r];
        const zTarget = m[zi + target];
        const sumExp = expShiftAt(m, classes, zi, zMax);
        // log Σ_k e^{z_k} − z_y, computed as zMax + log Σ_k e^{z_k − zMax} − z_y (log-sum-exp).
        loss += s * (zMax + Math.log(sumExp) - zTarget);
        if (grad === 0) continue;
        const inv = 1 / sumExp;
        for (let k = 0; k < classes; k++) {
          const coef = s * (m[zi + k] * inv - (k === target ? 1 : 0));
          m[gradBiasAt + k] += coef;
          const gk = gi + k * cols;
          for (let j = 0; j < cols; j++) m[gk + j] += coef * m[row + j];
        }
      }
      return loss;
    },

    softmaxHessVec(rows, cols, classes, X, idx, sw, params, v, out, scratch) {
      const m = memory.f64, ix = memory.i32;
      const xi = X / 8, ii = idx / 4, si = sw / 8, pi = params / 8, vi = v / 8, oi = out / 8;
      const zi = scratch / 8, ui = zi + classes; // p_k, then u_k
      const outBiasAt = oi + classes * cols;
      m.fill(0, oi, oi + classes * (cols + 1));
      for (let i = 0; i < rows; i++) {
        const r = idx === 0 ? i : ix[ii + i];
        const row = xi + r * cols;
        const s = sw === 0 ? 1 : m[si + r];
        const zMax = logitsAt(m, cols, classes, row, pi, zi);
        logitsAt(m, cols, classes, row, vi, ui);
        const inv = 1 / expShiftAt(m, classes, zi, zMax);
        let uBar = 0; // Σ_k p_k·u_k
        for (let k = 0; k < classes; k++) {
          const p = m[zi + k] * inv;
          m[zi + k] = p;
          uBar += p * m[ui + k];
        }
        for (let k = 0; k < classes; k++) {
          const coef = s * m[zi + k] * (m[ui + k] - uBar);
          m[outBiasAt + k] += coef;
          const ok = oi + k * cols;
          for (let j = 0; j < cols; j++) m[ok + j] += coef * m[row + j];
        }
      }
    },
  };
}

/** Σ x_i·y_i over n entries at float64 indices xi and yi. */
export function dotAt(m: Float64Array, n: number, xi: number, yi: number): number {
  // Four partial sums: shorter dependency chains than one running sum.
  let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    s0 += m[xi + i] * m[yi + i];
    s1 += m[xi + i + 1] * m[yi + i + 1];
    s2 += m[xi + i + 2] * m[yi + i + 2];
    s3 += m[xi + i + 3] * m[yi + i + 3];
  }
  for (; i < n; i++) s0 += m[xi + i] * m[yi + i];
  return s0 + s1 + (s2 + s3);
}

/**
 * z_k = x·W_k + b_k for the K classes, into m[zi‥zi+K) (W: K rows of `cols` at pi, then the K
 * biases); returns max_k z_k.
 */
function logitsAt(m: Float64Array, cols: number, classes: number, row: number, pi: number, zi: number): number {
  const biasAt = pi + classes * cols;
  let zMax = -Infinity;
  for (let k = 0; k < classes; k++) {
    const z = dotAt(m, cols, row, pi + k * cols) + m[biasAt + k];
    m[zi + k] = z;
    if (z > zMax) zMax = z;
  }
  return zMax;
}

/** z_k ← e^{z_k − zMax} in place; returns their sum. */
function expShiftAt(m: Float64Array, classes: number, zi: number, zMax: number): number {
  let sum = 0;
  for (let k = 0; k < classes; k++) {
    const e = Math.exp(m[zi + k] - zMax);
    m[zi + k] = e;
    sum += e;
  }
  return sum;
}

/** log(1 + e^z) without overflow for large |z|. */
export function softplus(z: number): number {
  return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
}

/** 1 / (1 + e^−z) without overflow for large |z|. */
export function sigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}
