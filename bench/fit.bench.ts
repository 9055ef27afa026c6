/** Whole fits through the public API, wasm-SIMD vs the pure-JS backend (setBackend). */
import type { Arena } from '../src/arena.js';
import { LinearRegression, Matrix, setBackend } from '../src/index.js';
import { Random } from '../src/random.js';
import type { Comparison } from './harness.js';

function regressionData(n: number, d: number): { X: Matrix; y: Float64Array } {
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

let big: { X: Matrix; y: Float64Array } | undefined;

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
];
