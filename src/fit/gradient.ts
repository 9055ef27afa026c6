/**
 * The gradient solvers' driver: copy the data in once, run the training loop from a resumable
 * state, hand back the new state and the history as plain data.
 */
import type { Arena } from '../runtime/arena.js';
import { train, type TrainConfig, type TrainResult, type TrainState } from '../solvers/gradient.js';
import { loadObjective, type FitData, type ObjectiveSpec } from './load.js';

/** Runs the training loop on data copied into the arena; the arena is released afterwards. */
export function runGradient(arena: Arena, data: FitData, spec: ObjectiveSpec, config: TrainConfig, start: TrainState): TrainResult {
  return arena.scope(() => train(arena, loadObjective(arena, data, spec), config, start));
}
