/**
 * Gradient training for every loss: full-batch gradient descent (batch = all rows), mini-batch
 * SGD and pure SGD (batch 1), with any optimizer and schedule. Each mini-batch is one fused
 * loss+gradient kernel call over row indices, one scal, one optimizer kernel call: nothing
 * per row happens in JavaScript. The whole state (parameters, optimizer slots, update count,
 * PRNG state, plateau state) is plain data, so training resumes exactly where it stopped.
 */
import type { Arena } from '../runtime/arena.js';
import { LinfitError } from '../errors.js';
import type { ArenaData, Loss } from '../losses/index.js';
import { initialSlots, type Optimizer } from '../optim/index.js';
import { addPenaltyGradient, applyL1Prox, l1Strength, penaltyValue, type Penalty } from '../penalty.js';
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

/** The problem: loss, data already in the arena, penalty, and how many leading params are weights. */
export interface Problem {
  loss: Loss;
  data: ArenaData;
  penalty: Penalty;
  weightCount: number;
  /** Keep the intercepts (the parameters after the weights) at their value: fitIntercept = false. */
  freezeIntercepts: boolean;
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
export function train(arena: Arena, problem: Problem, config: TrainConfig, start: TrainState): TrainResult {
  const { loss, data, penalty, weightCount, freezeIntercepts } = problem;
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

  const rowsView: ArenaData = { ...data };
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
    let lossSum = 0;
    let stopOnGradient = false;
    // Full batch: the penalty at the same parameters as the data loss (before the update).
    let startPenalty = 0;
    for (let s = 0; s < nTrain; s += batch) {
      const count = Math.min(batch, nTrain - s);
      const batchLoss = useIdx
        ? loss.sum(arena, data, count, trainIdx + s * 4, params, grad)
        : loss.sum(arena, sliceRows(data, s, rowsView), count, 0, params, grad);
      if (fullBatch) startPenalty = penaltyValue(penalty, arena.f64, params / 8, weightCount);
      if (!Number.isFinite(batchLoss)) diverged(epoch, `the loss became ${batchLoss}`);
      lossSum += batchLoss;
      k.scal(size, 1 / (count * meanWeight), grad);
      if (freezeIntercepts) arena.f64.fill(0, grad / 8 + weightCount, grad / 8 + size);
      addPenaltyGradient(arena, penalty, weightCount, params, grad);
      if (fullBatch && config.gradTol > 0 && optimality(arena.f64, grad, params, weightCount, size, l1Strength(penalty)) <= config.gradTol) {
        stopOnGradient = true;
        break;
      }
      lastRate = rateNow();
      optimizerStep(k, size, lastRate, step + 1, params, grad, slots);
      applyL1Prox(arena, penalty, lastRate, weightCount, params);
      step++;
    }
    epochsRun++;
    const epochLoss = lossSum / trainWeight + (fullBatch ? startPenalty : penaltyValue(penalty, arena.f64, params / 8, weightCount));
    firstLoss ??= epochLoss;
    if (k.firstNonFinite(size, params) >= 0) diverged(epoch, 'the parameters became non-finite');
    if (epochLoss > EXPLOSION_FACTOR * Math.max(firstLoss, 1)) diverged(epoch, `the loss grew from ${firstLoss} to ${epochLoss}`);
    history.loss.push(epochLoss);
    history.learningRate.push(lastRate);

    let monitored = epochLoss;
    let valLoss: number | undefined;
    if (config.earlyStopping) {
      valLoss = loss.sum(arena, data, nVal, idxBlock, params, 0) / valWeight + penaltyValue(penalty, arena.f64, params / 8, weightCount);
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

/**
 * The same data starting at row `start` (contiguous mini-batches need no index array),
 * written into `view` so that no object is allocated per mini-batch.
 */
function sliceRows(data: ArenaData, start: number, view: ArenaData): ArenaData {
  view.x = data.x + start * data.cols * 8;
  view.y = data.y + start * 8;
  view.sw = data.sw === 0 ? 0 : data.sw + start * 8;
  return view;
}

/**
 * Max-norm of the minimum-norm subgradient: the smooth gradient g where there is no L1 term;
 * with one, g_j + l1·sign(w_j) for w_j ≠ 0 and max(0, |g_j| − l1) at w_j = 0 (0 at the optimum).
 */
function optimality(m: Float64Array, grad: number, params: number, weightCount: number, size: number, l1: number): number {
  let mx = 0;
  for (let j = 0; j < size; j++) {
    const g = m[grad / 8 + j];
    let v = Math.abs(g);
    if (j < weightCount && l1 > 0) {
      const w = m[params / 8 + j];
      v = w !== 0 ? Math.abs(g + l1 * Math.sign(w)) : Math.max(0, Math.abs(g) - l1);
    }
    mx = Math.max(mx, v);
  }
  return mx;
}
