/** Multinomial cross-entropy over K classes (targets: class indices) with the softmax link. */
import type { Arena } from '../runtime/arena.js';
import { softmaxLink } from './links.js';
import type { Loss } from './types.js';

/** The loss for K classes; the kernels' scratch space (2K values) is allocated once per fit. */
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

/** The class probabilities softmax(z), per row. */
export const softmaxInverseLink = softmaxLink;
