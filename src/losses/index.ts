/**
 * The loss modules shared by every iterative solver: each sums its loss (and gradient) over a
 * set of rows with one fused kernel call. Data lives in the arena; parameters use the kernels'
 * layout ([w, b] for one output, [W (K×d), b_1‥b_K] for K outputs).
 */
import type { Arena } from '../runtime/arena.js';
import { identityLink, sigmoidLink, softmaxLink } from './links.js';
import { oneOutputLoss, type Loss } from './types.js';

export { oneOutputLoss, type ArenaData, type Loss, type LossName } from './types.js';
export type { InverseLink } from './links.js';

/** The squared loss's link: the mean is the linear predictor. */
export const squaredInverseLink = identityLink;
/** Binary cross-entropy's link: P(y = 1) = σ(z). */
export const logisticInverseLink = sigmoidLink;
/** Multinomial cross-entropy's link: the class probabilities softmax(z). */
export const softmaxInverseLink = softmaxLink;

export const squaredLoss = oneOutputLoss('squared', (k, d, count, idx, params, grad) =>
  k.squaredLossGrad(count, d.cols, d.x, idx, d.y, d.sw, params, grad));

export const logisticLoss = oneOutputLoss(
  'logistic',
  (k, d, count, idx, params, grad) => k.logisticLossGrad(count, d.cols, d.x, idx, d.y, d.sw, params, grad),
  (k, d, count, idx, params, v, out) => k.logisticHessVec(count, d.cols, d.x, idx, d.sw, params, v, out),
);

/** Multinomial cross-entropy over K classes; scratch space for the kernels is allocated once. */
export function softmaxLoss(arena: Arena, classes: number): Loss {
  const scratch = arena.alloc(2 * classes);
  return {
    name: 'softmax',
    outputs: classes,
    size: (cols) => classes * (cols + 1),
    sum: (a, d, count, idx, params, grad) =>
      a.kernels.softmaxLossGrad(count, d.cols, classes, d.x, idx, d.y, d.sw, params, grad, scratch),
    hessVec: (a, d, count, idx, params, v, out) =>
      a.kernels.softmaxHessVec(count, d.cols, classes, d.x, idx, d.sw, params, v, out, scratch),
  };
}

export { checkPoissonTarget, poissonHalfDeviance, poissonInverseLink, poissonLoss } from './poisson.js';
export { huberInverseLink, huberLoss } from './huber.js';
