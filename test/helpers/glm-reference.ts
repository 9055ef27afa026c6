/**
 * Reference fits for the GLM regressors by methods independent of linfit's solvers, written
 * as plainly as possible: dense Newton with the explicit Hessian (Poisson) and iteratively
 * reweighted least squares (Huber), each solved by Gaussian elimination (solveDense).
 * Both minimise mean_i s_i·loss_i / mean s + α/2‖w‖² (intercept unpenalised), the models' objective.
 */
import { solveDense } from './numeric.js';

const augmented = (row: number[]): number[] => [...row, 1];

/** Poisson (log link): Newton's method with step halving, to gradient max-norm ≤ 1e-13. */
export function poissonReference(X: number[][], y: number[], alpha: number, sampleWeight?: number[]): number[] {
  const n = X.length, p = X[0].length + 1;
  const s = sampleWeight ?? new Array(n).fill(1);
  const W = s.reduce((a, b) => a + b, 0);
  const objective = (theta: number[]) => {
    let f = 0;
    for (let i = 0; i < n; i++) {
      const z = dot(augmented(X[i]), theta);
      f += s[i] * (Math.exp(z) - y[i] * z);
    }
    return f / W + 0.5 * alpha * theta.slice(0, p - 1).reduce((a, w) => a + w * w, 0);
  };
  const theta = new Array(p).fill(0);
  theta[p - 1] = Math.log(y.reduce((a, v, i) => a + s[i] * v, 0) / W);
  for (let iter = 0; iter < 100; iter++) {
    const g = new Array(p).fill(0);
    const H = Array.from({ length: p }, () => new Array(p).fill(0));
    for (let i = 0; i < n; i++) {
      const x = augmented(X[i]);
      const mu = Math.exp(dot(x, theta));
      for (let j = 0; j < p; j++) {
        g[j] += (s[i] * (mu - y[i]) * x[j]) / W;
        for (let k = 0; k < p; k++) H[j][k] += (s[i] * mu * x[j] * x[k]) / W;
      }
    }
    for (let j = 0; j < p - 1; j++) {
      g[j] += alpha * theta[j];
      H[j][j] += alpha;
    }
    if (Math.max(...g.map(Math.abs)) <= 1e-13) return theta;
    const step = solveDense(H, g);
    let t = 1;
    const f0 = objective(theta);
    while (t > 1e-10 && objective(theta.map((v, j) => v - t * step[j])) > f0 + 1e-15) t /= 2;
    for (let j = 0; j < p; j++) theta[j] -= t * step[j];
  }
  return theta;
}

/**
 * Huber with threshold ε: IRLS with weights min(1, ε/|r_i|). Its fixed point solves
 * Σ clamp(r_i, −ε, ε)·[x_i, 1]/n + α[w, 0] = 0, the stationarity condition of the Huber objective.
 */
export function huberReference(X: number[][], y: number[], epsilon: number, alpha: number): number[] {
  const n = X.length, p = X[0].length + 1;
  let theta = new Array(p).fill(0);
  for (let iter = 0; iter < 2000; iter++) {
    const A = Array.from({ length: p }, () => new Array(p).fill(0));
    const b = new Array(p).fill(0);
    for (let i = 0; i < n; i++) {
      const x = augmented(X[i]);
      const r = Math.abs(dot(x, theta) - y[i]);
      const omega = iter === 0 || r <= epsilon ? 1 : epsilon / r;
      for (let j = 0; j < p; j++) {
        b[j] += (omega * y[i] * x[j]) / n;
        for (let k = 0; k < p; k++) A[j][k] += (omega * x[j] * x[k]) / n;
      }
    }
    for (let j = 0; j < p - 1; j++) A[j][j] += alpha;
    const next = solveDense(A, b);
    const change = Math.max(...next.map((v, j) => Math.abs(v - theta[j])));
    theta = next;
    if (iter > 0 && change < 1e-15) break;
  }
  return theta;
}

/** Gradient max-norm of the Huber objective at theta (what "solved" means for the reference). */
export function huberGradNorm(X: number[][], y: number[], epsilon: number, alpha: number, theta: number[]): number {
  const n = X.length, p = theta.length;
  const g = new Array(p).fill(0);
  for (let i = 0; i < n; i++) {
    const x = augmented(X[i]);
    const h = Math.max(-epsilon, Math.min(epsilon, dot(x, theta) - y[i]));
    for (let j = 0; j < p; j++) g[j] += (h * x[j]) / n;
  }
  for (let j = 0; j < p - 1; j++) g[j] += alpha * theta[j];
  return Math.max(...g.map(Math.abs));
}

function dot(a: number[], b: number[]): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}
