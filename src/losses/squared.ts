/** The squared loss ½(z − y)² with the identity link: least squares. */
import { identityLink } from './links.js';
import { oneOutputLoss } from './types.js';

export const squaredLoss = oneOutputLoss('squared', (k, d, count, idx, params, grad) =>
  k.squaredLossGrad(count, d.cols, d.x, idx, d.y, d.sw, params, grad));

/** The mean is the linear predictor. */
export const squaredInverseLink = identityLink;
