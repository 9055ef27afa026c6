/**
 * TrainOptions of the gradient solvers: validated once at construction, turned into a
 * TrainConfig for a given data size at fit time.
 */
import { LinfitError } from '../errors.js';
import { resolveOptimizer, type Optimizer, type OptimizerSpec } from '../optim/index.js';
import type { PlateauSchedule, ScheduleFn } from '../schedules/index.js';
import { constant } from '../schedules/index.js';
import type { EpochInfo, TrainConfig } from '../solvers/gradient.js';
import { booleanOption, describe, numberIn } from '../validate.js';

export interface TrainOptions {
  /** Epochs (passes over the data) at most; `epochs` is a synonym. Default 1000. */
  maxIter?: number;
  epochs?: number;
  /** Stop when the loss has not improved by more than tol for nIterNoChange epochs (null: never). Default 1e-4. */
  tol?: number | null;
  nIterNoChange?: number;
  /** Full-batch 'gd' only: stop when the gradient's max-norm is ≤ gradTol (the lecture notes' ε). Default 0 (off). */
  gradTol?: number;
  optimizer?: OptimizerSpec;
  /** η₀; default 0.1 for plain full-batch gd, else the optimizer's default (0.01 for sgd, 0.001 for adam). */
  learningRate?: number;
  schedule?: ScheduleFn | PlateauSchedule;
  /** Rows per update for solver 'sgd' (default 32; 1 is pure SGD). 'gd' uses every row. */
  batchSize?: number;
  earlyStopping?: boolean;
  validationFraction?: number;
  shuffle?: boolean;
  seed?: number;
  onEpoch?: (info: EpochInfo) => void | boolean;
  signal?: AbortSignal;
}

export const TRAIN_OPTION_NAMES = [
  'maxIter', 'epochs', 'tol', 'nIterNoChange', 'gradTol', 'optimizer', 'learningRate', 'schedule',
  'batchSize', 'earlyStopping', 'validationFraction', 'shuffle', 'seed', 'onEpoch', 'signal',
] as const;

export interface ResolvedTrainOptions {
  maxIter: number;
  tol: number | null;
  nIterNoChange: number;
  gradTol: number;
  optimizer: Optimizer;
  learningRate: number;
  schedule: ScheduleFn | PlateauSchedule;
  batchSize: number | null;
  /** Whether the user chose batchSize (a default of 32 shrinks quietly for smaller data). */
  batchSizeGiven: boolean;
  earlyStopping: boolean;
  validationFraction: number;
  shuffle: boolean;
  seed: number;
  onEpoch?: (info: EpochInfo) => void | boolean;
  signal?: AbortSignal;
}

export function resolveTrainOptions(o: TrainOptions, where: string, solver: 'gd' | 'sgd'): ResolvedTrainOptions {
  if (o.maxIter !== undefined && o.epochs !== undefined && o.maxIter !== o.epochs) {
    throw new LinfitError('BAD_OPTION', `${where}: maxIter and epochs are the same option; give one`);
  }
  const optimizer = resolveOptimizer(o.optimizer, where);
  const schedule = o.schedule ?? constant();
  if (typeof schedule !== 'function' && (schedule as PlateauSchedule)?.kind !== 'plateau') {
    throw new LinfitError('BAD_OPTION', `${where}: schedule must be a function (t, η₀) => rate or a schedules.* value; got ${describe(schedule)}`);
  }
  if (o.onEpoch !== undefined && typeof o.onEpoch !== 'function') {
    throw new LinfitError('BAD_OPTION', `${where}: onEpoch must be a function`);
  }
  const defaultRate = solver === 'gd' && optimizer.name === 'sgd' ? 0.1 : optimizer.defaultLearningRate;
  if (solver === 'gd' && o.batchSize !== undefined) {
    throw new LinfitError('BAD_OPTION', `${where}: batchSize applies to solver 'sgd'; 'gd' always uses every row`);
  }
  return {
    maxIter: numberIn(o.maxIter ?? o.epochs ?? 1000, 'maxIter', where, { min: 1, integer: true }),
    tol: o.tol === null ? null : numberIn(o.tol ?? 1e-4, 'tol', where, { min: 0 }),
    nIterNoChange: numberIn(o.nIterNoChange ?? 5, 'nIterNoChange', where, { min: 1, integer: true }),
    gradTol: numberIn(o.gradTol ?? 0, 'gradTol', where, { min: 0 }),
    optimizer,
    learningRate: numberIn(o.learningRate ?? defaultRate, 'learningRate', where, { min: 0, minExclusive: true }),
    schedule,
    batchSize: solver === 'gd' ? null : numberIn(o.batchSize ?? 32, 'batchSize', where, { min: 1, integer: true }),
    batchSizeGiven: o.batchSize !== undefined,
    earlyStopping: booleanOption(o.earlyStopping ?? false, 'earlyStopping', where),
    validationFraction: numberIn(o.validationFraction ?? 0.1, 'validationFraction', where, { min: 0, max: 1, minExclusive: true }),
    shuffle: booleanOption(o.shuffle ?? true, 'shuffle', where),
    seed: numberIn(o.seed ?? 0, 'seed', where, { integer: true, min: 0, max: 2 ** 32 - 1 }),
    onEpoch: o.onEpoch,
    signal: o.signal,
  };
}

/**
 * The config for a fit on `rows` rows. partialFit runs one epoch with the stopping rules off,
 * and takes chunks of any size (a batch larger than the chunk is the whole chunk).
 */
export function trainConfig(r: ResolvedTrainOptions, rows: number, where: string, partial = false): TrainConfig {
  if (r.batchSize !== null && r.batchSize > rows && r.batchSizeGiven && !partial) {
    throw new LinfitError('BAD_OPTION', `${where}: batchSize ${r.batchSize} is larger than the ${rows} rows given`);
  }
  return {
    optimizer: r.optimizer,
    learningRate: r.learningRate,
    schedule: r.schedule,
    batchSize: Math.min(r.batchSize ?? rows, rows),
    shuffle: r.shuffle,
    maxEpochs: partial ? 1 : r.maxIter,
    tol: partial ? null : r.tol,
    nIterNoChange: r.nIterNoChange,
    gradTol: r.gradTol,
    earlyStopping: partial ? false : r.earlyStopping,
    validationFraction: r.validationFraction,
    onEpoch: r.onEpoch,
    signal: r.signal,
  };
}
