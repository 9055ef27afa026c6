import { glmPass, terms } from './glm';

/** The squared loss's terms for the shared pass (see glm.ts): loss ½(z − t)², coefficient z − t. */
@final @unmanaged class SquaredTerms {
  @inline get isHess(): bool { return false; }
  @inline get usesExp(): bool { return false; }
  @inline exp(z: v128): v128 { return z; }
  @inline loss(z: v128, e: v128, t: v128, s: v128, c: f64): v128 {
    const d = f64x2.sub(z, t);
    return f64x2.mul(f64x2.mul(f64x2.mul(s, f64x2.splat(0.5)), d), d);
  }
  @inline coef(z: v128, e: v128, t: v128, s: v128, u: v128, c: f64): v128 {
    return f64x2.mul(s, f64x2.sub(z, t));
  }
}

/**
 * Squared loss in one pass over the selected rows: Σ s_i·½(x_i·w + b − y_i)², and
 * grad = Σ s_i·r_i·[x_i, 1] unless grad = 0 (then only the loss).
 */
export function squaredLossGrad(rows: i32, cols: i32, X: usize, idx: usize, y: usize, sw: usize, params: usize, grad: usize): f64 {
  return grad == 0
    ? glmPass(terms<SquaredTerms>(), false, rows, cols, X, idx, y, sw, params, 0, 0)
    : glmPass(terms<SquaredTerms>(), true, rows, cols, X, idx, y, sw, params, 0, grad);
}
