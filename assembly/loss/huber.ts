import { glmPass, Link } from './glm';

/**
 * Huber loss with threshold ε in one pass over the selected rows: Σ s_i·H_ε(r_i) with
 * r_i = x_i·w + b − y_i, H_ε(r) = ½r² for |r| ≤ ε and ε|r| − ½ε² beyond, and
 * grad = Σ s_i·clamp(r_i, −ε, ε)·[x_i, 1] unless grad = 0 (then only the loss).
 */
export function huberLossGrad(
  rows: i32, cols: i32, X: usize, idx: usize, y: usize, sw: usize, params: usize, grad: usize, epsilon: f64,
): f64 {
  return grad == 0
    ? glmPass(Link.Huber, false, rows, cols, X, idx, y, sw, params, 0, 0, epsilon)
    : glmPass(Link.Huber, true, rows, cols, X, idx, y, sw, params, 0, grad, epsilon);
}
