/**
 * What every gradient-trained model shares: copy the data into the arena once, run the
 * training loop, and keep the resumable state and the history as plain data.
 */
import type { Arena } from '../runtime/arena.js';
import { LinfitError } from '../errors.js';
import type { Loss } from '../losses/index.js';
import type { Matrix } from '../matrix.js';
import type { Penalty } from '../penalty.js';
import { train, type Problem, type TrainConfig, type TrainResult, type TrainState } from '../solvers/gradient.js';
import { asVector } from '../validate.js';

export interface GradientData {
  X: Matrix;
  /** Targets as the loss expects them: values, 0/1, or class indices. */
  target: Float64Array;
  sampleWeight?: Float64Array;
}

export interface GradientProblem {
  makeLoss: (arena: Arena) => Loss;
  penalty: Penalty;
  /** Weights per output: the feature count. */
  cols: number;
  /** Outputs (1, or K for softmax), to size the solvers' workspace up front. */
  outputs: number;
  fitIntercept: boolean;
}

/** Copies the data into the arena (once) and builds the problem the solvers work on. */
export function loadProblem(arena: Arena, data: GradientData, problem: GradientProblem): Problem {
  const { X, target, sampleWeight } = data;
  // Everything a solver will allocate, reserved before anything is live, so the memory never
  // has to grow under live data: the data, a row-index list, and ~30 parameter-sized vectors.
  const size = problem.outputs * (X.cols + 1);
  arena.reserve(X.rows * X.cols + 3 * X.rows + 32 * size + 2 * problem.outputs, 48);
  const x = arena.copyInFinite(X, 'X');
  const y = arena.copyIn(target);
  const sw = sampleWeight ? arena.copyIn(sampleWeight) : 0;
  const loss = problem.makeLoss(arena);
  return {
    loss,
    data: { rows: X.rows, cols: X.cols, x, y, sw, weightSum: sampleWeight ? sampleWeight.reduce((s, v) => s + v, 0) : X.rows },
    penalty: problem.penalty,
    weightCount: loss.outputs * X.cols,
    freezeIntercepts: !problem.fitIntercept,
  };
}

/** Runs the training loop on data copied into the arena; the arena is released afterwards. */
export function runGradient(arena: Arena, data: GradientData, problem: GradientProblem, config: TrainConfig, start: TrainState): TrainResult {
  return arena.scope(() => train(arena, loadProblem(arena, data, problem), config, start));
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

/** The history of earlier partialFit calls followed by this call's epochs. */
export function appendHistory(
  before: { loss: number[]; learningRate?: number[] },
  after: { loss: number[]; learningRate?: number[] },
): { loss: number[]; learningRate: number[] } {
  return {
    loss: [...before.loss, ...after.loss],
    learningRate: [...(before.learningRate ?? []), ...(after.learningRate ?? [])],
  };
}
