/** Whole fits through the public API, wasm-SIMD vs the pure-JS backend (setBackend). */
import type { Arena } from '../src/runtime/arena.js';
import { LinearRegression, LogisticRegression, Matrix, lassoPath, setBackend } from '../src/index.js';
import { Random } from '../src/random.js';
import type { Comparison } from './harness.js';

export function regressionData(n: number, d: number): { X: Matrix; y: Float64Array } {
  const random = new Random(7);
  const X = new Matrix(n, d);
  for (let i = 0; i < X.data.length; i++) X.data[i] = random.normal();
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0.5;
    for (let j = 0; j < d; j++) s += X.data[i * d + j] * ((j % 7) - 3);
    y[i] = s + random.normal();
  }
  return { X, y };
}

/** Labels from a noisy linear rule: K = 2 gives 0/1, larger K the argmax of K random directions. */
export function classificationData(n: number, d: number, classes: number): { X: Matrix; y: number[] } {
  const random = new Random(11);
  const X = new Matrix(n, d);
  for (let i = 0; i < X.data.length; i++) X.data[i] = random.normal();
  const directions = Array.from({ length: classes }, () => Array.from({ length: d }, () => random.normal()));
  const y = Array.from({ length: n }, (_, i) => {
    const scores = directions.map((w) => w.reduce((s, wj, j) => s + wj * X.data[i * d + j], 0) + 3 * random.normal());
    return classes === 2 ? (scores[0] > 0 ? 1 : 0) : scores.indexOf(Math.max(...scores));
  });
  return { X, y };
}

let big: { X: Matrix; y: Float64Array } | undefined;
let binary: { X: Matrix; y: number[] } | undefined;
let multi: { X: Matrix; y: number[] } | undefined;
let wide: { X: Matrix; y: Float64Array } | undefined;

/** Runs `fit` on the backend the harness handed us, through the library's global selection. */
function onBackendOf(arena: Arena, fit: () => void): () => void {
  const name = arena.backend.name === 'js' ? 'js' : 'wasm';
  return () => {
    setBackend(name);
    fit();
  };
}

export const fitComparisons: Comparison[] = [
  {
    name: "LinearRegression({ solver: 'normal' }).fit, 100 000 × 100",
    setup: (arena) => {
      const data = (big ??= regressionData(100_000, 100));
      return onBackendOf(arena, () => new LinearRegression({ solver: 'normal' }).fit(data.X, data.y));
    },
  },
  {
    name: "LinearRegression({ solver: 'qr' }).fit, 100 000 × 100 (blocked Householder QR + SVD)",
    setup: (arena) => {
      const data = (big ??= regressionData(100_000, 100));
      return onBackendOf(arena, () => new LinearRegression({ solver: 'qr' }).fit(data.X, data.y));
    },
  },
  {
    name: 'LogisticRegression gd (full batch), 100 000 × 100, 10 epochs',
    epochs: 10,
    setup: (arena) => {
      const data = (binary ??= classificationData(100_000, 100, 2));
      return onBackendOf(arena, () => new LogisticRegression({ solver: 'gd', learningRate: 0.5, maxIter: 10, tol: null }).fit(data.X, data.y));
    },
  },
  {
    name: 'LogisticRegression sgd + Adam, batch 256, 100 000 × 100, 3 epochs',
    epochs: 3,
    setup: (arena) => {
      const data = (binary ??= classificationData(100_000, 100, 2));
      return onBackendOf(arena, () => new LogisticRegression({ solver: 'sgd', optimizer: 'adam', batchSize: 256, maxIter: 3, tol: null }).fit(data.X, data.y));
    },
  },
  {
    name: 'softmax LogisticRegression gd, 50 000 × 64, K = 10, 5 epochs',
    epochs: 5,
    setup: (arena) => {
      const data = (multi ??= classificationData(50_000, 64, 10));
      return onBackendOf(arena, () => new LogisticRegression({ solver: 'gd', learningRate: 0.5, maxIter: 5, tol: null }).fit(data.X, data.y));
    },
  },
  {
    name: "LogisticRegression({ solver: 'lbfgs', tol: 1e-6 }).fit, 100 000 × 100",
    setup: (arena) => {
      const data = (binary ??= classificationData(100_000, 100, 2));
      return onBackendOf(arena, () => {
        const model = new LogisticRegression({ solver: 'lbfgs', tol: 1e-6, alpha: 1e-4 }).fit(data.X, data.y);
        if (!model.converged) throw new Error(`L-BFGS did not converge: ${model.warning}`);
        reportOnce('lbfgs', `L-BFGS iterations to tol 1e-6: ${model.nIter}`);
      });
    },
  },
  {
    name: 'lassoPath, 100 alphas, 10 000 × 500 (Gram-based CD)',
    setup: (arena) => {
      const data = (wide ??= regressionData(10_000, 500));
      return onBackendOf(arena, () => lassoPath(data.X, data.y, { nAlphas: 100 }));
    },
  },
];

const reported = new Set<string>();
/** Prints a fact about a benchmarked fit (e.g. its iteration count) the first time it is seen. */
function reportOnce(key: string, text: string): void {
  if (reported.has(key)) return;
  reported.add(key);
  console.log(`  (${text})`);
}
