import { expNeg2 } from '../math/exp';
import { glmPass, terms } from './glm';

/**
 * e^z is capped at e^POISSON_Z_MAX (≈ 1e291): beyond it the exact value overflows to Infinity
 * within a few steps; capped, a line search sees a huge finite loss and backs off. The JS twin
 * caps at the same point.
 */
const POISSON_Z_MAX: f64 = 670.0;

@inline function poissonExp(z: v128): v128 {
  return expNeg2(f64x2.pmin(z, f64x2.splat(POISSON_Z_MAX)));
}

/** The Poisson (log link) terms for the shared pass (see glm.ts): e = e^z, loss e − t·z, coefficient e − t. */
@final @unmanaged class PoissonTerms {
  @inline get isHess(): bool { return false; }
  @inline get usesExp(): bool { return true; }
  @inline exp(z: v128): v128 { return poissonExp(z); }
  @inline loss(z: v128, e: v128, t: v128, s: v128, c: f64): v128 { return f64x2.mul(s, f64x2.sub(e, f64x2.mul(t, z))); }
  @inline coef(z: v128, e: v128, t: v128, s: v128, u: v128, c: f64): v128 { return f64x2.mul(s, f64x2.sub(e, t)); }
}

/** The Hessian-vector product's terms: second derivative e^z, times u. */
@final @unmanaged class PoissonHessTerms {
  @inline get isHess(): bool { return true; }
  @inline get usesExp(): bool { return true; }
  @inline exp(z: v128): v128 { return poissonExp(z); }
  @inline loss(z: v128, e: v128, t: v128, s: v128, c: f64): v128 { return f64x2.splat(0); }
  @inline coef(z: v128, e: v128, t: v128, s: v128, u: v128, c: f64): v128 { return f64x2.mul(f64x2.mul(s, e), u); }
}

/**
 * Poisson loss (log link) in one pass over the selected rows: Σ s_i·(e^{z_i} − y_i·z_i), the
 * half Poisson deviance up to a constant in the parameters, and grad = Σ s_i·(e^{z_i} − y_i)·[x_i, 1]
 * unless grad = 0 (then only the loss).
 */
export function poissonLossGrad(rows: i32, cols: i32, X: usize, idx: usize, y: usize, sw: usize, params: usize, grad: usize): f64 {
  return grad == 0
    ? glmPass(terms<PoissonTerms>(), false, rows, cols, X, idx, y, sw, params, 0, 0)
    : glmPass(terms<PoissonTerms>(), true, rows, cols, X, idx, y, sw, params, 0, grad);
}

/** Hessian-vector product of the Poisson loss sum: out = Σ s_i·e^{z_i}·([x_i, 1]·v)·[x_i, 1]. */
export function poissonHessVec(rows: i32, cols: i32, X: usize, idx: usize, sw: usize, params: usize, v: usize, out: usize): void {
  glmPass(terms<PoissonHessTerms>(), true, rows, cols, X, idx, 0, sw, params, v, out);
}
