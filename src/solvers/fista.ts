/**
 * Accelerated proximal gradient (FISTA, Beck & Teboulle 2009) with backtracking on the
 * Lipschitz constant and adaptive restart (O'Donoghue & Candès 2015): the exact solver for
 * objectives with an L1 term, smooth part + l1‖w‖₁. The proximal step soft-thresholds the
 * weights, so they become exactly zero. Stops when the gradient mapping's max-norm ≤ tol: the
 * mapping is computed without another gradient pass and tends to the objective's minimum-norm
 * subgradient (LinearModelObjective.optimality) at the optimum.
 */
import type { Arena } from '../runtime/arena.js';
import type { LinearModelObjective } from '../objective/index.js';
import { copy, maxAbs, type ExactResult, type OnIteration } from './lbfgs.js';

export function fista(
  arena: Arena, objective: LinearModelObjective, x: number,
  { maxIter, tol, onIteration }: { maxIter: number; tol: number; onIteration?: OnIteration },
): ExactResult {
  const k = arena.kernels;
  const n = objective.size;
  arena.reserve(4 * n, 4);
  const y = arena.alloc(n), gy = arena.alloc(n), xNext = arena.alloc(n), diff = arena.alloc(n);
  // f, the smooth part: the objective without its L1 term.
  const smooth = (p: number, grad: number) => objective.valueGrad(p, grad) - objective.l1Value(p);
  copy(arena, x, y, n);
  let lipschitz = 1;
  let t = 1;
  let value = objective.valueGrad(x, 0);
  const history = { loss: [value], gradNorm: [Infinity] };
  let iterations = 0;
  let converged = false;
  while (iterations < maxIter) {
    const fy = smooth(y, gy);
    let fNext = 0;
    // Backtracking: the quadratic model at y must majorise f at the proximal point.
    for (let attempt = 0; attempt < 60; attempt++) {
      copy(arena, y, xNext, n);
      k.axpy(n, -1 / lipschitz, gy, xNext);
      objective.prox(1 / lipschitz, xNext);
      copy(arena, xNext, diff, n);
      k.axpy(n, -1, y, diff);
      fNext = smooth(xNext, 0);
      const model = fy + k.dot(n, gy, diff) + 0.5 * lipschitz * k.dot(n, diff, diff);
      if (fNext <= model + 1e-12 * Math.abs(fy)) break;
      lipschitz *= 2;
    }
    // The gradient mapping L·(y − x⁺): zero exactly at the optimum.
    const mapping = lipschitz * maxAbs(arena, diff, n);
    const total = fNext + objective.l1Value(xNext);
    iterations++;
    history.loss.push(total);
    history.gradNorm.push(mapping);
    onIteration?.(xNext, total, mapping);
    const tNext = (1 + Math.sqrt(1 + 4 * t * t)) / 2;
    if (total > value) {
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
    value = total;
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
