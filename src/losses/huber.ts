/**
 * The Huber loss with threshold ε on the residual r = z − y: ½r² for |r| ≤ ε, ε|r| − ½ε²
 * beyond; quadratic near the fit, linear in the tails, so outliers pull with a bounded force.
 * Identity link. Not twice differentiable at |r| = ε, so no Hessian (L-BFGS and SGD only).
 */
import { identityLink } from './links.js';
import { oneOutputLoss, type Loss } from './types.js';

/** Identity link: the prediction is the linear predictor. */
export const huberInverseLink = identityLink;

export function huberLoss(epsilon: number): Loss {
  return oneOutputLoss('huber', (k, d, count, idx, params, grad) =>
    k.huberLossGrad(count, d.cols, d.x, idx, d.y, d.sw, params, grad, epsilon));
}
