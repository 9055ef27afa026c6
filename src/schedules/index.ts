/**
 * Learning-rate schedules: each is a pure function of the update step t = 0, 1, … (t counts
 * optimizer updates, i.e. mini-batches) and the base rate η₀ (the model's learningRate).
 * A plain `(t) => number` from the user is a schedule too: it returns the rate itself.
 * Built-in schedules carry a `spec` so that models using them can be saved with toJSON().
 */
import { LinfitError } from '../errors.js';
import { checkOptionNames, numberIn } from '../validate.js';

export type ScheduleFn = (t: number, baseRate: number) => number;

export interface ScheduleSpec {
  name: string;
  options: Record<string, unknown>;
}

export interface Schedule extends ScheduleFn {
  /** How to rebuild it (absent when it wraps a custom function, which cannot be saved). */
  readonly spec: ScheduleSpec;
}

function define(name: string, options: Record<string, unknown>, fn: ScheduleFn): Schedule {
  return Object.assign(fn, { spec: { name, options } });
}

/** η₀ at every step. */
export function constant(): Schedule {
  return define('constant', {}, (_t, base) => base);
}

/** η₀·γᵗ (seeds 002 and 003). */
export function exponential(options: { gamma: number }): Schedule {
  const o = checkOptionNames(options, ['gamma'], 'schedules.exponential');
  const gamma = numberIn(o.gamma, 'gamma', 'schedules.exponential', { min: 0, max: 1, minExclusive: true });
  return define('exponential', { gamma }, (t, base) => base * gamma ** t);
}

/** η₀·γ^⌊t / every⌋ (the lecture notes' step decay). */
export function step(options: { gamma: number; every: number }): Schedule {
  const where = 'schedules.step';
  const o = checkOptionNames(options, ['gamma', 'every'], where);
  const gamma = numberIn(o.gamma, 'gamma', where, { min: 0, max: 1, minExclusive: true });
  const every = numberIn(o.every, 'every', where, { min: 1, integer: true });
  return define('step', { gamma, every }, (t, base) => base * gamma ** Math.floor(t / every));
}

/** η₀·½(1 + cos(πt/T)) for t ≤ T, then 0 (the lecture notes' cosine decay). */
export function cosine(options: { total: number }): Schedule {
  const o = checkOptionNames(options, ['total'], 'schedules.cosine');
  const total = numberIn(o.total, 'total', 'schedules.cosine', { min: 1, integer: true });
  return define('cosine', { total }, (t, base) => base * 0.5 * (1 + Math.cos((Math.PI * Math.min(t, total)) / total)));
}

/** η₀·(1 − t/T) for t ≤ T, then 0 (the lecture notes' linear decay). */
export function linear(options: { total: number }): Schedule {
  const o = checkOptionNames(options, ['total'], 'schedules.linear');
  const total = numberIn(o.total, 'total', 'schedules.linear', { min: 1, integer: true });
  return define('linear', { total }, (t, base) => base * (1 - Math.min(t, total) / total));
}

/** η₀/√(t + 1): the lecture notes' inverse square root, and the lecture notes' C/√t for SGD. */
export function inverseSqrt(): Schedule {
  return define('inverseSqrt', {}, (t, base) => base / Math.sqrt(t + 1));
}

/** η₀/(t + 1)^p; p = 1 is Robbins–Monro's C/t (the lecture notes), p = ½ equals inverseSqrt. */
export function invScaling(options: { power: number } = { power: 1 }): Schedule {
  const o = checkOptionNames(options, ['power'], 'schedules.invScaling');
  const power = numberIn(o.power ?? 1, 'power', 'schedules.invScaling', { min: 0 });
  return define('invScaling', { power }, (t, base) => base / (t + 1) ** power);
}

/**
 * Linear warm-up over the first `steps` updates, η₀·(t + 1)/steps, then `inner` from its own
 * step 0 (the lecture notes: warm up over ~10% of training, then decay).
 */
export function warmup(inner: ScheduleFn, options: { steps: number }): Schedule {
  const o = checkOptionNames(options, ['steps'], 'schedules.warmup');
  const steps = numberIn(o.steps, 'steps', 'schedules.warmup', { min: 1, integer: true });
  if (typeof inner !== 'function') throw new LinfitError('BAD_OPTION', 'schedules.warmup: inner must be a schedule');
  const innerSpec = (inner as Partial<Schedule>).spec;
  const fn: ScheduleFn = (t, base) => (t < steps ? (base * (t + 1)) / steps : rateAt(inner, t - steps, base));
  // Around a custom function there is nothing to save: no spec, so toJSON refuses clearly.
  return innerSpec ? define('warmup', { steps, inner: innerSpec }, fn) : (fn as Schedule);
}

/**
 * Epoch-level and stateful: multiplies the rate by `factor` once the training loss has not
 * improved by more than `threshold` (relative) for `patience` epochs, down to `minRate`.
 */
export interface PlateauSchedule {
  readonly kind: 'plateau';
  readonly spec: ScheduleSpec;
  readonly factor: number;
  readonly patience: number;
  readonly threshold: number;
  readonly minRate: number;
}

export function reduceOnPlateau(options: { factor?: number; patience?: number; threshold?: number; minRate?: number } = {}): PlateauSchedule {
  const where = 'schedules.reduceOnPlateau';
  const o = checkOptionNames(options, ['factor', 'patience', 'threshold', 'minRate'], where);
  const factor = numberIn(o.factor ?? 0.1, 'factor', where, { min: 0, max: 1, minExclusive: true });
  const patience = numberIn(o.patience ?? 10, 'patience', where, { min: 0, integer: true });
  const threshold = numberIn(o.threshold ?? 1e-4, 'threshold', where, { min: 0 });
  const minRate = numberIn(o.minRate ?? 0, 'minRate', where, { min: 0 });
  return { kind: 'plateau', spec: { name: 'reduceOnPlateau', options: { factor, patience, threshold, minRate } }, factor, patience, threshold, minRate };
}

/** The state reduceOnPlateau keeps between epochs (saved with the model). */
export interface PlateauState {
  scale: number;
  best: number;
  badEpochs: number;
}

export function initialPlateauState(): PlateauState {
  return { scale: 1, best: Infinity, badEpochs: 0 };
}

/** Feeds one epoch's loss to the plateau rule and returns the new state. */
export function plateauAfterEpoch(p: PlateauSchedule, state: PlateauState, loss: number, baseRate: number): PlateauState {
  if (loss < state.best * (1 - p.threshold)) return { ...state, best: loss, badEpochs: 0 };
  if (state.badEpochs + 1 <= p.patience) return { ...state, badEpochs: state.badEpochs + 1 };
  const scale = Math.max(state.scale * p.factor, p.minRate / baseRate);
  return { scale, best: state.best, badEpochs: 0 };
}

/** The rate at step t, checking that a user schedule returns something usable. */
export function rateAt(schedule: ScheduleFn, t: number, base: number): number {
  const rate = schedule(t, base);
  if (typeof rate !== 'number' || !Number.isFinite(rate) || rate < 0) {
    throw new LinfitError('BAD_OPTION', `schedule returned ${String(rate)} at step ${t}; a learning rate must be a finite number ≥ 0`);
  }
  return rate;
}

const BUILDERS: Record<string, (options: never) => Schedule | PlateauSchedule> = {
  constant, exponential, step, cosine, linear, inverseSqrt, invScaling, reduceOnPlateau,
};

/** Rebuilds a built-in schedule from its spec (for loadModel). */
export function scheduleFromSpec(spec: ScheduleSpec): Schedule | PlateauSchedule {
  if (spec.name === 'warmup') {
    const { steps, inner } = (spec.options ?? {}) as { steps: number; inner: ScheduleSpec };
    return warmup(scheduleFromSpec(inner) as Schedule, { steps });
  }
  if (spec === null || typeof spec !== 'object' || typeof spec.name !== 'string' || !Object.hasOwn(BUILDERS, spec.name)) {
    throw new LinfitError('BAD_MODEL', `unknown schedule ${JSON.stringify((spec as { name?: unknown } | null)?.name)}`);
  }
  const build = BUILDERS[spec.name];
  return build(spec.options as never);
}
