/** The kernels one by one, wasm-SIMD vs pure JS, from in-cache to memory-bound sizes. */
import type { Arena } from '../src/runtime/arena.js';
import { fillRandom, type Comparison } from './harness.js';

/** A seeded shuffle of 0‥n−1 as int32 row indices (Fisher–Yates). */
function permutation(arena: Arena, n: number, seed = 1): number {
  const ptr = arena.alloc(Math.ceil(n / 2));
  const idx = new Int32Array(arena.f64.buffer, ptr, n);
  for (let i = 0; i < n; i++) idx[i] = i;
  let s = seed >>> 0;
  for (let i = n - 1; i > 0; i--) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    const j = Math.floor((s / 4294967296) * (i + 1));
    const t = idx[i];
    idx[i] = idx[j];
    idx[j] = t;
  }
  return ptr;
}

/** 100 000 × 100 logistic-regression data: X, 0/1 labels, params and a gradient buffer. */
function logisticData(a: Arena): { X: number; y: number; params: number; grad: number } {
  const [X] = vectors(a, 1e7, 1);
  const [y, params, grad] = vectors(a, 1e5, 3);
  const m = a.f64;
  for (let i = 0; i < 1e5; i++) m[y / 8 + i] = m[y / 8 + i] > 0 ? 1 : 0;
  return { X, y, params, grad };
}

/**
 * One epoch of shuffled mini-batches of 256 over 100 000 rows (391 calls, the last one of 160
 * rows), each call selecting its rows through a slice of one permutation.
 */
function shuffledEpoch(a: Arena, withGrad: boolean): () => void {
  const { X, y, params, grad } = logisticData(a);
  a.reserve(5e4 + 16);
  const idx = permutation(a, 1e5);
  const g = withGrad ? grad : 0;
  return () => {
    for (let start = 0; start < 1e5; start += 256) {
      a.kernels.logisticLossGrad(Math.min(256, 1e5 - start), 100, X, idx + 4 * start, y, 0, params, g);
    }
  };
}

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
    name: 'one memory pass over X (x·x), 100 000 × 100',
    bytes: 8e7,
    setup: (a) => {
      const [x] = vectors(a, 1e7, 1);
      return () => a.kernels.dot(1e7, x, x);
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
    name: 'Weighted Gram Xᵀ·diag(w)·X, 20 000 × 200',
    setup: (a) => {
      const [X] = vectors(a, 4e6, 1);
      const [w, G] = vectors(a, 4e4, 2);
      return () => a.kernels.weightedGram(2e4, 200, X, w, G);
    },
  },
  {
    name: 'fused logistic loss + gradient, 100 000 × 100',
    bytes: 8e7,
    setup: (a) => {
      const { X, y, params, grad } = logisticData(a);
      return () => a.kernels.logisticLossGrad(1e5, 100, X, 0, y, 0, params, grad);
    },
  },
  {
    name: 'logistic loss only, 100 000 × 100',
    bytes: 8e7,
    setup: (a) => {
      const { X, y, params } = logisticData(a);
      return () => a.kernels.logisticLossGrad(1e5, 100, X, 0, y, 0, params, 0);
    },
  },
  {
    name: 'logistic loss + gradient, shuffled epoch (391 batches of 256), 100 000 × 100',
    bytes: 8e7,
    setup: (a) => shuffledEpoch(a, true),
  },
  {
    name: 'logistic loss only, shuffled epoch (391 batches of 256), 100 000 × 100',
    bytes: 8e7,
    setup: (a) => shuffledEpoch(a, false),
  },
  {
    name: 'logistic Hessian-vector product, 100 000 × 100',
    bytes: 8e7,
    setup: (a) => {
      const { X, params, grad } = logisticData(a);
      const [v] = vectors(a, 101, 1);
      return () => a.kernels.logisticHessVec(1e5, 100, X, 0, 0, params, v, grad);
    },
  },
  {
    name: 'fused softmax loss + gradient, 50 000 × 64, K = 10',
    setup: (a) => {
      const [X] = vectors(a, 50000 * 64, 1);
      const [y, params, grad, scratch] = vectors(a, 50000, 4);
      const m = a.f64;
      for (let i = 0; i < 50000; i++) m[y / 8 + i] = i % 10;
      return () => a.kernels.softmaxLossGrad(50000, 64, 10, X, 0, y, 0, params, grad, scratch);
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
