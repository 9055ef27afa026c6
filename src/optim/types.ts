import type { Kernels } from '../backend/types.js';

/**
 * An optimizer as data (after optax): resolved hyperparameters, how many state vectors it
 * keeps (each as long as the parameters, living in linear memory during a fit and in plain
 * arrays between fits), and one update that a kernel performs.
 */
export interface Optimizer {
  readonly name: OptimizerName;
  readonly hyper: Readonly<Record<string, number>>;
  /** PyTorch's default rate for this optimizer (or the seeds' where they give one). */
  readonly defaultLearningRate: number;
  readonly slots: number;
  /** The value every entry of each slot starts at (default 0), e.g. AdaGrad's initial accumulator. */
  readonly slotInit?: readonly number[];
  /**
   * The update for one fit. `decayCount` is how many leading parameters are weights (AdamW's
   * decoupled decay must not touch the intercepts; the other optimizers ignore it).
   */
  bind(decayCount: number): OptimizerStep;
}

/**
 * One update of `n` parameters from `grad`. `t` is the 1-based update count (for bias
 * correction); `state` holds `slots` pointers.
 */
export type OptimizerStep = (k: Kernels, n: number, lr: number, t: number, params: number, grad: number, state: readonly number[]) => void;

export type OptimizerName =
  | 'sgd' | 'momentum' | 'nesterov' | 'adagrad' | 'rmsprop'
  | 'adam' | 'adamw' | 'adamax' | 'nadam' | 'amsgrad' | 'adadelta';

export type OptimizerSpec = OptimizerName | ({ name: OptimizerName } & Record<string, number | string | boolean>);

/** The optimizer's slots, each `size` entries at its initial value. */
export function initialSlots(optimizer: Optimizer, size: number): Float64Array[] {
  return Array.from({ length: optimizer.slots }, (_, i) => new Float64Array(size).fill(optimizer.slotInit?.[i] ?? 0));
}
