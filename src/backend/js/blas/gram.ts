/** G ← AᵀA and Aᵀ·diag(w)·A with 4×4 register tiles (twin of assembly/blas/gram.ts). */
import type { JsMemory } from '../memory.js';
import type { Kernels } from '../../types.js';

export function createKernels(memory: JsMemory): Pick<Kernels, 'gram' | 'weightedGram'> {
  return {
    gram(rows, cols, A, G) {
      gramJs(memory.f64, rows, cols, A / 8, -1, G / 8);
    },

    weightedGram(rows, cols, A, weights, G) {
      gramJs(memory.f64, rows, cols, A / 8, weights / 8, G / 8);
    },
  };
}

/**
 * G ← AᵀA, or Aᵀ·diag(w)·A when the weights' index w is not −1, in row panels with 4×4 register
 * tiles over the upper triangle, mirrored at the end. A panel of rows stays in cache while every
 * tile of G is accumulated from it. Weighted tiles scale the four k-column entries of a row.
 */
function gramJs(m: Float64Array, rows: number, cols: number, a: number, w: number, g: number): void {
  m.fill(0, g, g + cols * cols);
  const panelRows = Math.max(16, Math.floor(32768 / Math.max(cols, 1)));
  for (let r0 = 0; r0 < rows; r0 += panelRows) {
    const r1 = Math.min(rows, r0 + panelRows);
    for (let j0 = 0; j0 < cols; j0 += 4) {
      const jn = Math.min(4, cols - j0);
      for (let k0 = j0; k0 < cols; k0 += 4) {
        const kn = Math.min(4, cols - k0);
        if (jn === 4 && kn === 4) {
          if (w < 0) gramTile4x4(m, r0, r1, cols, a, g, j0, k0);
          else weightedGramTile4x4(m, r0, r1, cols, a, w, g, j0, k0);
        } else {
          gramTileEdge(m, r0, r1, cols, a, w, g, j0, jn, k0, kn);
        }
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

/** As gramTile4x4, with row i's k-column entries scaled by its weight m[w + i]. */
function weightedGramTile4x4(
  m: Float64Array, r0: number, r1: number, cols: number, a: number, w: number, g: number, j0: number, k0: number,
): void {
  let c00 = 0, c01 = 0, c02 = 0, c03 = 0, c10 = 0, c11 = 0, c12 = 0, c13 = 0;
  let c20 = 0, c21 = 0, c22 = 0, c23 = 0, c30 = 0, c31 = 0, c32 = 0, c33 = 0;
  for (let i = r0, row = a + r0 * cols; i < r1; i++, row += cols) {
    const s = m[w + i];
    const x0 = m[row + j0], x1 = m[row + j0 + 1], x2 = m[row + j0 + 2], x3 = m[row + j0 + 3];
    const y0 = s * m[row + k0], y1 = s * m[row + k0 + 1], y2 = s * m[row + k0 + 2], y3 = s * m[row + k0 + 3];
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

/** Tiles with fewer than 4 rows or columns (cols % 4 ≠ 0), entry by entry; weighted unless w is −1. */
function gramTileEdge(
  m: Float64Array, r0: number, r1: number, cols: number, a: number, w: number, g: number,
  j0: number, jn: number, k0: number, kn: number,
): void {
  for (let j = j0; j < j0 + jn; j++) {
    for (let k = k0; k < k0 + kn; k++) {
      let s = 0;
      if (w < 0) {
        for (let i = r0, row = a + r0 * cols; i < r1; i++, row += cols) s += m[row + j] * m[row + k];
      } else {
        for (let i = r0, row = a + r0 * cols; i < r1; i++, row += cols) s += m[row + j] * (m[w + i] * m[row + k]);
      }
      m[g + j * cols + k] += s;
    }
  }
}
