/**
 * The shared row pass of the one-output GLM losses (twin of assembly/loss/glm.ts): one pass over
 * the selected rows, z = x·w + b, then the loss's per-row term and its coefficient, added into
 * the gradient while the row is in cache. A new one-output loss is one `RowTerms` and one
 * kernel entry (see ./poisson.ts and ./huber.ts).
 */
import { dotAt } from '../blas/dot.js';
import type { JsMemory } from '../memory.js';

/** Per-row terms of a loss: its value and its derivative in z for target t (param: the loss's parameter). */
export interface RowTerms {
  loss(z: number, t: number, param: number): number;
  coef(z: number, t: number, param: number): number;
}

/** Per-row curvature of a loss in z, for its Hessian-vector product. */
export type RowCurvature = (z: number) => number;

/** Σ s·loss over the rows, and (grad ≠ 0) grad = Σ s·coef·[x, 1]. */
export function lossPass(
  memory: JsMemory, terms: RowTerms, rows: number, cols: number, X: number, idx: number, y: number, sw: number,
  params: number, grad: number, param: number,
): number {
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
    const t = m[yi + r];
    loss += s * terms.loss(z, t, param);
    if (grad !== 0) {
      const c = s * terms.coef(z, t, param);
      gb += c;
      for (let j = 0; j < cols; j++) m[gi + j] += c * m[row + j];
    }
  }
  if (grad !== 0) m[gi + cols] = gb;
  return loss;
}

/** out = Σ s·h(z)·([x, 1]·v)·[x, 1]: the Hessian-vector product of a loss with curvature h. */
export function hessVecPass(
  memory: JsMemory, curvature: RowCurvature, rows: number, cols: number, X: number, idx: number, sw: number,
  params: number, v: number, out: number,
): void {
  const m = memory.f64, ix = memory.i32;
  const xi = X / 8, ii = idx / 4, si = sw / 8, pi = params / 8, vi = v / 8, oi = out / 8;
  const b = m[pi + cols], c = m[vi + cols];
  m.fill(0, oi, oi + cols + 1);
  let ob = 0;
  for (let i = 0; i < rows; i++) {
    const r = idx === 0 ? i : ix[ii + i];
    const row = xi + r * cols;
    const s = sw === 0 ? 1 : m[si + r];
    const coef = s * curvature(dotAt(m, cols, row, pi) + b) * (dotAt(m, cols, row, vi) + c);
    ob += coef;
    for (let j = 0; j < cols; j++) m[oi + j] += coef * m[row + j];
  }
  m[oi + cols] = ob;
}
