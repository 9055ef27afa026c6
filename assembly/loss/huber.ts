import { glmPass, terms } from './glm';

/** Huber's clipped residual h = clamp(z − t, −ε, ε) per lane. */
@inline function huberClip(z: v128, t: v128, eps: f64): v128 {
  return f64x2.pmax(f64x2.pmin(f64x2.sub(z, t), f64x2.splat(eps)), f64x2.splat(-eps));
}

/**
 * The Huber terms for the shared pass (see glm.ts), c = ε, branch-free through h: coefficient h,
 * loss h·r − h²/2 (½r² inside the band, ε|r| − ε²/2 outside).
 */
@final @unmanaged class HuberTerms {
  @inline get isHess(): bool { return false; }
  @inline get usesExp(): bool { return false; }
  @inline exp(z: v128): v128 { return z; }
  @inline loss(z: v128, e: v128, t: v128, s: v128, c: f64): v128 {
    const r = f64x2.sub(z, t), h = huberClip(z, t, c);
    return f64x2.mul(s, f64x2.mul(h, f64x2.sub(r, f64x2.mul(f64x2.splat(0.5), h))));
  }
  @inline coef(z: v128, e: v128, t: v128, s: v128, u: v128, c: f64): v128 { return f64x2.mul(s, huberClip(z, t, c)); }
}

/**
 * Huber loss with threshold ε in one pass over the selected rows: Σ s_i·H_ε(r_i) with
 * r_i = x_i·w + b − y_i, H_ε(r) = ½r² for |r| ≤ ε and ε|r| − ½ε² beyond, and
 * grad = Σ s_i·clamp(r_i, −ε, ε)·[x_i, 1] unless grad = 0 (then only the loss).
 */
export function huberLossGrad(
  rows: i32, cols: i32, X: usize, idx: usize, y: usize, sw: usize, params: usize, grad: usize, epsilon: f64,
): f64 {
  return grad == 0
    ? glmPass(terms<HuberTerms>(), false, rows, cols, X, idx, y, sw, params, 0, 0, epsilon)
    : glmPass(terms<HuberTerms>(), true, rows, cols, X, idx, y, sw, params, 0, grad, epsilon);
}
