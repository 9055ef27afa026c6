/**
 * Least squares that stays accurate when X is ill-conditioned or rank deficient:
 * Householder QR of X (never forming XᵀX, so the condition number is not squared), then a
 * one-sided Jacobi SVD of the small triangular factor R, then the minimum-norm solution
 * w = Σ_i v_i·(u_iᵀ·Qᵀy)·σ_i / (σ_i² + λ) over the singular values above the rank cut-off.
 * λ = 0 is ordinary least squares; λ > 0 is the ridge solution of ‖Xw − y‖² + λ‖w‖².
 */

export interface LeastSquaresResult {
  coef: Float64Array;
  /** Singular values of X, largest first. */
  singularValues: Float64Array;
  /** How many singular values were above the cut-off. */
  rank: number;
}

/**
 * Solves over the rows×cols row-major matrix stored in `m` from index `a` on, with
 * right-hand side `b` (length rows). Both are overwritten (they are the caller's scratch copies).
 */
export function leastSquares(
  m: Float64Array, a: number, rows: number, cols: number, b: Float64Array, lambda = 0,
): LeastSquaresResult {
  const steps = Math.min(rows, cols);
  const rdiag = householderQr(m, a, rows, cols, b, steps);
  // Bt holds Rᵀ: column j of R (length `steps`) as row j, so Jacobi rotations touch contiguous memory.
  const bt = new Float64Array(cols * steps);
  for (let i = 0; i < steps; i++) {
    bt[i * steps + i] = rdiag[i];
    for (let j = i + 1; j < cols; j++) bt[j * steps + i] = m[a + i * cols + j];
  }
  const vt = jacobiSvd(bt, cols, steps);

  const sigma = new Float64Array(cols);
  for (let j = 0; j < cols; j++) sigma[j] = Math.sqrt(dot(bt, j * steps, bt, j * steps, steps));
  const sigmaMax = sigma.reduce((mx, s) => Math.max(mx, s), 0);
  const cutoff = lambda > 0 ? 0 : sigmaMax * Number.EPSILON * Math.max(rows, cols);

  const coef = new Float64Array(cols);
  let rank = 0;
  for (let j = 0; j < cols; j++) {
    if (!(sigma[j] > cutoff)) continue;
    rank++;
    // b_j = σ_j·u_j, so (b_jᵀ·c)/(σ_j² + λ) = σ_j·(u_jᵀc)/(σ_j² + λ).
    const weight = dot(bt, j * steps, b, 0, steps) / (sigma[j] * sigma[j] + lambda);
    for (let k = 0; k < cols; k++) coef[k] += weight * vt[j * cols + k];
  }
  const singularValues = Float64Array.from(sigma).sort().reverse();
  return { coef, singularValues, rank };
}

/**
 * In-place Householder QR, applying each reflection to b as well (b ← Qᵀb). On return the
 * strict upper triangle of the first `steps` rows holds R's off-diagonal entries and the
 * returned vector R's diagonal. Row-major friendly: each reflection is two passes over the
 * trailing rows (w = vᵀA, then A −= τ·v·wᵀ).
 */
function householderQr(m: Float64Array, a: number, rows: number, cols: number, b: Float64Array, steps: number): Float64Array {
  const rdiag = new Float64Array(steps);
  const w = new Float64Array(cols);
  for (let k = 0; k < steps; k++) {
    const colK = a + k;
    let scale = 0;
    for (let i = k; i < rows; i++) scale = Math.max(scale, Math.abs(m[colK + i * cols]));
    if (scale === 0) continue;
    let norm2 = 0;
    for (let i = k; i < rows; i++) {
      const v = m[colK + i * cols] / scale;
      norm2 += v * v;
    }
    const x0 = m[colK + k * cols];
    const alpha = -(x0 >= 0 ? 1 : -1) * scale * Math.sqrt(norm2);
    const v0 = x0 - alpha;
    m[colK + k * cols] = v0; // v = [x0 − α, x_{k+1}, …] overwrites column k below the diagonal
    // vᵀv = (x0 − α)² + Σ_{i>k} x_i² = 2|α|(|α| + |x0|), free of cancellation since sign(α) = −sign(x0).
    const tau = 1 / (Math.abs(alpha) * (Math.abs(alpha) + Math.abs(x0)));
    rdiag[k] = alpha;

    w.fill(0, k + 1);
    for (let i = k; i < rows; i++) {
      const row = a + i * cols;
      const vi = m[row + k];
      if (vi !== 0) for (let j = k + 1; j < cols; j++) w[j] += vi * m[row + j];
    }
    let vb = 0;
    for (let i = k; i < rows; i++) vb += m[a + i * cols + k] * b[i];
    for (let i = k; i < rows; i++) {
      const row = a + i * cols;
      const tv = tau * m[row + k];
      if (tv !== 0) for (let j = k + 1; j < cols; j++) m[row + j] -= tv * w[j];
      b[i] -= tv * vb;
    }
  }
  return rdiag;
}

/**
 * One-sided Jacobi (Hestenes): rotates pairs of rows of `bt` (the columns of B) until all are
 * mutually orthogonal, accumulating the rotations in vt (row j = column j of V). Afterwards
 * row j of bt is σ_j·u_j. Accurate to full relative precision on the singular values.
 */
function jacobiSvd(bt: Float64Array, cols: number, len: number): Float64Array {
  const vt = new Float64Array(cols * cols);
  for (let j = 0; j < cols; j++) vt[j * cols + j] = 1;
  const tol = Number.EPSILON * 4;
  for (let sweep = 0; sweep < 80; sweep++) {
    let rotated = false;
    for (let p = 0; p < cols - 1; p++) {
      for (let q = p + 1; q < cols; q++) {
        const alpha = dot(bt, p * len, bt, p * len, len);
        const beta = dot(bt, q * len, bt, q * len, len);
        const gamma = dot(bt, p * len, bt, q * len, len);
        if (gamma === 0 || Math.abs(gamma) <= tol * Math.sqrt(alpha * beta)) continue;
        rotated = true;
        const zeta = (beta - alpha) / (2 * gamma);
        const t = (zeta >= 0 ? 1 : -1) / (Math.abs(zeta) + Math.sqrt(1 + zeta * zeta));
        const c = 1 / Math.sqrt(1 + t * t);
        const s = c * t;
        rotate(bt, p * len, q * len, len, c, s);
        rotate(vt, p * cols, q * cols, cols, c, s);
      }
    }
    if (!rotated) break;
  }
  return vt;
}

function rotate(m: Float64Array, p: number, q: number, len: number, c: number, s: number): void {
  for (let i = 0; i < len; i++) {
    const x = m[p + i], y = m[q + i];
    m[p + i] = c * x - s * y;
    m[q + i] = s * x + c * y;
  }
}

function dot(x: Float64Array, xi: number, y: Float64Array, yi: number, n: number): number {
  let s = 0;
  for (let i = 0; i < n; i++) s += x[xi + i] * y[yi + i];
  return s;
}
