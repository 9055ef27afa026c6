/**
 * The Poisson loss with the log link: per row e^z − y·z, the half Poisson deviance
 * y·log(y/μ) − y + μ (μ = e^z) up to a term without parameters. Targets are counts or rates ≥ 0.
 */
import { LinfitError } from '../errors.js';
import { expLink } from './links.js';
import { oneOutputLoss } from './types.js';

export const poissonLoss = oneOutputLoss(
  'poisson',
  (k, d, count, idx, params, grad) => k.poissonLossGrad(count, d.cols, d.x, idx, d.y, d.sw, params, grad),
  (k, d, count, idx, params, v, out) => k.poissonHessVec(count, d.cols, d.x, idx, d.sw, params, v, out),
);

/** The inverse link: the mean μ = e^z. */
export const poissonInverseLink = expLink;

/** Poisson targets: every y ≥ 0 and not all 0 (the mean would be at −∞). */
export function checkPoissonTarget(y: Float64Array): void {
  let sum = 0;
  for (let i = 0; i < y.length; i++) {
    if (y[i] < 0) throw new LinfitError('BAD_INPUT', `y[${i}] is ${y[i]}; the Poisson loss needs counts or rates ≥ 0`);
    sum += y[i];
  }
  if (!(sum > 0)) throw new LinfitError('BAD_INPUT', 'y is 0 in every row; the Poisson mean would be e^−∞ (the fit has no finite answer)');
}

/** Half the Poisson deviance of one row, y·log(y/μ) − y + μ (0·log 0 = 0). */
export function poissonHalfDeviance(y: number, mu: number): number {
  return (y > 0 ? y * Math.log(y / mu) : 0) - y + mu;
}
