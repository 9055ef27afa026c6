/**
 * Least squares that stays accurate when X is ill-conditioned or rank deficient:
 * Householder QR of X (never forming XᵀX, so the condition number is not squared; the
 * qrAppend kernel, block by block), then a one-sided Jacobi SVD of the small triangular factor R, then the minimum-norm solution
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
 * The solution from the triangular factor: R (cols×cols, upper triangular, row-major) and
 * qty = Qᵀy of a QR factorisation of the rows×cols X (the qrAppend kernel computes both).
 */
export function leastSquaresFromQr(R: Float64Array, qty: Float64Array, rows: number, cols: number, lambda = 0): LeastSquaresResult {
  // Bt holds Rᵀ: column j of R as row j, so Jacobi rotations touch contiguous memory.
  const bt = new Float64Array(cols * cols);
  for (let i = 0; i < cols; i++) {
    for (let j = i; j < cols; j++) bt[j * cols + i] = R[i * cols + j];
  }
  const vt = jacobiSvd(bt, cols, cols);

  const sigma = new Float64Array(cols);
  for (let j = 0; j < cols; j++) sigma[j] = Math.sqrt(dot(bt, j * cols, bt, j * cols, cols));
  const sigmaMax = sigma.reduce((mx, s) => Math.max(mx, s), 0);
  const cutoff = lambda > 0 ? 0 : sigmaMax * Number.EPSILON * Math.max(rows, cols);

  const coef = new Float64Array(cols);
  let rank = 0;
  for (let j = 0; j < cols; j++) {
    if (!(sigma[j] > cutoff)) continue;
    rank++;
    // b_j = σ_j·u_j, so (b_jᵀ·c)/(σ_j² + λ) = σ_j·(u_jᵀc)/(σ_j² + λ).
    const weight = dot(bt, j * cols, qty, 0, cols) / (sigma[j] * sigma[j] + lambda);
    for (let k = 0; k < cols; k++) coef[k] += weight * vt[j * cols + k];
  }
  const singularValues = Float64Array.from(sigma).sort().reverse();
  return { coef, singularValues, rank };
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
