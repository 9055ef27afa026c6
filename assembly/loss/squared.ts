import { glmPass, Link } from './glm';

/**
 * Squared loss in one pass over the selected rows: Σ s_i·½(x_i·w + b − y_i)², and
 * grad = Σ s_i·r_i·[x_i, 1] unless grad = 0 (then only the loss).
 */
export function squaredLossGrad(rows: i32, cols: i32, X: usize, idx: usize, y: usize, sw: usize, params: usize, grad: usize): f64 {
  return grad == 0
    ? glmPass(Link.Squared, false, rows, cols, X, idx, y, sw, params, 0, 0)
    : glmPass(Link.Squared, true, rows, cols, X, idx, y, sw, params, 0, grad);
}
