/**
 * What every iterative fit starts with: the data copied into the arena once, and the
 * objective over it. The caller owns the arena scope.
 */
import type { Arena } from '../runtime/arena.js';
import { LinfitError } from '../errors.js';
import type { Loss } from '../losses/types.js';
import type { Matrix } from '../matrix.js';
import { LinearModelObjective, type Penalty } from '../objective/index.js';
import { asVector } from '../validate.js';

export interface FitData {
  X: Matrix;
  /** Targets as the loss expects them: values, 0/1, or class indices. */
  target: Float64Array;
  sampleWeight?: Float64Array;
}

export interface ObjectiveSpec {
  /** The loss for this fit (softmax allocates its scratch in the arena). */
  makeLoss: (arena: Arena) => Loss;
  penalty: Penalty;
  /** Outputs (1, or K for softmax), to size the solvers' workspace up front. */
  outputs: number;
  fitIntercept: boolean;
}

/** Copies the data into the arena and builds the objective the solvers minimise. */
export function loadObjective(arena: Arena, data: FitData, spec: ObjectiveSpec): LinearModelObjective {
  const { X, target, sampleWeight } = data;
  // Everything a solver will allocate, reserved before anything is live, so the memory never
  // has to grow under live data: the data, a row-index list, and ~30 parameter-sized vectors.
  const size = spec.outputs * (X.cols + 1);
  arena.reserve(X.rows * X.cols + 3 * X.rows + 32 * size + 2 * spec.outputs, 48);
  const x = arena.copyInFinite(X, 'X');
  const y = arena.copyIn(target);
  const sw = sampleWeight ? arena.copyIn(sampleWeight) : 0;
  const weightSum = sampleWeight ? sampleWeight.reduce((s, v) => s + v, 0) : X.rows;
  const loss = spec.makeLoss(arena);
  return new LinearModelObjective(arena, loss, { rows: X.rows, cols: X.cols, x, y, sw, weightSum }, spec.penalty, spec.fitIntercept);
}

/** sampleWeight from fit's options: finite, non-negative, one per row, not all zero. */
export function readSampleWeight(options: { sampleWeight?: ArrayLike<number> } | undefined, rows: number): Float64Array | undefined {
  if (options?.sampleWeight === undefined) return undefined;
  const w = asVector(options.sampleWeight, 'sampleWeight', rows);
  let sum = 0;
  for (let i = 0; i < w.length; i++) {
    if (w[i] < 0) throw new LinfitError('BAD_INPUT', `sampleWeight[${i}] is ${w[i]}; weights must be ≥ 0`);
    sum += w[i];
  }
  if (!(sum > 0)) throw new LinfitError('BAD_INPUT', 'sampleWeight sums to 0; at least one row needs a positive weight');
  return w;
}
