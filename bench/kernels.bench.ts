/** The kernels one by one, wasm-SIMD vs pure JS, from in-cache to memory-bound sizes. */
import type { Arena } from '../src/arena.js';
import { fillRandom, type Comparison } from './harness.js';

function vectors(arena: Arena, n: number, count: number): number[] {
  arena.reserve(n * count, count);
  return Array.from({ length: count }, (_, i) => {
    const p = arena.alloc(n);
    fillRandom(arena, p, n, i + 1);
    return p;
  });
}

export const kernelComparisons: Comparison[] = [
  {
    name: 'dot, n = 1 000 (in cache)',
    setup: (a) => {
      const [x, y] = vectors(a, 1000, 2);
      return () => a.kernels.dot(1000, x, y);
    },
  },
  {
    name: 'dot, n = 10 000 000 (memory-bound)',
    bytes: 16e7,
    setup: (a) => {
      const [x, y] = vectors(a, 1e7, 2);
      return () => a.kernels.dot(1e7, x, y);
    },
  },
  {
    name: 'gemv X·w, 100 000 × 100',
    bytes: 8e7,
    setup: (a) => {
      const [X] = vectors(a, 1e7, 1);
      const [w, out] = vectors(a, 1e5, 2);
      return () => a.kernels.gemv(1e5, 100, X, w, 0, out);
    },
  },
  {
    name: 'gemvT Xᵀ·r, 100 000 × 100',
    bytes: 8e7,
    setup: (a) => {
      const [X] = vectors(a, 1e7, 1);
      const [r, out] = vectors(a, 1e5, 2);
      return () => a.kernels.gemvT(1e5, 100, X, r, out);
    },
  },
  {
    name: 'Gram XᵀX, 20 000 × 200',
    setup: (a) => {
      const [X] = vectors(a, 4e6, 1);
      const [G] = vectors(a, 4e4, 1);
      return () => a.kernels.gram(2e4, 200, X, G);
    },
  },
  {
    name: 'fused logistic loss + gradient, 100 000 × 100',
    bytes: 8e7,
    setup: (a) => {
      const [X] = vectors(a, 1e7, 1);
      const [y, params, grad] = vectors(a, 1e5, 3);
      const m = a.f64;
      for (let i = 0; i < 1e5; i++) m[y / 8 + i] = m[y / 8 + i] > 0 ? 1 : 0;
      return () => a.kernels.logisticLossGrad(1e5, 100, X, y, 0, params, grad);
    },
  },
  {
    name: 'fused softmax loss + gradient, 50 000 × 64, K = 10',
    setup: (a) => {
      const [X] = vectors(a, 50000 * 64, 1);
      const [y, params, grad, scratch] = vectors(a, 50000, 4);
      const m = a.f64;
      for (let i = 0; i < 50000; i++) m[y / 8 + i] = i % 10;
      return () => a.kernels.softmaxLossGrad(50000, 64, 10, X, y, 0, params, grad, scratch);
    },
  },
  {
    name: 'Adam update, 1 000 000 parameters',
    setup: (a) => {
      const [p, g, m1, v] = vectors(a, 1e6, 4);
      a.f64.fill(0, v / 8, v / 8 + 1e6);
      return () => a.kernels.adamStep(1e6, 1e-3, 0.9, 0.999, 1e-8, 0.1, 0.001, 0, 0, p, g, m1, v);
    },
  },
];
