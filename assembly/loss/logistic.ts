import { glmLossGrad, Link } from './glm';

/** Binary cross-entropy in one pass: Σ s_i·(softplus(z_i) − y_i·z_i), grad = Σ s_i·(σ(z_i) − y_i)·[x_i, 1]. */
export function logisticLossGrad(rows: i32, cols: i32, X: usize, y: usize, sw: usize, params: usize, grad: usize): f64 {
  return glmLossGrad(Link.Logistic, rows, cols, X, y, sw, params, grad);
}
