/**
 * Generic minimisation of a user function with the library's optimizers and schedules, so the
 * seeds' small examples run as written. `f(x, grad)` returns f(x) and fills grad with ∇f(x).
 */
import { currentArena } from './runtime/select.js';
import { LinfitError } from './errors.js';
import { initialSlots, resolveOptimizer, type OptimizerSpec } from './optim/index.js';
import { constant, rateAt, type ScheduleFn } from './schedules/index.js';
import { lbfgs } from './solvers/lbfgs.js';
import { newtonCg } from './solvers/newton.js';
import { asVector, checkOptionNames, numberIn, oneOf } from './validate.js';

export type Objective = (x: Float64Array, grad: Float64Array) => number;

export interface MinimizeOptions {
  /** 'gd' (default): the optimizer and schedule below; 'lbfgs' and 'newton': exact solvers. */
  method?: 'gd' | 'lbfgs' | 'newton';
  /** Newton: the Hessian at x (d×d, rows), or give hessVec instead. */
  hess?: (x: Float64Array) => ArrayLike<ArrayLike<number>>;
  /** Newton: the Hessian at x times v. */
  hessVec?: (x: Float64Array, v: Float64Array) => ArrayLike<number>;
  optimizer?: OptimizerSpec;
  /**
   * η₀ (default: the optimizer's, 0.01 for sgd), or one rate per coordinate (the lecture notes'
   * differentiated rates) for 'sgd', 'momentum' and 'nesterov', whose updates are linear in g.
   */
  learningRate?: number | ArrayLike<number>;
  schedule?: ScheduleFn;
  maxIter?: number;
  /** Converged when the gradient's max-norm is ≤ tol (the lecture notes' ε). Default 1e-6. */
  tol?: number;
  /** Record every iterate in `path` (default true). */
  recordPath?: boolean;
  onStep?: (info: { iteration: number; x: Float64Array; value: number; learningRate: number }) => void | boolean;
}

export interface MinimizeResult {
  x: Float64Array;
  value: number;
  iterations: number;
  converged: boolean;
  /** x₀, x₁, … (each a copy) when recordPath is on. */
  path?: Float64Array[];
}

/**
 * @example
 * // The lecture notes' example: L(w) = w² + 4w + 4 from w = 0 with η = 0.4
 * minimize((w, g) => { g[0] = 2 * w[0] + 4; return w[0] ** 2 + 4 * w[0] + 4; }, [0], { learningRate: 0.4, maxIter: 4 }).x[0]; // ≈ -1.9968
 */
export function minimize(f: Objective, x0: ArrayLike<number>, options: MinimizeOptions = {}): MinimizeResult {
  const where = 'minimize';
  const o = checkOptionNames(options, ['method', 'hess', 'hessVec', 'optimizer', 'learningRate', 'schedule', 'maxIter', 'tol', 'recordPath', 'onStep'], where);
  const method = oneOf(o.method ?? 'gd', ['gd', 'lbfgs', 'newton'] as const, 'method', where);
  if (typeof f !== 'function') throw new LinfitError('BAD_OPTION', 'minimize: f must be a function (x, grad) => value');
  const start = asVector(x0, 'x0');
  if (method !== 'gd') return minimizeExact(f, start, method, o);
  const optimizer = resolveOptimizer(o.optimizer, where);
  let base: number;
  let perCoordinate: Float64Array | undefined;
  if (typeof o.learningRate === 'object' && o.learningRate !== null) {
    if (!['sgd', 'momentum', 'nesterov'].includes(optimizer.name)) {
      throw new LinfitError('BAD_OPTION', `minimize: per-coordinate learning rates work with 'sgd', 'momentum' and 'nesterov', not '${optimizer.name}'`);
    }
    perCoordinate = asVector(o.learningRate, 'learningRate', start.length);
    perCoordinate.forEach((r, i) => numberIn(r, `learningRate[${i}]`, where, { min: 0, minExclusive: true }));
    // Scaling g_i by η_i and stepping with rate 1 is the same update for optimizers linear in g.
    base = 1;
  } else {
    base = numberIn(o.learningRate ?? optimizer.defaultLearningRate, 'learningRate', where, { min: 0, minExclusive: true });
  }
  const schedule = o.schedule ?? constant();
  if (typeof schedule !== 'function') {
    throw new LinfitError('BAD_OPTION', `${where}: schedule must be a function (t, η₀) => rate (reduceOnPlateau is epoch-level and applies to models only)`);
  }
  if (o.onStep !== undefined && typeof o.onStep !== 'function') throw new LinfitError('BAD_OPTION', `${where}: onStep must be a function`);
  const maxIter = numberIn(o.maxIter ?? 1000, 'maxIter', where, { min: 0, integer: true });
  const tol = numberIn(o.tol ?? 1e-6, 'tol', where, { min: 0 });
  const recordPath = o.recordPath ?? true;

  const n = start.length;
  const arena = currentArena();
  return arena.scope(() => {
    arena.reserve(n * (2 + optimizer.slots), 2 + optimizer.slots);
    const x = arena.copyIn(start);
    const grad = arena.alloc(n);
    const slots = initialSlots(optimizer, n).map((slot) => arena.copyIn(slot));
    const optimizerStep = optimizer.bind(n);
    const path: Float64Array[] | undefined = recordPath ? [start.slice()] : undefined;
    const evaluate = (): number => {
      const value = callUser(f, arena, x, grad, n);
      if (!Number.isFinite(value) || arena.kernels.firstNonFinite(n, grad) >= 0) {
        throw new LinfitError('DIVERGED', `minimize: f or its gradient became non-finite (value ${value}); lower learningRate`);
      }
      return value;
    };
    const scaleGradient = (): void => {
      if (!perCoordinate) return;
      const m = arena.f64;
      for (let i = 0; i < n; i++) m[grad / 8 + i] *= perCoordinate[i];
    };
    let value = evaluate();
    let iterations = 0;
    let converged = false;
    while (true) {
      if (maxAbs(arena.f64, grad, n) <= tol) {
        converged = true;
        break;
      }
      if (iterations >= maxIter) break;
      const lr = rateAt(schedule, iterations, base);
      scaleGradient();
      optimizerStep(arena.kernels, n, lr, iterations + 1, x, grad, slots);
      iterations++;
      value = evaluate();
      path?.push(arena.read(x, n));
      if (o.onStep?.({ iteration: iterations, x: arena.read(x, n), value, learningRate: lr }) === false) break;
    }
    return { x: arena.read(x, n), value, iterations, converged, ...(path ? { path } : {}) };
  });
}

/** L-BFGS or Newton–CG on a user function, through the same solvers the models use. */
function minimizeExact(f: Objective, start: Float64Array, method: 'lbfgs' | 'newton', o: MinimizeOptions): MinimizeResult {
  const where = 'minimize';
  for (const name of ['optimizer', 'learningRate', 'schedule'] as const) {
    if (o[name] !== undefined) throw new LinfitError('BAD_OPTION', `${where}: ${name} applies to method 'gd', not '${method}'`);
  }
  if (method === 'newton' && !o.hess && !o.hessVec) {
    throw new LinfitError('BAD_OPTION', `${where}: method 'newton' needs hess(x) or hessVec(x, v)`);
  }
  const maxIter = numberIn(o.maxIter ?? (method === 'newton' ? 100 : 1000), 'maxIter', where, { min: 0, integer: true });
  const tol = numberIn(o.tol ?? 1e-6, 'tol', where, { min: 0 });
  const n = start.length;
  const arena = currentArena();
  return arena.scope(() => {
    arena.reserve(2 * n, 2);
    const x = arena.copyIn(start);
    const scratch = arena.alloc(n);
    const objective = {
      size: n,
      valueGrad: (xp: number, gp: number) => {
        const g = gp === 0 ? scratch : gp;
        const value = callUser(f, arena, xp, g, n);
        if (!Number.isFinite(value) || arena.kernels.firstNonFinite(n, g) >= 0) {
          throw new LinfitError('DIVERGED', `minimize: f or its gradient is non-finite (value ${value}) at the point tried`);
        }
        return value;
      },
      hessVec: (xp: number, vp: number, out: number) => {
        const point = arena.read(xp, n), v = arena.read(vp, n);
        let hv: ArrayLike<number>;
        if (o.hessVec) {
          hv = o.hessVec(point, v);
        } else {
          const H = o.hess!(point);
          hv = Array.from({ length: n }, (_, i) => {
            let s = 0;
            for (let j = 0; j < n; j++) s += H[i][j] * v[j];
            return s;
          });
        }
        arena.f64.set(asVector(hv, 'hessVec result', n), out / 8);
      },
    };
    const path: Float64Array[] | undefined = (o.recordPath ?? true) ? [start.slice()] : undefined;
    const onIteration = (xp: number) => path?.push(arena.read(xp, n));
    const result = method === 'lbfgs'
      ? lbfgs(arena, objective, x, { maxIter, tol, onIteration })
      : newtonCg(arena, objective, x, { maxIter, tol, onIteration, exactSteps: true });
    return { x: arena.read(x, n), value: result.value, iterations: result.iterations, converged: result.converged, ...(path ? { path } : {}) };
  });
}

/**
 * Calls the user's f on plain copies: f may itself use linfit, which can move the arena's
 * memory, so it must never hold views into it. The gradient is copied in afterwards.
 */
function callUser(f: Objective, arena: ReturnType<typeof currentArena>, x: number, grad: number, n: number): number {
  const g = new Float64Array(n);
  const value = f(arena.read(x, n), g);
  arena.f64.set(g, grad / 8);
  return value;
}

export interface GradientCheck {
  maxAbsError: number;
  maxRelError: number;
  analytic: Float64Array;
  numeric: Float64Array;
}

/**
 * Compares the gradient that f fills against the lecture notes' numerical method, here the central
 * difference (f(x + h·e_i) − f(x − h·e_i)) / 2h, coordinate by coordinate.
 */
export function checkGradient(f: Objective, x: ArrayLike<number>, options: { h?: number } = {}): GradientCheck {
  checkOptionNames(options, ['h'], 'checkGradient');
  const h = numberIn(options.h ?? 1e-6, 'h', 'checkGradient', { min: 0, minExclusive: true });
  const point = asVector(x, 'x');
  const n = point.length;
  const analytic = new Float64Array(n);
  f(point.slice(), analytic);
  const numeric = new Float64Array(n);
  const scratch = new Float64Array(n);
  let maxAbsError = 0, maxRelError = 0;
  for (let i = 0; i < n; i++) {
    const step = h * Math.max(1, Math.abs(point[i]));
    const plus = point.slice(), minus = point.slice();
    plus[i] += step;
    minus[i] -= step;
    numeric[i] = (f(plus, scratch) - f(minus, scratch)) / (plus[i] - minus[i]);
    const abs = Math.abs(analytic[i] - numeric[i]);
    maxAbsError = Math.max(maxAbsError, abs);
    maxRelError = Math.max(maxRelError, abs / Math.max(Math.abs(analytic[i]), Math.abs(numeric[i]), 1e-12));
  }
  return { maxAbsError, maxRelError, analytic, numeric };
}

function maxAbs(m: Float64Array, ptr: number, n: number): number {
  let mx = 0;
  for (let i = ptr / 8; i < ptr / 8 + n; i++) mx = Math.max(mx, Math.abs(m[i]));
  return mx;
}
