/** The optimizer registry: names and `{ name, ...hyperparameters }` objects resolve here. */
import { LinfitError } from '../errors.js';
import { checkOptionNames, describe, numberIn } from '../validate.js';
import { adadelta } from './adadelta.js';
import { adagrad } from './adagrad.js';
import { adam } from './adam.js';
import { adamax } from './adamax.js';
import { adamw } from './adamw.js';
import { amsgrad } from './amsgrad.js';
import { momentum } from './momentum.js';
import { nadam } from './nadam.js';
import { nesterov } from './nesterov.js';
import { rmsprop } from './rmsprop.js';
import { sgd } from './sgd.js';
import type { Optimizer, OptimizerName, OptimizerSpec } from './types.js';

export { initialSlots, type Optimizer, type OptimizerName, type OptimizerSpec } from './types.js';

interface Entry {
  make: (hyper: Record<string, number>) => Optimizer;
  /** Allowed hyperparameters with their valid ranges. */
  hyper: Record<string, { min: number; max: number; minExclusive?: boolean; maxExclusive?: boolean; flag?: boolean }>;
}

const unit = { min: 0, max: 1, maxExclusive: true };
const positive = { min: 0, max: Infinity, minExclusive: true };
const nonNegative = { min: 0, max: Infinity };
/** A yes/no hyperparameter: true/false (or 1/0, as saved in JSON). */
const flag = { min: 0, max: 1, flag: true };

const REGISTRY: Record<OptimizerName, Entry> = {
  sgd: { make: sgd, hyper: {} },
  momentum: { make: momentum, hyper: { momentum: unit } },
  nesterov: { make: nesterov, hyper: { momentum: unit } },
  adagrad: { make: adagrad, hyper: { epsilon: positive, initialAccumulator: nonNegative } },
  rmsprop: { make: rmsprop, hyper: { rho: unit, epsilon: positive, momentum: unit, centered: flag } },
  adadelta: { make: adadelta, hyper: { rho: unit, epsilon: positive } },
  adam: { make: adam, hyper: { beta1: unit, beta2: unit, epsilon: positive } },
  adamw: { make: adamw, hyper: { beta1: unit, beta2: unit, epsilon: positive, weightDecay: nonNegative } },
  adamax: { make: adamax, hyper: { beta1: unit, beta2: unit, epsilon: positive } },
  nadam: { make: nadam, hyper: { beta1: unit, beta2: unit, epsilon: positive } },
  amsgrad: { make: amsgrad, hyper: { beta1: unit, beta2: unit, epsilon: positive } },
};

export const OPTIMIZER_NAMES = Object.keys(REGISTRY) as OptimizerName[];

/** Resolves 'adam' or { name: 'adam', beta1: 0.8 } to an optimizer, validating everything. */
export function resolveOptimizer(spec: OptimizerSpec | undefined, where: string): Optimizer {
  const given = spec ?? 'sgd';
  const name = typeof given === 'string' ? given : given?.name;
  const entry = typeof name === 'string' ? REGISTRY[name as OptimizerName] : undefined;
  if (!entry || !Object.hasOwn(REGISTRY, name as string)) {
    throw new LinfitError('BAD_OPTION', `${where}: optimizer must be one of ${OPTIMIZER_NAMES.map((n) => `'${n}'`).join(', ')} (or { name, ...hyperparameters }); got ${describe(name ?? given)}`);
  }
  const hyper: Record<string, number> = {};
  if (typeof given === 'object') {
    const { name: _name, ...rest } = given;
    checkOptionNames(rest, Object.keys(entry.hyper), `${where}: optimizer '${name}'`);
    for (const [key, range] of Object.entries(entry.hyper)) {
      const value = rest[key];
      if (value === undefined) continue;
      if (range.flag) {
        if (value !== true && value !== false && value !== 0 && value !== 1) {
          throw new LinfitError('BAD_OPTION', `${where}: optimizer '${name}': ${key} must be true or false; got ${describe(value)}`);
        }
        hyper[key] = Number(value);
        continue;
      }
      const v = numberIn(value, key, `${where}: optimizer '${name}'`, { min: range.min, max: range.max, minExclusive: range.minExclusive });
      if (range.maxExclusive && v >= range.max) {
        throw new LinfitError('BAD_OPTION', `${where}: optimizer '${name}': ${key} must be < ${range.max}; got ${v}`);
      }
      hyper[key] = v;
    }
  }
  return entry.make(hyper);
}
