/** Binary cross-entropy softplus(z) − y·z (y ∈ {0, 1}) with the logit link. */
import { sigmoidLink } from './links.js';
import { oneOutputLoss } from './types.js';

export const logisticLoss = oneOutputLoss(
  'logistic',
  (k, d, count, idx, params, grad) => k.logisticLossGrad(count, d.cols, d.x, idx, d.y, d.sw, params, grad),
  (k, d, count, idx, params, v, out) => k.logisticHessVec(count, d.cols, d.x, idx, d.sw, params, v, out),
);

/** P(y = 1) = σ(z). */
export const logisticInverseLink = sigmoidLink;
