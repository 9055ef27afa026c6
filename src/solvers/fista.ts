/**
 * Accelerated proximal gradient (FISTA, Beck & Teboulle 2009) with backtracking on the
 * Lipschitz constant and adaptive restart (O'Donoghue & Candès 2015): the exact solver for
 * objectives with an L1 term, smooth part + l1‖w‖₁. The proximal step soft-thresholds the
 * weights, so they become exactly zero. Stops when the gradient mapping's max-norm ≤ tol.
 */
import type { Arena } from '../runtime/arena.js';
import { applyL1Prox, type Penalty } from '../penalty.js';
import { copy, maxAbs, type ExactResult, type SmoothObjective } from './lbfgs.js';

export function fista(
  arena: Arena, smooth: SmoothObjective, l1: number, weightCount: number, x: number,
  { maxIter, tol }: { maxIter: number; tol: number },
): ExactResult {
  const k = arena.kernels;
  const n = smooth.size;
  arena.reserve(5 * n, 5);
  const y = arena.alloc(n), gy = arena.alloc(n), xNext = arena.alloc(n), diff = arena.alloc(n), scratch = arena.alloc(n);
  const prox: Penalty = { kind: 'l1', alpha: l1, l1Ratio: 1 };
  const l1Value = (p: number) => {
    let s = 0;
    for (let i = p / 8; i < p / 8 + weightCount; i++) s += Math.abs(arena.f64[i]);
    return l1 * s;
  };
  copy(arena, x, y, n);
  let lipschitz = 1;
  let t = 1;
  let value = smooth.evaluate(x, scratch) + l1Value(x);
  const history = { loss: [value], gradNorm: [Infinity] };
  let iterations = 0;
  let converged = false;
  while (iterations < maxIter) {
    const fy = smooth.evaluate(y, gy);
    let fNext = 0;
    // Backtracking: the quadratic model at y must majorise f at the proximal point.
    for (let attempt = 0; attempt < 60; attempt++) {
      copy(arena, y, xNext, n);
      k.axpy(n, -1 / lipschitz, gy, xNext);
      applyL1Prox(arena, prox, 1 / lipschitz, weightCount, xNext);
      copy(arena, xNext, diff, n);
      k.axpy(n, -1, y, diff);
      fNext = smooth.evaluate(xNext, 0);
      const model = fy + k.dot(n, gy, diff) + 0.5 * lipschitz * k.dot(n, diff, diff);
      if (fNext <= model + 1e-12 * Math.abs(fy)) break;
      lipschitz *= 2;
    }
    // The gradient mapping L·(y − x⁺): zero exactly at the optimum.
    const mapping = lipschitz * maxAbs(arena, diff, n);
    const objective = fNext + l1Value(xNext);
    iterations++;
    history.loss.push(objective);
    history.gradNorm.push(mapping);
    const tNext = (1 + Math.sqrt(1 + 4 * t * t)) / 2;
    if (objective > value) {
      // Adaptive restart: momentum made things worse, so start again from the new point.
      t = 1;
      copy(arena, xNext, y, n);
    } else {
      // y = x⁺ + ((t − 1)/t⁺)(x⁺ − x)
      copy(arena, xNext, y, n);
      k.axpy(n, (t - 1) / tNext, xNext, y);
      k.axpy(n, -(t - 1) / tNext, x, y);
      t = tNext;
    }
    copy(arena, xNext, x, n);
    value = objective;
    lipschitz *= 0.9; // let the step grow again where the function is flatter
    if (mapping <= tol) {
      converged = true;
      break;
    }
  }
  return {
    value, iterations, converged, history,
    ...(converged ? {} : { warning: `the proximal solver stopped after ${iterations} iterations with gradient-mapping max-norm ${history.gradNorm[iterations].toExponential(2)} > tol ${tol}; raise maxIter` }),
  };
}
