/** The Gamma loss (log link) for positive targets: per row y·e^{−z} + z, half the Gamma deviance up to a constant. */
import { LinfitError } from '../errors.js';
import { expLink } from './links.js';
import { oneOutputLoss } from './types.js';

export const gammaLoss = oneOutputLoss('gamma', (k, d, count, idx, params, grad) =>
  k.gammaLossGrad(count, d.cols, d.x, idx, d.y, d.sw, params, grad));

/** The inverse link: the mean μ = e^z. */
export const gammaInverseLink = expLink;

/** Half the Gamma deviance of one row, log(μ/y) + y/μ − 1. */
export function gammaHalfDeviance(y: number, mu: number): number {
  return Math.log(mu / y) + y / mu - 1;
}

/** Gamma targets: every y > 0 (the deviance has log y). */
export function checkGammaTarget(y: Float64Array): void {
  const i = y.findIndex((v) => !(v > 0));
  if (i >= 0) throw new LinfitError('BAD_INPUT', `y[${i}] is ${y[i]}; the Gamma loss needs targets > 0`);
}
