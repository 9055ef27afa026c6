/**
 * Newton's method with conjugate-gradient inner solves (Newton–CG, Nocedal & Wright 7.1): the
 * Hessian is never formed, only Hessian-vector products (one fused kernel pass each); the
 * inner tolerance min(½, ‖g‖)·‖g‖ gives quadratic convergence.
 */
import type { Arena } from '../runtime/arena.js';
import { acceptStep, copy, finished, maxAbs, searchAlong, stalled, type ExactResult, type OnIteration, type SmoothObjective } from './lbfgs.js';

export interface TwiceDifferentiable extends SmoothObjective {
  /** out ← ∇²f(x)·v */
  hessVec(x: number, v: number, out: number): void;
}

export function newtonCg(
  arena: Arena, objective: TwiceDifferentiable, x: number,
  { maxIter, tol, onIteration, exactSteps = false }: {
    maxIter: number; tol: number; onIteration?: OnIteration;
    /** Solve each Newton system to full precision (small problems) instead of the adaptive tolerance. */
    exactSteps?: boolean;
  },
): ExactResult {
  const k = arena.kernels;
  const n = objective.size;
  arena.reserve(7 * n, 7);
  const g = arena.alloc(n), p = arena.alloc(n), r = arena.alloc(n), dir = arena.alloc(n), hd = arena.alloc(n);
  const xt = arena.alloc(n), gt = arena.alloc(n);

  let value = objective.valueGrad(x, g);
  const history = { loss: [value], gradNorm: [maxAbs(arena, g, n)] };
  let iterations = 0;
  while (history.gradNorm[iterations] > tol && iterations < maxIter) {
    // CG on H·p = −g from p = 0.
    const gNorm = Math.sqrt(k.dot(n, g, g));
    // Forcing term η = min(½, ‖g‖): inexact far away, ever more exact near the answer, which
    // keeps Newton's quadratic convergence while saving Hessian passes early on.
    const cgTol = (exactSteps ? 1e-14 : Math.min(0.5, gNorm)) * gNorm;
    arena.f64.fill(0, p / 8, p / 8 + n);
    copy(arena, g, r, n);
    k.scal(n, -1, r);
    copy(arena, r, dir, n);
    let rr = k.dot(n, r, r);
    for (let i = 0; i < Math.max(20, 2 * n); i++) {
      objective.hessVec(x, dir, hd);
      const curvature = k.dot(n, dir, hd);
      if (!(curvature > 1e-14 * k.dot(n, dir, dir))) {
        // Negative or no curvature: use what CG has, or steepest descent at the first step.
        if (i === 0) copy(arena, r, p, n);
        break;
      }
      const alpha = rr / curvature;
      k.axpy(n, alpha, dir, p);
      k.axpy(n, -alpha, hd, r);
      const rrNext = k.dot(n, r, r);
      if (Math.sqrt(rrNext) <= cgTol) break;
      k.scal(n, rrNext / rr, dir);
      k.axpy(n, 1, r, dir);
      rr = rrNext;
    }

    const step = { x, g, dir: p, xt, gt };
    const next = searchAlong(arena, objective, step, value, k.dot(n, g, p));
    if (next === null) return stalled('Newton', value, iterations, history);
    value = next;
    iterations++;
    acceptStep(arena, step, n, value, history, onIteration);
  }
  return finished('Newton', value, iterations, history, tol);
}
