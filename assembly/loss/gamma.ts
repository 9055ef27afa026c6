import { expNeg2 } from '../math/exp';
import { glmPass, terms } from './glm';

/** e^{−z}, with −z capped at 670 as Poisson's e^z is (see poisson.ts). */
@inline function gammaExp(z: v128): v128 {
  return expNeg2(f64x2.pmin(f64x2.neg(z), f64x2.splat(670.0)));
}

/** Gamma deviance (log link) terms: e = e^{−z}, loss t·e + z, coefficient 1 − t·e. */
@final @unmanaged class GammaTerms {
  @inline get isHess(): bool { return false; }
  @inline get usesExp(): bool { return true; }
  @inline exp(z: v128): v128 { return gammaExp(z); }
  @inline loss(z: v128, e: v128, t: v128, s: v128, c: f64): v128 { return f64x2.mul(s, f64x2.add(f64x2.mul(t, e), z)); }
  @inline coef(z: v128, e: v128, t: v128, s: v128, u: v128, c: f64): v128 { return f64x2.mul(s, f64x2.sub(f64x2.splat(1.0), f64x2.mul(t, e))); }
}

/** Half the Gamma deviance up to a constant: Σ s_i·(y_i·e^{−z_i} + z_i), and its gradient. */
export function gammaLossGrad(rows: i32, cols: i32, X: usize, idx: usize, y: usize, sw: usize, params: usize, grad: usize): f64 {
  return grad == 0
    ? glmPass(terms<GammaTerms>(), false, rows, cols, X, idx, y, sw, params, 0, 0)
    : glmPass(terms<GammaTerms>(), true, rows, cols, X, idx, y, sw, params, 0, grad);
}
