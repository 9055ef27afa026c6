import { glmPass, Link } from './glm';

/**
 * Poisson loss (log link) in one pass over the selected rows: Σ s_i·(e^{z_i} − y_i·z_i), the
 * half Poisson deviance up to a constant in the parameters, and grad = Σ s_i·(e^{z_i} − y_i)·[x_i, 1]
 * unless grad = 0 (then only the loss).
 */
export function poissonLossGrad(rows: i32, cols: i32, X: usize, idx: usize, y: usize, sw: usize, params: usize, grad: usize): f64 {
  return grad == 0
    ? glmPass(Link.Poisson, false, rows, cols, X, idx, y, sw, params, 0, 0)
    : glmPass(Link.Poisson, true, rows, cols, X, idx, y, sw, params, 0, grad);
}

/** Hessian-vector product of the Poisson loss sum: out = Σ s_i·e^{z_i}·([x_i, 1]·v)·[x_i, 1]. */
export function poissonHessVec(rows: i32, cols: i32, X: usize, idx: usize, sw: usize, params: usize, v: usize, out: usize): void {
  glmPass(Link.PoissonHess, true, rows, cols, X, idx, 0, sw, params, v, out);
}
