import { glmPass, terms } from './glm';
import { LogisticTerms } from './logistic-terms';

/**
 * Binary cross-entropy in one pass over the selected rows: Σ s_i·(softplus(z_i) − y_i·z_i), and
 * grad = Σ s_i·(σ(z_i) − y_i)·[x_i, 1] unless grad = 0 (then only the loss).
 */
export function logisticLossGrad(rows: i32, cols: i32, X: usize, idx: usize, y: usize, sw: usize, params: usize, grad: usize): f64 {
  return grad == 0
    ? glmPass(terms<LogisticTerms>(), false, rows, cols, X, idx, y, sw, params, 0, 0)
    : glmPass(terms<LogisticTerms>(), true, rows, cols, X, idx, y, sw, params, 0, grad);
}
