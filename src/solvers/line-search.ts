/**
 * A line search satisfying the strong Wolfe conditions (Nocedal & Wright, algorithms 3.5 and
 * 3.6): sufficient decrease f(α) ≤ f(0) + c1·α·f'(0) and curvature |f'(α)| ≤ c2·|f'(0)|.
 * `phi(α)` evaluates the objective along the search direction and returns f(α) and f'(α).
 */
export interface LineSearchResult {
  alpha: number;
  value: number;
  slope: number;
  evaluations: number;
  /** False when no point meeting both conditions was found (the best decrease is returned). */
  ok: boolean;
}

export type Phi = (alpha: number) => { value: number; slope: number };

/** Relative size of rounding noise in an objective summed over many rows. */
export const F_NOISE = 1e-12;

export function strongWolfe(phi: Phi, f0: number, slope0: number, alpha1: number, c1 = 1e-4, c2 = 0.9): LineSearchResult {
  let evaluations = 0;
  // Near the optimum the decrease is below f's rounding error; there a value within that noise
  // counts as no increase and the slopes decide (Hager & Zhang's approximate Wolfe conditions).
  const noise = F_NOISE * Math.abs(f0);
  const rises = (cur: { alpha: number; value: number }, than: number) =>
    !Number.isFinite(cur.value) || (cur.value > than && cur.value > f0 + noise);
  const at = (alpha: number) => {
    evaluations++;
    return { alpha, ...phi(alpha) };
  };
  let prev = { alpha: 0, value: f0, slope: slope0 };
  let alpha = alpha1;
  for (let i = 0; i < 30; i++) {
    const cur = at(alpha);
    if (rises(cur, f0 + c1 * alpha * slope0) || (i > 0 && rises(cur, prev.value - Number.MIN_VALUE))) {
      return zoom(prev, cur);
    }
    if (Math.abs(cur.slope) <= -c2 * slope0) return { ...cur, evaluations, ok: true };
    if (cur.slope >= 0) return zoom(cur, prev);
    prev = cur;
    alpha *= 2;
  }
  return { ...prev, evaluations, ok: false };

  function zoom(lo: { alpha: number; value: number; slope: number }, hi: { alpha: number; value: number; slope: number }): LineSearchResult {
    for (let j = 0; j < 40; j++) {
      const alpha = interpolate(lo, hi);
      const cur = at(alpha);
      if (rises(cur, f0 + c1 * alpha * slope0) || rises(cur, lo.value - Number.MIN_VALUE)) {
        hi = cur;
      } else {
        if (Math.abs(cur.slope) <= -c2 * slope0) return { ...cur, evaluations, ok: true };
        if (cur.slope * (hi.alpha - lo.alpha) >= 0) hi = lo;
        lo = cur;
      }
      if (Math.abs(hi.alpha - lo.alpha) <= 1e-16 * Math.max(1, lo.alpha)) break;
    }
    return { ...lo, evaluations, ok: lo.alpha > 0 };
  }
}

/**
 * The minimiser of the cubic through both end points (values and slopes), kept inside the
 * middle 80% of the bracket; bisection when the cubic is unusable.
 */
function interpolate(a: { alpha: number; value: number; slope: number }, b: { alpha: number; value: number; slope: number }): number {
  const lo = Math.min(a.alpha, b.alpha), hi = Math.max(a.alpha, b.alpha);
  const margin = 0.1 * (hi - lo);
  if (Number.isFinite(b.value)) {
    const d1 = a.slope + b.slope - (3 * (a.value - b.value)) / (a.alpha - b.alpha);
    const disc = d1 * d1 - a.slope * b.slope;
    if (disc >= 0) {
      const d2 = Math.sign(b.alpha - a.alpha) * Math.sqrt(disc);
      const alpha = b.alpha - (b.alpha - a.alpha) * ((b.slope + d2 - d1) / (b.slope - a.slope + 2 * d2));
      if (Number.isFinite(alpha) && alpha >= lo + margin && alpha <= hi - margin) return alpha;
    }
  }
  return (lo + hi) / 2;
}
