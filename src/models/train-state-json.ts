/**
 * Saving and restoring what a gradient-trained model needs to resume: its options (optimizer
 * and schedule as data, never functions), and the training state bit for bit.
 */
import { LinfitError } from '../errors.js';
import { finiteArray, finiteNumber } from '../json.js';
import { scheduleFromSpec, type PlateauState, type Schedule, type PlateauSchedule, type ScheduleSpec } from '../schedules/index.js';
import type { TrainState } from '../solvers/gradient.js';
import type { ResolvedTrainOptions } from './train-options.js';

/** The optimizer's side of a TrainState (the parameters are saved as the model's coef and intercept). */
export interface SavedTrainState {
  slots: number[][];
  step: number;
  epoch: number;
  rng: number;
  plateau: PlateauState;
}

/** The options as JSON: callbacks are dropped, the optimizer and schedule become specs. */
export function optionsJSON(given: Record<string, unknown>, resolved: ResolvedTrainOptions): Record<string, unknown> {
  const { onEpoch: _onEpoch, signal: _signal, schedule: _schedule, optimizer: _optimizer, ...rest } = given;
  const schedule = resolved.schedule as Partial<Schedule | PlateauSchedule>;
  if (!schedule.spec) {
    throw new LinfitError('BAD_OPTION', 'toJSON: a custom schedule function cannot be saved; use one of schedules.* to make the model serialisable');
  }
  return {
    ...rest,
    optimizer: { name: resolved.optimizer.name, ...resolved.optimizer.hyper },
    schedule: schedule.spec,
  };
}

/** The constructor options back from optionsJSON's output. */
export function restoreOptions(options: Record<string, unknown>): Record<string, unknown> {
  if (options === null || typeof options !== 'object') throw new LinfitError('BAD_MODEL', 'model JSON: options must be an object');
  const { schedule, ...rest } = options;
  return { ...rest, schedule: schedule ? scheduleFromSpec(schedule as ScheduleSpec) : undefined };
}

export function trainStateJSON(s: TrainState): SavedTrainState {
  return {
    slots: s.slots.map((slot) => Array.from(slot)),
    step: s.step,
    epoch: s.epoch,
    rng: s.rng,
    plateau: { ...s.plateau },
  };
}

export function restoreTrainState(saved: SavedTrainState, params: Float64Array, slots: number): TrainState {
  const size = params.length;
  const type = 'model JSON';
  if (saved === null || typeof saved !== 'object') throw new LinfitError('BAD_MODEL', `${type}: state is missing`);
  if (!Array.isArray(saved.slots) || saved.slots.length !== slots) {
    throw new LinfitError('BAD_MODEL', `${type}: the optimizer keeps ${slots} state vectors, the JSON has ${saved.slots?.length}`);
  }
  const plateau = saved.plateau ?? { scale: 1, best: Infinity, badEpochs: 0 };
  if (!(typeof plateau.scale === 'number' && plateau.scale > 0) || !Number.isInteger(plateau.badEpochs) || plateau.badEpochs < 0 ||
      !(plateau.best === null || typeof plateau.best === 'number')) {
    throw new LinfitError('BAD_MODEL', `${type}: state.plateau is malformed`);
  }
  return {
    params: params.slice(),
    slots: saved.slots.map((slot, i) => finiteArray(slot, `state.slots[${i}]`, type, size)),
    step: finiteNumber(saved.step, 'state.step', type),
    epoch: finiteNumber(saved.epoch, 'state.epoch', type),
    rng: finiteNumber(saved.rng, 'state.rng', type),
    // JSON has no Infinity: an untouched plateau's best loss comes back as null.
    plateau: { scale: plateau.scale, best: plateau.best ?? Infinity, badEpochs: plateau.badEpochs },
  };
}
