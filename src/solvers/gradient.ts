/**
 * Gradient training for every loss: full-batch gradient descent (batch = all rows), mini-batch
 * SGD and pure SGD (batch 1), with any optimizer and schedule. Each mini-batch is one fused
 * loss+gradient kernel call over row indices, one scal, one optimizer kernel call: nothing
 * per row happens in JavaScript. The whole state (parameters, optimizer slots, update count,
 * PRNG state, plateau state) is plain data, so training resumes exactly where it stopped.
 */
import type { Arena } from '../runtime/arena.js';
import { LinfitError } from '../errors.js';
import type { LinearModelObjective, RowSet } from '../objective/index.js';
import { initialSlots, type Optimizer } from '../optim/index.js';
import { Random } from '../random.js';
import {
  initialPlateauState, plateauAfterEpoch, rateAt,
  type PlateauSchedule, type PlateauState, type ScheduleFn,
} from '../schedules/index.js';

export interface EpochInfo {
  epoch: number;
  loss: number;
  valLoss?: number;
  learningRate: number;
  step: number;
}

export interface TrainConfig {
  optimizer: Optimizer;
  learningRate: number;
  schedule: ScheduleFn | PlateauSchedule;
  /** Rows per update; ≥ the number of training rows means full-batch gradient descent. */
  batchSize: number;
  shuffle: boolean;
  maxEpochs: number;
  /** Stop when the monitored loss has not improved by more than tol for nIterNoChange epochs (null: never). */
  tol: number | null;
  nIterNoChange: number;
  /**
   * Full batch only: stop when the gradient's max-norm is ≤ gradTol (the lecture notes' ε); with an L1
   * term, the minimum-norm subgradient's. 0 disables.
   */
  gradTol: number;
  earlyStopping: boolean;
  validationFraction: number;
  onEpoch?: (info: EpochInfo) => void | boolean;
  signal?: AbortSignal;
}

/** Everything needed to continue training, as plain data. */
export interface TrainState {
  params: Float64Array;
  slots: Float64Array[];
  step: number;
  epoch: number;
  rng: number;
  plateau: PlateauState;
}

export interface TrainResult {
  state: TrainState;
  history: { loss: number[]; valLoss?: number[]; learningRate: number[] };
  nIter: number;
  converged: boolean;
  warning?: string;
}

/** A loss this many times the first epoch's is treated as divergence, before it overflows. */
const EXPLOSION_FACTOR = 1e12;

export function initialState(size: number, optimizer: Optimizer, seed: number): TrainState {
  return {
    params: new Float64Array(size),
    slots: initialSlots(optimizer, size),
    step: 0,
    epoch: 0,
    rng: seed >>> 0,
    plateau: initialPlateauState(),
  };
}

/** Runs up to config.maxEpochs epochs from `start`; `start` itself is not modified. */
export function train(arena: Arena, objective: LinearModelObjective, config: TrainConfig, start: TrainState): TrainResult {
  const { data, weightCount } = objective;
  const k = arena.kernels;
  const size = start.params.length;
  const random = new Random(start.rng);

  // Rows: a validation subset when early stopping, the rest for training.
  const order = Int32Array.from({ length: data.rows }, (_, i) => i);
  let nVal = 0;
  if (config.earlyStopping) {
    random.shuffle(order);
    nVal = Math.max(1, Math.round(config.validationFraction * data.rows));
    if (nVal >= data.rows) {
      throw new LinfitError('BAD_OPTION', `validationFraction ${config.validationFraction} leaves no rows to train on (${data.rows} rows)`);
    }
  }
  const nTrain = data.rows - nVal;
  const batch = Math.min(config.batchSize, nTrain);
  const fullBatch = batch === nTrain;
  const useIdx = config.earlyStopping || (config.shuffle && !fullBatch);
  // Mean sample weight of the training rows and total weight of the held-out rows: each
  // mini-batch sum is divided by count × meanWeight, an unbiased estimate of the weighted mean.
  let valWeight = nVal;
  let trainWeight = nTrain;
  if (data.sw !== 0 && nVal > 0) {
    const m = arena.f64;
    valWeight = 0;
    for (let i = 0; i < nVal; i++) valWeight += m[data.sw / 8 + order[i]];
    trainWeight = data.weightSum - valWeight;
  } else if (data.sw !== 0) {
    trainWeight = data.weightSum;
  }
  if (!(trainWeight > 0) || (nVal > 0 && !(valWeight > 0))) {
    throw new LinfitError('BAD_INPUT', 'the training or validation rows have zero total sample weight; give them positive weights or change the seed');
  }
  const meanWeight = trainWeight / nTrain;

  arena.reserve(size * (3 + start.slots.length) + data.rows, 6 + start.slots.length);
  const params = arena.copyIn(start.params);
  const grad = arena.alloc(size);
  const best = arena.alloc(size);
  const slots = start.slots.map((s) => arena.copyIn(s));
  const idxBlock = arena.alloc(Math.ceil(data.rows / 2));
  const trainIdx = idxBlock + nVal * 4;
  new Int32Array(arena.f64.buffer, idxBlock, data.rows).set(order);

  const history: TrainResult['history'] = { loss: [], learningRate: [], ...(config.earlyStopping ? { valLoss: [] } : {}) };
  const plateau = 'kind' in config.schedule ? config.schedule : null;
  const schedule: ScheduleFn = plateau ? (_t, base) => base : (config.schedule as ScheduleFn);
  let plateauState = start.plateau;
  let step = start.step;
  let epochsRun = 0;
  let converged = false;
  let warning: string | undefined;
  let bestMonitored = Infinity;
  let bestOptimizer: { slots: Float64Array[]; step: number } | undefined;
  let noImprove = 0;
  let firstLoss: number | undefined;
  let lastRate = 0;

  // The rows of the current mini-batch (one object, updated in place) and the held-out rows.
  const batchRows: RowSet = { count: 0, idx: 0, start: 0, weight: 0 };
  const validationRows: RowSet = { count: nVal, idx: idxBlock, start: 0, weight: valWeight };
  const optimizerStep = config.optimizer.bind(weightCount);
  const rateNow = () => rateAt(schedule, step, config.learningRate) * plateauState.scale;
  const diverged = (epoch: number, why: string): never => {
    throw new LinfitError('DIVERGED', `training diverged in epoch ${epoch} (${why}) at learning rate ${lastRate}; lower learningRate, scale the features (StandardScaler), or use a decaying schedule`);
  };

  for (let e = 0; e < config.maxEpochs; e++) {
    const epoch = start.epoch + e + 1;
    if (config.signal?.aborted) {
      warning = `training was aborted before epoch ${epoch}`;
      break;
    }
    if (useIdx && config.shuffle) random.shuffle(new Int32Array(arena.f64.buffer, trainIdx, nTrain));
    // The epoch's loss: each batch's objective (at the parameters before its update), weighted
    // by the batch's share of the training weight; for full batch, the objective itself.
    let weightedLoss = 0;
    let batchLoss = 0;
    let stopOnGradient = false;
    for (let s = 0; s < nTrain; s += batch) {
      const count = Math.min(batch, nTrain - s);
      batchRows.count = count;
      batchRows.idx = useIdx ? trainIdx + s * 4 : 0;
      batchRows.start = useIdx ? 0 : s;
      batchRows.weight = fullBatch ? trainWeight : count * meanWeight;
      batchLoss = objective.valueGrad(params, grad, batchRows);
      if (!Number.isFinite(batchLoss)) diverged(epoch, `the loss became ${batchLoss}`);
      weightedLoss += batchLoss * batchRows.weight;
      if (fullBatch && config.gradTol > 0 && objective.optimality(params, grad) <= config.gradTol) {
        stopOnGradient = true;
        break;
      }
      lastRate = rateNow();
      optimizerStep(k, size, lastRate, step + 1, params, grad, slots);
      objective.prox(lastRate, params);
      step++;
    }
    epochsRun++;
    const epochLoss = fullBatch ? batchLoss : weightedLoss / trainWeight;
    firstLoss ??= epochLoss;
    if (k.firstNonFinite(size, params) >= 0) diverged(epoch, 'the parameters became non-finite');
    if (epochLoss > EXPLOSION_FACTOR * Math.max(firstLoss, 1)) diverged(epoch, `the loss grew from ${firstLoss} to ${epochLoss}`);
    history.loss.push(epochLoss);
    history.learningRate.push(lastRate);

    let monitored = epochLoss;
    let valLoss: number | undefined;
    if (config.earlyStopping) {
      valLoss = objective.valueGrad(params, 0, validationRows);
      history.valLoss!.push(valLoss);
      monitored = valLoss;
    }
    if (stopOnGradient) {
      converged = true;
      break;
    }
    if (monitored < bestMonitored) {
      arena.f64.copyWithin(best / 8, params / 8, params / 8 + size);
      // The optimizer state that goes with the best parameters, so training resumes from there.
      if (config.earlyStopping) bestOptimizer = { slots: slots.map((p) => arena.read(p, size)), step };
    }
    if (config.tol !== null) {
      noImprove = monitored > bestMonitored - config.tol ? noImprove + 1 : 0;
    }
    bestMonitored = Math.min(bestMonitored, monitored);
    if (plateau) plateauState = plateauAfterEpoch(plateau, plateauState, epochLoss, config.learningRate);

    if (config.tol !== null && noImprove >= config.nIterNoChange) {
      converged = true;
      break;
    }
    if (config.onEpoch?.({ epoch, loss: epochLoss, valLoss, learningRate: lastRate, step }) === false) {
      warning = `training was stopped by onEpoch after epoch ${epoch}`;
      break;
    }
  }
  if (!converged && !warning) {
    warning = `stopped after ${epochsRun} epochs without converging; raise maxIter, tune learningRate, or standardise the features`;
  }
  // Early stopping keeps the parameters (and their optimizer state) that did best on the held-out rows.
  const restoreBest = config.earlyStopping && bestOptimizer !== undefined;
  return {
    state: {
      params: arena.read(restoreBest ? best : params, size),
      slots: restoreBest ? bestOptimizer!.slots : slots.map((p) => arena.read(p, size)),
      step: restoreBest ? bestOptimizer!.step : step,
      epoch: start.epoch + epochsRun,
      rng: random.seedState,
      plateau: plateauState,
    },
    history,
    nIter: epochsRun,
    converged,
    warning,
  };
}
