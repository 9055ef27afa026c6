/**
 * The one objective every linear-model solver minimises (as scikit-learn's LinearModelLoss):
 *
 *   F(W, b) = Σ_i s_i·loss(y_i, x_i·W + b) / Σ_i s_i + penalty(W)
 *
 * with the penalty on the weights only (never the intercepts): 'l2' α/2‖w‖², 'l1' α‖w‖₁,
 * 'elasticnet' α(l1Ratio‖w‖₁ + (1 − l1Ratio)/2‖w‖²). L-BFGS, Newton–CG, FISTA and the
 * mini-batch trainer all call `valueGrad`; the L1 part, not differentiable at 0, never enters
 * the gradient: solvers apply it by its proximal step (`prox`), and `optimality` measures the
 * minimum-norm subgradient, the one stopping rule for smooth and L1 objectives alike.
 */
import type { ArenaData, Loss } from '../losses/types.js';
import type { Arena } from '../runtime/arena.js';

export type PenaltyKind = 'none' | 'l2' | 'l1' | 'elasticnet';

export interface Penalty {
  kind: PenaltyKind;
  alpha: number;
  l1Ratio: number;
}

/** Strength of the L2 part (α for 'l2', α(1 − l1Ratio) for 'elasticnet'). */
export function l2Strength(p: Penalty): number {
  if (p.kind === 'l2') return p.alpha;
  if (p.kind === 'elasticnet') return p.alpha * (1 - p.l1Ratio);
  return 0;
}

/** Strength of the L1 part (α for 'l1', α·l1Ratio for 'elasticnet'). */
export function l1Strength(p: Penalty): number {
  if (p.kind === 'l1') return p.alpha;
  if (p.kind === 'elasticnet') return p.alpha * p.l1Ratio;
  return 0;
}

/**
 * Which rows one evaluation covers: `count` rows listed by the int32 index list at `idx`, or
 * (idx = 0) the `count` contiguous rows from `start`. `weight` is what the summed loss is
 * divided by: Σ s_i over all rows for the full objective, an estimate of it for a mini-batch.
 */
export interface RowSet {
  count: number;
  idx: number;
  start: number;
  weight: number;
}

export class LinearModelObjective {
  /** Parameters: outputs·(cols + 1), the kernels' layout [W (K×d), b_1‥b_K]. */
  readonly size: number;
  /** The leading parameters that are weights (penalised); the rest are intercepts. */
  readonly weightCount: number;
  readonly l1: number;
  readonly l2: number;
  private readonly allRows: RowSet;
  /** Reused for contiguous row ranges, so a mini-batch allocates nothing. */
  private readonly slice: ArenaData;

  constructor(
    private readonly arena: Arena,
    readonly loss: Loss,
    /** The data, already in the arena. */
    readonly data: ArenaData,
    penalty: Penalty,
    /** false: the intercepts stay where they start (their gradient is zeroed). */
    readonly fitIntercept: boolean,
  ) {
    this.size = loss.size(data.cols);
    this.weightCount = loss.outputs * data.cols;
    this.l1 = l1Strength(penalty);
    this.l2 = l2Strength(penalty);
    this.allRows = { count: data.rows, idx: 0, start: 0, weight: data.weightSum };
    this.slice = { ...data };
  }

  /**
   * F at `params` over `rows` (default all), and into `grad` (unless 0) the gradient of F's
   * smooth part: the mean loss's plus the L2 term's. The value includes the L1 term.
   */
  valueGrad(params: number, grad: number, rows: RowSet = this.allRows): number {
    const { arena, size } = this;
    const data = rows.idx === 0 && rows.start !== 0 ? this.rowsFrom(rows.start) : this.data;
    const sum = this.loss.sum(arena, data, rows.count, rows.idx, params, grad);
    const value = sum / rows.weight + this.penaltyValue(params);
    if (grad === 0) return value;
    arena.kernels.scal(size, 1 / rows.weight, grad);
    if (this.l2 !== 0) arena.kernels.axpy(this.weightCount, this.l2, params, grad);
    if (!this.fitIntercept) this.zeroIntercepts(grad);
    return value;
  }

  /** out ← ∇²F(params)·v over all rows (the smooth part: the L1 term has no curvature). */
  hessVec(params: number, v: number, out: number): void {
    const { arena, loss, data, size } = this;
    if (!loss.hessVec) throw new Error(`the ${loss.name} loss has no Hessian-vector product`);
    loss.hessVec(arena, data, data.rows, 0, params, v, out);
    arena.kernels.scal(size, 1 / data.weightSum, out);
    if (this.l2 !== 0) arena.kernels.axpy(this.weightCount, this.l2, v, out);
    if (!this.fitIntercept) this.zeroIntercepts(out);
  }

  /** l2/2·‖w‖² + l1·‖w‖₁ on the weights (‖w‖² by the dot kernel). */
  penaltyValue(params: number): number {
    let value = 0;
    if (this.l2 !== 0) value += 0.5 * this.l2 * this.arena.kernels.dot(this.weightCount, params, params);
    if (this.l1 !== 0) value += this.l1Value(params);
    return value;
  }

  /** l1·‖w‖₁ alone (FISTA separates it from the smooth part). */
  l1Value(params: number): number {
    if (this.l1 === 0) return 0;
    const m = this.arena.f64;
    let abs = 0;
    for (let i = params / 8; i < params / 8 + this.weightCount; i++) abs += Math.abs(m[i]);
    return this.l1 * abs;
  }

  /** w ← sign(w)·max(|w| − step·l1, 0): the proximal step of the L1 term after a step of size `step`. */
  prox(step: number, params: number): void {
    const threshold = step * this.l1;
    if (threshold !== 0) this.arena.kernels.softThreshold(this.weightCount, threshold, params);
  }

  /**
   * Max-norm of the minimum-norm subgradient of F, given the smooth gradient `grad` at
   * `params`: 0 exactly at the optimum. Without an L1 term it is the gradient's max-norm; with
   * one, |g_j + l1·sign(w_j)| for w_j ≠ 0 and max(0, |g_j| − l1) at w_j = 0.
   */
  optimality(params: number, grad: number): number {
    const m = this.arena.f64;
    const { l1, weightCount, size } = this;
    let mx = 0;
    for (let j = 0; j < size; j++) {
      const g = m[grad / 8 + j];
      let v = Math.abs(g);
      if (j < weightCount && l1 > 0) {
        const w = m[params / 8 + j];
        v = w !== 0 ? Math.abs(g + l1 * Math.sign(w)) : Math.max(0, v - l1);
      }
      mx = Math.max(mx, v);
    }
    return mx;
  }

  private zeroIntercepts(vector: number): void {
    this.arena.f64.fill(0, vector / 8 + this.weightCount, vector / 8 + this.size);
  }

  private rowsFrom(start: number): ArenaData {
    const { data, slice } = this;
    slice.x = data.x + start * data.cols * 8;
    slice.y = data.y + start * 8;
    slice.sw = data.sw === 0 ? 0 : data.sw + start * 8;
    return slice;
  }
}
