import { glmLossGrad, Link } from './glm';

/** Squared loss in one pass: Σ s_i·½(x_i·w + b − y_i)², grad = Σ s_i·r_i·[x_i, 1]. */
export function squaredLossGrad(rows: i32, cols: i32, X: usize, y: usize, sw: usize, params: usize, grad: usize): f64 {
  return glmLossGrad(Link.Squared, rows, cols, X, y, sw, params, grad);
}
