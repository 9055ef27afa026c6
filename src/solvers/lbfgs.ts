/**
 * L-BFGS (Nocedal & Wright, algorithm 7.5) with a strong-Wolfe line search, on vectors in the
 * arena: every vector operation is a kernel call (dot, axpy, scal), and the objective is one
 * fused pass over the data per evaluation. Stops when the gradient's max-norm is ≤ tol.
 */
import type { Arena } from '../runtime/arena.js';
import { F_NOISE, strongWolfe } from './line-search.js';

/**
 * A smooth objective on `size` parameters in the arena: valueGrad returns f(x) and writes ∇f(x)
 * to grad (unless 0). LinearModelObjective is one; minimize wraps a user function as another.
 * The stopping rule is the gradient's max-norm, which for a smooth objective is
 * LinearModelObjective.optimality.
 */
export interface SmoothObjective {
  size: number;
  valueGrad(x: number, grad: number): number;
}

export interface ExactResult {
  value: number;
  iterations: number;
  converged: boolean;
  /** Objective value and gradient max-norm after each iteration (index 0: the start). */
  history: { loss: number[]; gradNorm: number[] };
  warning?: string;
}

export type OnIteration = (x: number, value: number, gradNorm: number) => void;

export interface LbfgsOptions {
  maxIter: number;
  tol: number;
  memory?: number;
  /** Called after each iteration with the pointer of the current iterate, its objective value and gradient max-norm. */
  onIteration?: OnIteration;
}

/** Minimises from the parameters at `x` (overwritten with the answer). */
export function lbfgs(arena: Arena, objective: SmoothObjective, x: number, { maxIter, tol, memory = 10, onIteration }: LbfgsOptions): ExactResult {
  const k = arena.kernels;
  const n = objective.size;
  arena.reserve(n * (5 + 2 * memory), 5 + 2 * memory);
  const g = arena.alloc(n), d = arena.alloc(n), xt = arena.alloc(n), gt = arena.alloc(n);
  const s = Array.from({ length: memory }, () => arena.alloc(n));
  const y = Array.from({ length: memory }, () => arena.alloc(n));
  const rho = new Float64Array(memory), a = new Float64Array(memory);
  let pairs = 0, newest = -1;

  let value = objective.valueGrad(x, g);
  const history = { loss: [value], gradNorm: [maxAbs(arena, g, n)] };
  let iterations = 0;
  while (history.gradNorm[iterations] > tol && iterations < maxIter) {
    // Two-loop recursion: d = −H·g with H₀ = γI, γ = sᵀy / yᵀy of the newest pair.
    copy(arena, g, d, n);
    for (let i = 0; i < pairs; i++) {
      const j = (newest - i + memory) % memory;
      a[j] = rho[j] * k.dot(n, s[j], d);
      k.axpy(n, -a[j], y[j], d);
    }
    const gamma = pairs > 0 ? k.dot(n, s[newest], y[newest]) / k.dot(n, y[newest], y[newest]) : 1 / Math.max(1e-300, Math.sqrt(k.dot(n, g, g)));
    k.scal(n, gamma, d);
    for (let i = pairs - 1; i >= 0; i--) {
      const j = (newest - i + memory) % memory;
      const b = rho[j] * k.dot(n, y[j], d);
      k.axpy(n, a[j] - b, s[j], d);
    }
    k.scal(n, -1, d);
    let slope0 = k.dot(n, g, d);
    if (!(slope0 < 0)) {
      // Not a descent direction (numerical trouble): restart from steepest descent.
      pairs = 0;
      copy(arena, g, d, n);
      k.scal(n, -1 / Math.max(1e-300, Math.sqrt(k.dot(n, g, g))), d);
      slope0 = k.dot(n, g, d);
    }

    const next = searchAlong(arena, objective, { x, g, dir: d, xt, gt }, value, slope0);
    if (next === null) return stalled('L-BFGS', value, iterations, history);

    // s = x⁺ − x, y = g⁺ − g; the pair is kept only when it has positive curvature.
    newest = (newest + 1) % memory;
    copy(arena, xt, s[newest], n);
    k.axpy(n, -1, x, s[newest]);
    copy(arena, gt, y[newest], n);
    k.axpy(n, -1, g, y[newest]);
    const sy = k.dot(n, s[newest], y[newest]);
    if (sy > 1e-12 * Math.sqrt(k.dot(n, y[newest], y[newest]) * k.dot(n, s[newest], s[newest]))) {
      rho[newest] = 1 / sy;
      pairs = Math.min(pairs + 1, memory);
    } else {
      // Rejected: step back; the slot it overwrote held the oldest pair, which is gone now.
      newest = (newest - 1 + memory) % memory;
      pairs = Math.min(pairs, memory - 1);
    }
    value = next;
    iterations++;
    acceptStep(arena, { x, g, dir: d, xt, gt }, n, value, history, onIteration);
  }
  return finished('L-BFGS', value, iterations, history, tol);
}

/** Vectors of one descent step: the point and its gradient, the direction, and the trial point. */
export interface StepVectors {
  x: number;
  g: number;
  dir: number;
  xt: number;
  gt: number;
}

/**
 * Strong-Wolfe search along `dir` from x. On success xt = x + α·dir and gt = ∇f(xt), and the
 * new value is returned; null when no decrease could be found.
 */
export function searchAlong(arena: Arena, objective: SmoothObjective, v: StepVectors, value: number, slope0: number): number | null {
  const k = arena.kernels;
  const n = objective.size;
  let evaluatedAt = NaN;
  const phi = (alpha: number) => {
    copy(arena, v.x, v.xt, n);
    k.axpy(n, alpha, v.dir, v.xt);
    evaluatedAt = alpha;
    const f = objective.valueGrad(v.xt, v.gt);
    return { value: f, slope: k.dot(n, v.gt, v.dir) };
  };
  if (!(slope0 < 0)) return null;
  const step = strongWolfe(phi, value, slope0, 1);
  if (!(step.alpha > 0) || !(step.value <= value + F_NOISE * Math.abs(value))) return null;
  if (evaluatedAt !== step.alpha) phi(step.alpha);
  return step.value;
}

/** Moves to the accepted trial point (x ← xt, g ← gt) and records the iteration. */
export function acceptStep(
  arena: Arena, v: StepVectors, n: number, value: number, history: ExactResult['history'], onIteration?: OnIteration,
): void {
  copy(arena, v.xt, v.x, n);
  copy(arena, v.gt, v.g, n);
  history.loss.push(value);
  history.gradNorm.push(maxAbs(arena, v.g, n));
  onIteration?.(v.x, value, history.gradNorm[history.gradNorm.length - 1]);
}

export function stalled(method: string, value: number, iterations: number, history: ExactResult['history']): ExactResult {
  return {
    value, iterations, converged: false, history,
    warning: `${method}'s line search could not decrease the objective after ${iterations} iterations (gradient max-norm ${history.gradNorm[iterations].toExponential(2)}); the requested tol may be below what float64 can resolve here`,
  };
}

export function finished(method: string, value: number, iterations: number, history: ExactResult['history'], tol: number): ExactResult {
  const converged = history.gradNorm[iterations] <= tol;
  return {
    value, iterations, converged, history,
    ...(converged ? {} : { warning: `${method} stopped after ${iterations} iterations with gradient max-norm ${history.gradNorm[iterations].toExponential(2)} > tol ${tol}; raise maxIter or standardise the features` }),
  };
}

export function copy(arena: Arena, from: number, to: number, n: number): void {
  const m = arena.f64;
  m.copyWithin(to / 8, from / 8, from / 8 + n);
}

export function maxAbs(arena: Arena, ptr: number, n: number): number {
  const m = arena.f64;
  let mx = 0;
  for (let i = ptr / 8; i < ptr / 8 + n; i++) mx = Math.max(mx, Math.abs(m[i]));
  return mx;
}
