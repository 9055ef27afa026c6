import type { Kernels } from '../types.js';
import type { JsMemory } from './memory.js';

/**
 * The pure-TypeScript kernels: the fallback where WebAssembly SIMD is missing, and the
 * baseline every benchmark compares against, so they are written to be fast plain JS
 * (one pass per call, register tiles for the Gram matrix), not naive loops.
 */
export function createJsKernels(memory: JsMemory): Kernels {
  const at = (ptr: number): number => ptr / 8;

  return {
    axpy(n, a, x, y) {
      const m = memory.f64;
      const xi = at(x), yi = at(y);
      for (let i = 0; i < n; i++) m[yi + i] += a * m[xi + i];
    },

    scal(n, a, x) {
      const m = memory.f64;
      const xi = at(x);
      for (let i = 0; i < n; i++) m[xi + i] *= a;
    },

    dot(n, x, y) {
      return dotAt(memory.f64, n, at(x), at(y));
    },

    firstNonFinite(n, x) {
      const m = memory.f64;
      const xi = at(x);
      for (let i = 0; i < n; i++) {
        if (!Number.isFinite(m[xi + i])) return i;
      }
      return -1;
    },

    gemv(rows, cols, A, x, bias, y) {
      const m = memory.f64;
      const xi = at(x), yi = at(y);
      for (let i = 0, row = at(A); i < rows; i++, row += cols) {
        m[yi + i] = dotAt(m, cols, row, xi) + bias;
      }
    },

    gemvT(rows, cols, A, r, out) {
      const m = memory.f64;
      const ri = at(r), oi = at(out);
      m.fill(0, oi, oi + cols);
      for (let i = 0, row = at(A); i < rows; i++, row += cols) {
        const ri_ = m[ri + i];
        if (ri_ !== 0) for (let j = 0; j < cols; j++) m[oi + j] += ri_ * m[row + j];
      }
    },

    gram(rows, cols, A, G) {
      gramJs(memory.f64, rows, cols, at(A), at(G));
    },

    colMeans(rows, cols, A, out) {
      const m = memory.f64;
      const oi = at(out);
      m.fill(0, oi, oi + cols);
      for (let i = 0, row = at(A); i < rows; i++, row += cols) {
        for (let j = 0; j < cols; j++) m[oi + j] += m[row + j];
      }
      const inv = rows > 0 ? 1 / rows : 0;
      for (let j = 0; j < cols; j++) m[oi + j] *= inv;
    },

    colVariances(rows, cols, A, means, out) {
      const m = memory.f64;
      const oi = at(out), mi = at(means);
      m.fill(0, oi, oi + cols);
      for (let i = 0, row = at(A); i < rows; i++, row += cols) {
        for (let j = 0; j < cols; j++) {
          const dev = m[row + j] - m[mi + j];
          m[oi + j] += dev * dev;
        }
      }
      const inv = rows > 0 ? 1 / rows : 0;
      for (let j = 0; j < cols; j++) m[oi + j] *= inv;
    },

    affineColumns(rows, cols, A, shift, scale) {
      const m = memory.f64;
      const si = at(shift), ci = at(scale);
      for (let i = 0, row = at(A); i < rows; i++, row += cols) {
        if (shift !== 0) for (let j = 0; j < cols; j++) m[row + j] -= m[si + j];
        if (scale !== 0) for (let j = 0; j < cols; j++) m[row + j] *= m[ci + j];
      }
    },

    squaredLossGrad(rows, cols, X, y, sw, params, grad) {
      const m = memory.f64;
      const pi = at(params), gi = at(grad), yi = at(y), si = at(sw);
      const b = m[pi + cols];
      m.fill(0, gi, gi + cols + 1);
      let loss = 0, gb = 0;
      for (let i = 0, row = at(X); i < rows; i++, row += cols) {
        const s = sw === 0 ? 1 : m[si + i];
        const r = dotAt(m, cols, row, pi) + b - m[yi + i];
        loss += s * 0.5 * r * r;
        const coef = s * r;
        gb += coef;
        for (let j = 0; j < cols; j++) m[gi + j] += coef * m[row + j];
      }
      m[gi + cols] = gb;
      return loss;
    },

    logisticLossGrad(rows, cols, X, y, sw, params, grad) {
      const m = memory.f64;
      const pi = at(params), gi = at(grad), yi = at(y), si = at(sw);
      const b = m[pi + cols];
      m.fill(0, gi, gi + cols + 1);
      let loss = 0, gb = 0;
      for (let i = 0, row = at(X); i < rows; i++, row += cols) {
        const s = sw === 0 ? 1 : m[si + i];
        const z = dotAt(m, cols, row, pi) + b;
        const target = m[yi + i];
        loss += s * (softplus(z) - target * z);
        const coef = s * (sigmoid(z) - target);
        gb += coef;
        for (let j = 0; j < cols; j++) m[gi + j] += coef * m[row + j];
      }
      m[gi + cols] = gb;
      return loss;
    },

    softmaxLossGrad(rows, cols, classes, X, y, sw, params, grad, scratch) {
      const m = memory.f64;
      const pi = at(params), gi = at(grad), yi = at(y), si = at(sw), zi = at(scratch);
      const biasAt = pi + classes * cols, gradBiasAt = gi + classes * cols;
      m.fill(0, gi, gi + classes * (cols + 1));
      let loss = 0;
      for (let i = 0, row = at(X); i < rows; i++, row += cols) {
        const s = sw === 0 ? 1 : m[si + i];
        let zMax = -Infinity;
        for (let k = 0; k < classes; k++) {
          const z = dotAt(m, cols, row, pi + k * cols) + m[biasAt + k];
          m[zi + k] = z;
          if (z > zMax) zMax = z;
        }
        const target = m[yi + i];
        const zTarget = m[zi + target];
        let sumExp = 0;
        for (let k = 0; k < classes; k++) {
          const e = Math.exp(m[zi + k] - zMax);
          m[zi + k] = e;
          sumExp += e;
        }
        // log Σ_k e^{z_k} − z_y, computed as zMax + log Σ_k e^{z_k − zMax} − z_y (log-sum-exp).
        loss += s * (zMax + Math.log(sumExp) - zTarget);
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

    sgdStep(n, lr, params, grad) {
      const m = memory.f64;
      const pi = at(params), gi = at(grad);
      for (let i = 0; i < n; i++) m[pi + i] -= lr * m[gi + i];
    },

    momentumStep(n, lr, rho, params, grad, velocity) {
      const m = memory.f64;
      const pi = at(params), gi = at(grad), vi = at(velocity);
      for (let i = 0; i < n; i++) {
        const v = rho * m[vi + i] + m[gi + i];
        m[vi + i] = v;
        m[pi + i] -= lr * v;
      }
    },

    nesterovStep(n, lr, rho, params, grad, velocity) {
      const m = memory.f64;
      const pi = at(params), gi = at(grad), vi = at(velocity);
      for (let i = 0; i < n; i++) {
        const g = m[gi + i];
        const v = rho * m[vi + i] + g;
        m[vi + i] = v;
        m[pi + i] -= lr * (g + rho * v);
      }
    },

    adagradStep(n, lr, eps, params, grad, acc) {
      const m = memory.f64;
      const pi = at(params), gi = at(grad), ai = at(acc);
      for (let i = 0; i < n; i++) {
        const g = m[gi + i];
        const a = m[ai + i] + g * g;
        m[ai + i] = a;
        m[pi + i] -= (lr * g) / (Math.sqrt(a) + eps);
      }
    },

    rmspropStep(n, lr, rho, eps, params, grad, acc) {
      const m = memory.f64;
      const pi = at(params), gi = at(grad), ai = at(acc);
      for (let i = 0; i < n; i++) {
        const g = m[gi + i];
        const a = rho * m[ai + i] + (1 - rho) * g * g;
        m[ai + i] = a;
        m[pi + i] -= (lr * g) / (Math.sqrt(a) + eps);
      }
    },

    adamStep(n, lr, beta1, beta2, eps, bc1, bc2, weightDecay, decayCount, params, grad, mPtr, vPtr) {
      const m = memory.f64;
      const pi = at(params), gi = at(grad), mi = at(mPtr), vi = at(vPtr);
      const decay = lr * weightDecay;
      const decayed = Math.min(decayCount, n);
      if (decay !== 0) for (let i = 0; i < decayed; i++) m[pi + i] -= decay * m[pi + i];
      const invBc1 = 1 / bc1, invBc2 = 1 / bc2;
      for (let i = 0; i < n; i++) {
        const g = m[gi + i];
        const mo = beta1 * m[mi + i] + (1 - beta1) * g;
        const ve = beta2 * m[vi + i] + (1 - beta2) * g * g;
        m[mi + i] = mo;
        m[vi + i] = ve;
        m[pi + i] -= (lr * mo * invBc1) / (Math.sqrt(ve * invBc2) + eps);
      }
    },
  };
}

function dotAt(m: Float64Array, n: number, xi: number, yi: number): number {
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

/**
 * G ← AᵀA in row panels with 4×4 register tiles over the upper triangle, mirrored at the end.
 * A panel of rows stays in cache while every tile of G is accumulated from it.
 */
function gramJs(m: Float64Array, rows: number, cols: number, a: number, g: number): void {
  m.fill(0, g, g + cols * cols);
  const panelRows = Math.max(16, Math.floor(32768 / Math.max(cols, 1)));
  for (let r0 = 0; r0 < rows; r0 += panelRows) {
    const r1 = Math.min(rows, r0 + panelRows);
    for (let j0 = 0; j0 < cols; j0 += 4) {
      const jn = Math.min(4, cols - j0);
      for (let k0 = j0; k0 < cols; k0 += 4) {
        const kn = Math.min(4, cols - k0);
        if (jn === 4 && kn === 4) gramTile4x4(m, r0, r1, cols, a, g, j0, k0);
        else gramTileEdge(m, r0, r1, cols, a, g, j0, jn, k0, kn);
      }
    }
  }
  for (let j = 0; j < cols; j++) {
    for (let k = 0; k < j; k++) m[g + j * cols + k] = m[g + k * cols + j];
  }
}

function gramTile4x4(m: Float64Array, r0: number, r1: number, cols: number, a: number, g: number, j0: number, k0: number): void {
  let c00 = 0, c01 = 0, c02 = 0, c03 = 0, c10 = 0, c11 = 0, c12 = 0, c13 = 0;
  let c20 = 0, c21 = 0, c22 = 0, c23 = 0, c30 = 0, c31 = 0, c32 = 0, c33 = 0;
  for (let i = r0, row = a + r0 * cols; i < r1; i++, row += cols) {
    const x0 = m[row + j0], x1 = m[row + j0 + 1], x2 = m[row + j0 + 2], x3 = m[row + j0 + 3];
    const y0 = m[row + k0], y1 = m[row + k0 + 1], y2 = m[row + k0 + 2], y3 = m[row + k0 + 3];
    c00 += x0 * y0; c01 += x0 * y1; c02 += x0 * y2; c03 += x0 * y3;
    c10 += x1 * y0; c11 += x1 * y1; c12 += x1 * y2; c13 += x1 * y3;
    c20 += x2 * y0; c21 += x2 * y1; c22 += x2 * y2; c23 += x2 * y3;
    c30 += x3 * y0; c31 += x3 * y1; c32 += x3 * y2; c33 += x3 * y3;
  }
  let o = g + j0 * cols + k0;
  m[o] += c00; m[o + 1] += c01; m[o + 2] += c02; m[o + 3] += c03; o += cols;
  m[o] += c10; m[o + 1] += c11; m[o + 2] += c12; m[o + 3] += c13; o += cols;
  m[o] += c20; m[o + 1] += c21; m[o + 2] += c22; m[o + 3] += c23; o += cols;
  m[o] += c30; m[o + 1] += c31; m[o + 2] += c32; m[o + 3] += c33;
}

function gramTileEdge(
  m: Float64Array, r0: number, r1: number, cols: number, a: number, g: number,
  j0: number, jn: number, k0: number, kn: number,
): void {
  for (let j = j0; j < j0 + jn; j++) {
    for (let k = k0; k < k0 + kn; k++) {
      let s = 0;
      for (let i = r0, row = a + r0 * cols; i < r1; i++, row += cols) s += m[row + j] * m[row + k];
      m[g + j * cols + k] += s;
    }
  }
}
