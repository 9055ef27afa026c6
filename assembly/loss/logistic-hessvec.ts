import { glmPass, terms } from './glm';
import { LogisticHessTerms } from './logistic-terms';

/**
 * Hessian-vector product of the binary cross-entropy sum, in one pass over the selected rows:
 * out = Σ s_i·σ_i(1 − σ_i)·([x_i, 1]·v)·[x_i, 1].
 */
export function logisticHessVec(rows: i32, cols: i32, X: usize, idx: usize, sw: usize, params: usize, v: usize, out: usize): void {
  glmPass(terms<LogisticHessTerms>(), true, rows, cols, X, idx, 0, sw, params, v, out);
}
