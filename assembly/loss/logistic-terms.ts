// The binary cross-entropy's terms for the shared pass (see glm.ts). softplus(z) = log(1 + e^z)
// and σ(z) share one e = e^{−|z|}, which never overflows:
//   softplus = max(z, 0) + log1p(e),  σ = (z > 0 ? 1 : e) / (1 + e),  σ(1 − σ) = e / (1 + e)².
// Branch-free (max and select), since the sign of z is as good as random from row to row.
import { expNeg2, log1p2 } from '../math/exp';

@inline function logisticExp(z: v128): v128 {
  return expNeg2(f64x2.neg(f64x2.abs(z)));
}

/** Loss softplus(z) − t·z, coefficient σ(z) − t. */
@final @unmanaged export class LogisticTerms {
  @inline get isHess(): bool { return false; }
  @inline get usesExp(): bool { return true; }
  @inline exp(z: v128): v128 { return logisticExp(z); }
  @inline loss(z: v128, e: v128, t: v128, s: v128, c: f64): v128 {
    // s·(max(z, 0) + log1p(e) − t·z); pmax(z, 0) is z < 0 ? 0 : z.
    const sp = f64x2.add(f64x2.pmax(z, f64x2.splat(0)), log1p2(e));
    return f64x2.mul(s, f64x2.sub(sp, f64x2.mul(t, z)));
  }
  @inline coef(z: v128, e: v128, t: v128, s: v128, u: v128, c: f64): v128 {
    const d = f64x2.add(f64x2.splat(1.0), e);
    const num = v128.bitselect(f64x2.splat(1.0), e, f64x2.gt(z, f64x2.splat(0)));
    return f64x2.mul(s, f64x2.sub(f64x2.div(num, d), t));
  }
}

/** The Hessian-vector product's terms: s·σ(1 − σ)·u. */
@final @unmanaged export class LogisticHessTerms {
  @inline get isHess(): bool { return true; }
  @inline get usesExp(): bool { return true; }
  @inline exp(z: v128): v128 { return logisticExp(z); }
  @inline loss(z: v128, e: v128, t: v128, s: v128, c: f64): v128 { return f64x2.splat(0); }
  @inline coef(z: v128, e: v128, t: v128, s: v128, u: v128, c: f64): v128 {
    const d = f64x2.add(f64x2.splat(1.0), e);
    return f64x2.mul(f64x2.mul(s, f64x2.div(e, f64x2.mul(d, d))), u);
  }
}
