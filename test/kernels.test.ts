// Every kernel, on both backends, against a naive loop over plain arrays written here, and
// the two backends against each other. Each case runs at two memory layouts: every buffer
// at 8 mod 16 (8-byte but not 16-byte aligned), and buffers alternating 0/8 mod 16. The gaps
// between buffers, and the bytes just above address 0 (where a null pointer such as grad = 0
// or sw = 0 points), are filled with NaN and must still be NaN afterwards (no stray writes);
// a stray read would pull a NaN into a result. The fused loss kernels also run over row index
// lists (idx ≠ 0) and loss-only (grad = 0); the Hessian-vector kernels are also checked against
// central differences of the gradient kernels.
import { describe, expect, it } from 'vitest';
import { createJsBackend } from '../src/backend/js/index.js';
import { createWasmBackend } from '../src/backend/wasm/index.js';
import { WASM_BASE64 } from '../src/backend/wasm/bytes.generated.js';
import { KERNEL_NAMES, type Backend, type KernelName } from '../src/backend/types.js';
import { Random } from '../src/random.js';

type Vec = Float64Array;
type Idx = Int32Array;
/** A kernel argument: a scalar, a buffer (passed as a pointer), or null (a null pointer, 0). */
type Arg = number | Vec | Idx | null;
type Buffer_ = Vec | Idx;
interface Case {
  label: string;
  args: Arg[];
  /** Indices of scratch buffers whose contents afterwards are unspecified. */
  scratch?: number[];
}
interface Spec {
  name: KernelName;
  /** The kernel's definition on plain arrays: same argument order, buffers instead of pointers. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  naive: (...args: any[]) => number | void;
  cases: Case[];
}
interface Outcome {
  value: number | void;
  /** Buffer contents after the call, by argument index (null for non-buffer arguments). */
  buffers: (Buffer_ | null)[];
}

const TOLERANCE = 1e-12;
const SIZES = [0, 1, 2, 3, 4, 5, 7, 8, 9, 16, 17, 1023];
const SMALL = SIZES.filter((n) => n < 1023);
/** rows × cols: every small pair, tall and wide matrices, and one that spans several Gram panels. */
const SHAPES: [number, number][] = [
  ...SMALL.flatMap((r) => SMALL.map((c): [number, number] => [r, c])),
  [1023, 1], [1023, 3], [1023, 17], [1023, 67], [1, 1023], [2, 1023], [5, 1023],
];

// ---------------------------------------------------------------------------------------------
// Inputs

/** Seeded uniform [0, 1) numbers from the library's own PRNG. */
function mulberry32(seed: number): () => number {
  const random = new Random(seed);
  return () => random.next();
}

const rand = mulberry32(0x5eed);
const uniform = (n: number, lo = -1, hi = 1): Vec => Float64Array.from({ length: n }, () => lo + (hi - lo) * rand());
const labels = (n: number, classes: number): Vec => Float64Array.from({ length: n }, () => Math.floor(rand() * classes));
const isBuffer = (arg: Arg): arg is Buffer_ => arg instanceof Float64Array || arg instanceof Int32Array;
const shapeLabel = (rows: number, cols: number): string => `${rows}x${cols}`;

/** A seeded shuffle of 0‥n−1. */
function permutation(n: number): Idx {
  const idx = Int32Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [idx[i], idx[j]] = [idx[j], idx[i]];
  }
  return idx;
}

/** `count` row indices drawn from 0‥n−1 with replacement; the last repeats the first (count ≥ 2). */
function draws(n: number, count: number): Idx {
  const idx = Int32Array.from({ length: count }, () => Math.floor(rand() * n));
  if (count >= 2) idx[count - 1] = idx[0];
  return idx;
}

/** How a loss kernel's rows are selected: in order (idx = 0) or through a row index list. */
interface Selection { label: string; idx: Idx | null }
const IN_ORDER: Selection = { label: 'in order', idx: null };

/** An index list over n rows; `kind` rotates through the four sorts (an empty list when n = 0). */
function shuffled(n: number, kind: number): Selection {
  if (n === 0) return { label: 'idx empty', idx: new Int32Array(0) };
  switch (kind % 4) {
    case 0: return { label: 'idx permutation', idx: permutation(n) };
    case 1: return { label: `idx ${Math.ceil(n / 2)} draws`, idx: draws(n, Math.ceil(n / 2)) };
    case 2: return { label: `idx ${2 * n + 1} draws`, idx: draws(n, 2 * n + 1) };
    default: return { label: 'idx batch of 1', idx: draws(n, 1) };
  }
}
const batchRows = (sel: Selection, n: number): number => (sel.idx ? sel.idx.length : n);

/** Sample weights: none (a null pointer), or uniform in [0, 2). */
const WEIGHTINGS = [
  { label: 'unweighted', make: (_rows: number): Vec | null => null },
  { label: 'weighted', make: (rows: number): Vec | null => uniform(rows, 0, 2) },
];

// ---------------------------------------------------------------------------------------------
// Naive references: the plainest loops that state each kernel's definition.

function matVec(cols: number, A: Vec, x: Vec, i: number, xOffset = 0): number {
  let s = 0;
  for (let j = 0; j < cols; j++) s += A[i * cols + j] * x[xOffset + j];
  return s;
}

function softplus(z: number): number {
  return Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z)));
}

function sigmoid(z: number): number {
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
}

/** Row t of a selection: idx[t], or t itself when idx is null (idx = 0). */
const pick = (idx: Idx | null, t: number): number => (idx ? idx[t] : t);

/** Squared and logistic loss share everything but the per-row loss and residual. */
function naiveGlm(link: (z: number, y: number) => [loss: number, residual: number]) {
  return (rows: number, cols: number, X: Vec, idx: Idx | null, y: Vec, sw: Vec | null, params: Vec, grad: Vec | null): number => {
    grad?.fill(0);
    let loss = 0;
    for (let t = 0; t < rows; t++) {
      const i = pick(idx, t);
      const s = sw ? sw[i] : 1;
      const [l, r] = link(matVec(cols, X, params, i) + params[cols], y[i]);
      loss += s * l;
      if (!grad) continue;
      for (let j = 0; j < cols; j++) grad[j] += s * r * X[i * cols + j];
      grad[cols] += s * r;
    }
    return loss;
  };
}

/** Softmax of row i's logits z_k = x_i·W_k + b_k, and the row's loss log Σ e^{z_k} − z_y. */
function naiveSoftmaxRow(cols: number, K: number, X: Vec, params: Vec, i: number, y: number): { p: number[]; loss: number } {
  const z = Array.from({ length: K }, (_, k) => matVec(cols, X, params, i, k * cols) + params[K * cols + k]);
  const zMax = Math.max(...z);
  const logSumExp = zMax + Math.log(z.reduce((acc, zk) => acc + Math.exp(zk - zMax), 0));
  return { p: z.map((zk) => Math.exp(zk - logSumExp)), loss: logSumExp - z[y] };
}

/** Adam's per-entry update, shared by the decayed and plain parts. */
function adamEntry(
  i: number, lr: number, b1: number, b2: number, eps: number, bc1: number, bc2: number,
  p: Vec, g: Vec, m: Vec, v: Vec,
): void {
  m[i] = b1 * m[i] + (1 - b1) * g[i];
  v[i] = b2 * v[i] + (1 - b2) * g[i] * g[i];
  p[i] -= (lr * (m[i] / bc1)) / (Math.sqrt(v[i] / bc2) + eps);
}

// ---------------------------------------------------------------------------------------------
// The table: one spec per kernel.

const vectorCases = (build: (n: number) => Arg[]): Case[] => SIZES.map((n) => ({ label: `n=${n}`, args: build(n) }));
const matrixCases = (build: (rows: number, cols: number, index: number) => Arg[]): Case[] =>
  SHAPES.map(([rows, cols], index) => ({ label: shapeLabel(rows, cols), args: build(rows, cols, index) }));
/**
 * Builds a row-selecting kernel's arguments for data of n rows: given the selected rows' count,
 * the index list (null: idx = 0) and whether the output (gradient) pointer is set.
 */
type SelectionArgs = (rows: number, idx: Idx | null, withOut: boolean) => Arg[];

/**
 * Cases for the fused loss kernels, for every shape and weighting: every row in order, rows
 * through an index list (the sort rotating with the shape), and, with `lossOnly`, grad = 0
 * over either selection.
 */
function selectionCases(build: (n: number, cols: number, sw: Vec | null, index: number) => SelectionArgs, lossOnly: boolean): Case[] {
  return WEIGHTINGS.flatMap(({ label, make }) =>
    SHAPES.flatMap(([n, cols], index) => {
      const args = build(n, cols, make(n), index);
      const sel = shuffled(n, index >> 1);
      const base = `${shapeLabel(n, cols)} ${label}`;
      const cases = [IN_ORDER, sel].map((s) => ({ label: `${base} ${s.label}`, args: args(batchRows(s, n), s.idx, true) }));
      if (lossOnly) {
        const s = index % 2 ? sel : IN_ORDER;
        cases.push({ label: `${base} ${s.label} loss only`, args: args(batchRows(s, n), s.idx, false) });
      }
      return cases;
    }),
  );
}

/** Non-finite values at the start, middle and end of each length, with a later one that must not win. */
function nonFiniteCases(): Case[] {
  const bad = [NaN, Infinity, -Infinity];
  return SIZES.flatMap((n) => {
    const positions = [...new Set([0, n >> 1, n - 1])].filter((p) => p >= 0);
    return [
      { label: `n=${n} finite`, args: [n, uniform(n, -1e300, 1e300)] },
      ...positions.map((pos, k) => {
        const x = uniform(n);
        x[pos] = bad[k % 3];
        if (pos + 3 < n) x[pos + 3] = bad[(k + 1) % 3];
        return { label: `n=${n} ${x[pos]} at ${pos}`, args: [n, x] };
      }),
    ];
  });
}

/**
 * Logistic regression with |z| around 800 and 1e300: the loss must stay finite (and σ(1 − σ)
 * underflow gracefully in the Hessian). `args` builds a kernel's arguments from the data, as for
 * selectionCases; every case runs in order and through an index list with repeats.
 */
function extremeLogisticCases(args: (n: number, cols: number, X: Vec, sw: Vec | null, params: Vec) => SelectionArgs): Case[] {
  const rows = 9;
  const x = Float64Array.from({ length: rows }, (_, i) => [1, -1, 0][i % 3]);
  return WEIGHTINGS.flatMap(({ label, make }) => [
    { what: 'z=±800', build: args(rows, 1, x, make(rows), Float64Array.of(800, 0)) },
    { what: '|z|≈800 5 cols', build: args(rows, 5, uniform(rows * 5), make(rows), uniform(6, -400, 400)) },
    { what: '|z|≈1e300 5 cols', build: args(rows, 5, uniform(rows * 5), make(rows), uniform(6, -2e299, 2e299)) },
  ].flatMap(({ what, build }) =>
    [IN_ORDER, shuffled(rows, 2)].map((s) => ({ label: `${what} ${label} ${s.label}`, args: build(batchRows(s, rows), s.idx, true) })),
  ));
}

/**
 * Softmax with |z| around 800 and 1e300 (finite loss), and with more classes than the paired-row path
 * takes; in order and through index lists of odd and even length.
 */
function extremeSoftmaxCases(args: (n: number, cols: number, K: number, X: Vec, sw: Vec | null, params: Vec) => SelectionArgs): Case[] {
  const rows = 9, cols = 4;
  return WEIGHTINGS.flatMap(({ label, make }) =>
    [{ K: 3, scale: 400, what: '|z|≈800' }, { K: 5, scale: 2e299, what: '|z|≈1e300' }, { K: 300, scale: 1, what: '300 classes' }].flatMap(({ K, scale, what }) => {
      const build = args(rows, cols, K, uniform(rows * cols), make(rows), uniform(K * cols + K, -scale, scale));
      return [IN_ORDER, shuffled(rows, 1), shuffled(rows, 0)].map((s) => ({
        label: `${what} ${label} ${s.label}`,
        args: build(batchRows(s, rows), s.idx, true),
        scratch: [9],
      }));
    }),
  );
}

/** The K used with the index-th shape for the softmax kernels. */
const classesFor = (index: number): number => [1, 2, 3, 4, 5, 7, 8][index % 7];

const SPECS: Spec[] = [
  {
    name: 'axpy',
    naive: (n: number, a: number, x: Vec, y: Vec) => { for (let i = 0; i < n; i++) y[i] += a * x[i]; },
    cases: vectorCases((n) => [n, -1.3, uniform(n), uniform(n)]),
  },
  {
    name: 'scal',
    naive: (n: number, a: number, x: Vec) => { for (let i = 0; i < n; i++) x[i] *= a; },
    cases: vectorCases((n) => [n, 0.7, uniform(n)]),
  },
  {
    name: 'softThreshold',
    naive: (n: number, t: number, x: Vec) => { for (let i = 0; i < n; i++) x[i] = Math.sign(x[i]) * Math.max(Math.abs(x[i]) - t, 0); },
    cases: vectorCases((n) => [n, 0.3, uniform(n)]),
  },
  {
    name: 'dot',
    naive: (n: number, x: Vec, y: Vec) => { let s = 0; for (let i = 0; i < n; i++) s += x[i] * y[i]; return s; },
    cases: vectorCases((n) => [n, uniform(n), uniform(n)]),
  },
  {
    name: 'firstNonFinite',
    naive: (n: number, x: Vec) => { for (let i = 0; i < n; i++) if (!Number.isFinite(x[i])) return i; return -1; },
    cases: nonFiniteCases(),
  },
  {
    name: 'gemv',
    naive: (rows: number, cols: number, A: Vec, x: Vec, bias: number, y: Vec) => {
      for (let i = 0; i < rows; i++) y[i] = matVec(cols, A, x, i) + bias;
    },
    cases: matrixCases((rows, cols) => [rows, cols, uniform(rows * cols), uniform(cols), 0.25, uniform(rows)]),
  },
  {
    name: 'gemvT',
    naive: (rows: number, cols: number, A: Vec, r: Vec, out: Vec) => {
      for (let j = 0; j < cols; j++) {
        out[j] = 0;
        for (let i = 0; i < rows; i++) out[j] += A[i * cols + j] * r[i];
      }
    },
    // Every third residual is zero (the kernels may skip those rows).
    cases: matrixCases((rows, cols) => [rows, cols, uniform(rows * cols), uniform(rows).map((v, i) => (i % 3 ? v : 0)), uniform(cols)]),
  },
  {
    name: 'gram',
    naive: (rows: number, cols: number, A: Vec, G: Vec) => {
      for (let j = 0; j < cols; j++) {
        for (let k = 0; k < cols; k++) {
          let s = 0;
          for (let i = 0; i < rows; i++) s += A[i * cols + j] * A[i * cols + k];
          G[j * cols + k] = s;
        }
      }
    },
    cases: matrixCases((rows, cols) => [rows, cols, uniform(rows * cols), uniform(cols * cols)]),
  },
  {
    name: 'qrAppend',
    // The kernel's own steps on plain arrays (its scratch B, y and w are compared too); that R
    // and Qᵀy are a QR factorisation is checked separately below.
    naive: (rows: number, cols: number, B: Vec, y: Vec, R: Vec, qty: Vec, w: Vec) => {
      for (let k = 0; k < cols; k++) {
        const x0 = R[k * cols + k];
        let norm2 = x0 * x0;
        for (let i = 0; i < rows; i++) norm2 += B[i * cols + k] ** 2;
        if (norm2 === 0) continue;
        const alpha = -(x0 >= 0 ? 1 : -1) * Math.sqrt(norm2);
        const v0 = x0 - alpha, tau = 1 / (Math.abs(alpha) * (Math.abs(alpha) + Math.abs(x0)));
        for (let j = k + 1; j < cols; j++) {
          w[j] = v0 * R[k * cols + j];
          for (let i = 0; i < rows; i++) w[j] += B[i * cols + k] * B[i * cols + j];
        }
        let wy = v0 * qty[k];
        for (let i = 0; i < rows; i++) wy += B[i * cols + k] * y[i];
        for (let j = k + 1; j < cols; j++) R[k * cols + j] -= tau * v0 * w[j];
        qty[k] -= tau * v0 * wy;
        for (let i = 0; i < rows; i++) {
          const c = tau * B[i * cols + k];
          for (let j = k + 1; j < cols; j++) B[i * cols + j] -= c * w[j];
          y[i] -= c * wy;
        }
        R[k * cols + k] = alpha;
      }
    },
    cases: matrixCases((rows, cols, index) => {
      // R: zeros (the first block) or a previous factor (upper triangular).
      const R = uniform(cols * cols).map((v, i) => (index % 2 === 0 || i % cols < Math.floor(i / cols) ? 0 : v));
      return [rows, cols, uniform(rows * cols), uniform(rows), R, index % 2 === 0 ? new Float64Array(cols) : uniform(cols), new Float64Array(cols)];
    }),
  },
  {
    name: 'colMeans',
    naive: (rows: number, cols: number, A: Vec, out: Vec) => {
      for (let j = 0; j < cols; j++) {
        let s = 0;
        for (let i = 0; i < rows; i++) s += A[i * cols + j];
        out[j] = rows > 0 ? s / rows : 0;
      }
    },
    cases: matrixCases((rows, cols) => [rows, cols, uniform(rows * cols, -5, 20), uniform(cols)]),
  },
  {
    name: 'colVariances',
    naive: (rows: number, cols: number, A: Vec, means: Vec, out: Vec) => {
      for (let j = 0; j < cols; j++) {
        let s = 0;
        for (let i = 0; i < rows; i++) s += (A[i * cols + j] - means[j]) ** 2;
        out[j] = rows > 0 ? s / rows : 0;
      }
    },
    cases: matrixCases((rows, cols) => [rows, cols, uniform(rows * cols, -5, 20), uniform(cols, 5, 10), uniform(cols)]),
  },
  {
    name: 'affineColumns',
    naive: (rows: number, cols: number, A: Vec, shift: Vec | null, scale: Vec | null) => {
      for (let i = 0; i < rows; i++) {
        for (let j = 0; j < cols; j++) A[i * cols + j] = (A[i * cols + j] - (shift ? shift[j] : 0)) * (scale ? scale[j] : 1);
      }
    },
    cases: [true, false].flatMap((withShift) =>
      [true, false].flatMap((withScale) =>
        matrixCases((rows, cols) => [rows, cols, uniform(rows * cols, -5, 20), withShift ? uniform(cols) : null, withScale ? uniform(cols, 0.1, 3) : null])
          .map((c) => ({ ...c, label: `${c.label} shift=${withShift} scale=${withScale}` })),
      ),
    ),
  },
  {
    name: 'weightedGram',
    naive: (rows: number, cols: number, A: Vec, w: Vec, G: Vec) => {
      for (let j = 0; j < cols; j++) {
        for (let k = 0; k < cols; k++) {
          let s = 0;
          for (let i = 0; i < rows; i++) s += w[i] * A[i * cols + j] * A[i * cols + k];
          G[j * cols + k] = s;
        }
      }
    },
    // Weights in [−0.5, 2), every fifth exactly 0.
    cases: matrixCases((rows, cols) => [rows, cols, uniform(rows * cols), uniform(rows, -0.5, 2).map((w, i) => (i % 5 ? w : 0)), uniform(cols * cols)]),
  },
  {
    name: 'squaredLossGrad',
    naive: naiveGlm((z, y) => [0.5 * (z - y) ** 2, z - y]),
    cases: selectionCases((n, cols, sw) => {
      const X = uniform(n * cols), y = uniform(n, -3, 3), params = uniform(cols + 1);
      return (rows, idx, withOut) => [rows, cols, X, idx, y, sw, params, withOut ? uniform(cols + 1) : null];
    }, true),
  },
  {
    name: 'logisticLossGrad',
    naive: naiveGlm((z, y) => [softplus(z) - y * z, sigmoid(z) - y]),
    cases: [
      ...selectionCases((n, cols, sw) => {
        const X = uniform(n * cols), y = labels(n, 2), params = uniform(cols + 1);
        return (rows, idx, withOut) => [rows, cols, X, idx, y, sw, params, withOut ? uniform(cols + 1) : null];
      }, true),
      ...extremeLogisticCases((n, cols, X, sw, params) => {
        const y = labels(n, 2);
        return (rows, idx, withOut) => [rows, cols, X, idx, y, sw, params, withOut ? uniform(cols + 1) : null];
      }),
    ],
  },
  {
    name: 'softmaxLossGrad',
    naive: (rows: number, cols: number, K: number, X: Vec, idx: Idx | null, y: Vec, sw: Vec | null, params: Vec, grad: Vec | null) => {
      grad?.fill(0);
      let loss = 0;
      for (let t = 0; t < rows; t++) {
        const i = pick(idx, t);
        const s = sw ? sw[i] : 1;
        const row = naiveSoftmaxRow(cols, K, X, params, i, y[i]);
        loss += s * row.loss;
        if (!grad) continue;
        for (let k = 0; k < K; k++) {
          const r = row.p[k] - (k === y[i] ? 1 : 0);
          for (let j = 0; j < cols; j++) grad[k * cols + j] += s * r * X[i * cols + j];
          grad[K * cols + k] += s * r;
        }
      }
      return loss;
    },
    cases: [
      ...selectionCases((n, cols, sw, index) => {
        const K = classesFor(index);
        const X = uniform(n * cols), y = labels(n, K), params = uniform(K * cols + K);
        return (rows, idx, withOut) => [rows, cols, K, X, idx, y, sw, params, withOut ? uniform(K * cols + K) : null, uniform(K)];
      }, true).map((c) => ({ ...c, label: `${c.label} K=${c.args[2]}`, scratch: [9] })),
      ...extremeSoftmaxCases((n, cols, K, X, sw, params) => {
        const y = labels(n, K);
        return (rows, idx, withOut) => [rows, cols, K, X, idx, y, sw, params, withOut ? uniform(K * cols + K) : null, uniform(K)];
      }),
    ],
  },
  {
    name: 'logisticHessVec',
    naive: (rows: number, cols: number, X: Vec, idx: Idx | null, sw: Vec | null, params: Vec, v: Vec, out: Vec) => {
      out.fill(0);
      for (let t = 0; t < rows; t++) {
        const i = pick(idx, t);
        const s = sw ? sw[i] : 1;
        const z = matVec(cols, X, params, i) + params[cols];
        const u = matVec(cols, X, v, i) + v[cols];
        const c = s * sigmoid(z) * sigmoid(-z) * u;
        for (let j = 0; j < cols; j++) out[j] += c * X[i * cols + j];
        out[cols] += c;
      }
    },
    cases: [
      ...selectionCases((n, cols, sw) => {
        const X = uniform(n * cols), params = uniform(cols + 1), v = uniform(cols + 1);
        return (rows, idx) => [rows, cols, X, idx, sw, params, v, uniform(cols + 1)];
      }, false),
      ...extremeLogisticCases((n, cols, X, sw, params) => {
        const v = uniform(cols + 1);
        return (rows, idx) => [rows, cols, X, idx, sw, params, v, uniform(cols + 1)];
      }),
    ],
  },
  {
    name: 'poissonLossGrad',
    naive: naiveGlm((z, y) => [Math.exp(z) - y * z, Math.exp(z) - y]),
    // Counts 0‥4 as targets; |z| stays below ~10, far from the e^670 cap.
    cases: selectionCases((n, cols, sw) => {
      const X = uniform(n * cols), y = labels(n, 5), params = uniform(cols + 1, -0.5, 0.5);
      return (rows, idx, withOut) => [rows, cols, X, idx, y, sw, params, withOut ? uniform(cols + 1) : null];
    }, true),
  },
  {
    name: 'gammaLossGrad',
    naive: naiveGlm((z, y) => [y * Math.exp(-z) + z, 1 - y * Math.exp(-z)]),
    cases: selectionCases((n, cols, sw) => {
      const X = uniform(n * cols), y = uniform(n, 0.5, 3), params = uniform(cols + 1, -0.5, 0.5);
      return (rows, idx, withOut) => [rows, cols, X, idx, y, sw, params, withOut ? uniform(cols + 1) : null];
    }, true),
  },
  {
    name: 'poissonHessVec',
    naive: (rows: number, cols: number, X: Vec, idx: Idx | null, sw: Vec | null, params: Vec, v: Vec, out: Vec) => {
      out.fill(0);
      for (let t = 0; t < rows; t++) {
        const i = pick(idx, t);
        const s = sw ? sw[i] : 1;
        const c = s * Math.exp(matVec(cols, X, params, i) + params[cols]) * (matVec(cols, X, v, i) + v[cols]);
        for (let j = 0; j < cols; j++) out[j] += c * X[i * cols + j];
        out[cols] += c;
      }
    },
    cases: selectionCases((n, cols, sw) => {
      const X = uniform(n * cols), params = uniform(cols + 1, -0.5, 0.5), v = uniform(cols + 1);
      return (rows, idx) => [rows, cols, X, idx, sw, params, v, uniform(cols + 1)];
    }, false),
  },
  {
    name: 'huberLossGrad',
    // H_ε(r) with r = z − y written by cases (the kernels use the clipped form h·(r − h/2)).
    naive: (rows: number, cols: number, X: Vec, idx: Idx | null, y: Vec, sw: Vec | null, params: Vec, grad: Vec | null, eps: number) =>
      naiveGlm((z, t) => {
        const r = z - t;
        return Math.abs(r) <= eps ? [0.5 * r * r, r] : [eps * Math.abs(r) - 0.5 * eps * eps, eps * Math.sign(r)];
      })(rows, cols, X, idx, y, sw, params, grad),
    // ε = 0.8 against residuals spread over ±3: both branches in every case.
    cases: selectionCases((n, cols, sw) => {
      const X = uniform(n * cols), y = uniform(n, -3, 3), params = uniform(cols + 1);
      return (rows, idx, withOut) => [rows, cols, X, idx, y, sw, params, withOut ? uniform(cols + 1) : null, 0.8];
    }, true),
  },
  {
    name: 'softmaxHessVec',
    naive: (rows: number, cols: number, K: number, X: Vec, idx: Idx | null, sw: Vec | null, params: Vec, v: Vec, out: Vec) => {
      out.fill(0);
      for (let t = 0; t < rows; t++) {
        const i = pick(idx, t);
        const s = sw ? sw[i] : 1;
        const { p } = naiveSoftmaxRow(cols, K, X, params, i, 0);
        const u = Array.from({ length: K }, (_, k) => matVec(cols, X, v, i, k * cols) + v[K * cols + k]);
        const uBar = p.reduce((acc, pk, k) => acc + pk * u[k], 0);
        for (let k = 0; k < K; k++) {
          const c = s * p[k] * (u[k] - uBar);
          for (let j = 0; j < cols; j++) out[k * cols + j] += c * X[i * cols + j];
          out[K * cols + k] += c;
        }
      }
    },
    cases: [
      ...selectionCases((n, cols, sw, index) => {
        const K = classesFor(index);
        const X = uniform(n * cols), params = uniform(K * cols + K), v = uniform(K * cols + K);
        return (rows, idx) => [rows, cols, K, X, idx, sw, params, v, uniform(K * cols + K), uniform(2 * K)];
      }, false).map((c) => ({ ...c, label: `${c.label} K=${c.args[2]}`, scratch: [9] })),
      ...extremeSoftmaxCases((n, cols, K, X, sw, params) => {
        const v = uniform(K * cols + K);
        return (rows, idx) => [rows, cols, K, X, idx, sw, params, v, uniform(K * cols + K), uniform(2 * K)];
      }),
    ],
  },
  {
    name: 'sgdStep',
    naive: (n: number, lr: number, p: Vec, g: Vec) => { for (let i = 0; i < n; i++) p[i] -= lr * g[i]; },
    cases: vectorCases((n) => [n, 0.05, uniform(n), uniform(n)]),
  },
  {
    name: 'momentumStep',
    naive: (n: number, lr: number, rho: number, p: Vec, g: Vec, v: Vec) => {
      for (let i = 0; i < n; i++) { v[i] = rho * v[i] + g[i]; p[i] -= lr * v[i]; }
    },
    cases: vectorCases((n) => [n, 0.05, 0.9, uniform(n), uniform(n), uniform(n)]),
  },
  {
    name: 'nesterovStep',
    naive: (n: number, lr: number, rho: number, p: Vec, g: Vec, v: Vec) => {
      for (let i = 0; i < n; i++) { v[i] = rho * v[i] + g[i]; p[i] -= lr * (g[i] + rho * v[i]); }
    },
    cases: vectorCases((n) => [n, 0.05, 0.9, uniform(n), uniform(n), uniform(n)]),
  },
  {
    name: 'adagradStep',
    naive: (n: number, lr: number, eps: number, p: Vec, g: Vec, acc: Vec) => {
      for (let i = 0; i < n; i++) { acc[i] += g[i] * g[i]; p[i] -= (lr * g[i]) / (Math.sqrt(acc[i]) + eps); }
    },
    cases: vectorCases((n) => [n, 0.05, 1e-8, uniform(n), uniform(n), uniform(n, 0, 1)]),
  },
  {
    name: 'rmspropStep',
    naive: (n: number, lr: number, rho: number, eps: number, p: Vec, g: Vec, acc: Vec) => {
      for (let i = 0; i < n; i++) {
        acc[i] = rho * acc[i] + (1 - rho) * g[i] * g[i];
        p[i] -= (lr * g[i]) / (Math.sqrt(acc[i]) + eps);
      }
    },
    cases: vectorCases((n) => [n, 0.01, 0.9, 1e-8, uniform(n), uniform(n), uniform(n, 0, 1)]),
  },
  {
    name: 'rmspropCenteredStep',
    naive: (n: number, lr: number, rho: number, eps: number, mu: number, centered: number, p: Vec, g: Vec, acc: Vec, mean: Vec, buf: Vec) => {
      for (let i = 0; i < n; i++) {
        acc[i] = rho * acc[i] + (1 - rho) * g[i] * g[i];
        if (centered) mean[i] = rho * mean[i] + (1 - rho) * g[i];
        const d = Math.sqrt(centered ? acc[i] - mean[i] * mean[i] : acc[i]) + eps;
        buf[i] = mu * buf[i] + g[i] / d;
        p[i] -= lr * buf[i];
      }
    },
    // mean stays within ±0.5 so that acc − mean² > 0 (acc ≥ 0.5 after the update's ρ·acc part).
    cases: [0, 1].flatMap((centered) => vectorCases((n) => [n, 0.01, 0.9, 1e-8, 0.7, centered, uniform(n), uniform(n), uniform(n, 0.6, 1), uniform(n, -0.5, 0.5), uniform(n)])
      .map((c) => ({ ...c, label: `${c.label} centered=${centered}` }))),
  },
  {
    name: 'adadeltaStep',
    naive: (n: number, lr: number, rho: number, eps: number, p: Vec, g: Vec, acc: Vec, accDelta: Vec) => {
      for (let i = 0; i < n; i++) {
        acc[i] = rho * acc[i] + (1 - rho) * g[i] * g[i];
        const delta = (Math.sqrt(accDelta[i] + eps) / Math.sqrt(acc[i] + eps)) * g[i];
        accDelta[i] = rho * accDelta[i] + (1 - rho) * delta * delta;
        p[i] -= lr * delta;
      }
    },
    cases: vectorCases((n) => [n, 1, 0.9, 1e-6, uniform(n), uniform(n), uniform(n, 0, 1), uniform(n, 0, 1)]),
  },
  {
    name: 'adamStep',
    naive: (
      n: number, lr: number, b1: number, b2: number, eps: number, bc1: number, bc2: number,
      wd: number, decayCount: number, p: Vec, g: Vec, m: Vec, v: Vec,
    ) => {
      for (let i = 0; i < decayCount; i++) p[i] *= 1 - lr * wd;
      for (let i = 0; i < n; i++) adamEntry(i, lr, b1, b2, eps, bc1, bc2, p, g, m, v);
    },
    // Step t = 3; no decay, and AdamW decay on none, the odd/even first half, or all but the last.
    cases: SIZES.flatMap((n) =>
      [[0, n], [0.1, 0], [0.1, n >> 1], [0.1, Math.max(0, n - 1)]].map(([wd, decayCount]) => ({
        label: `n=${n} wd=${wd} decayCount=${decayCount}`,
        args: [n, 0.01, 0.9, 0.999, 1e-8, 1 - 0.9 ** 3, 1 - 0.999 ** 3, wd, decayCount, uniform(n), uniform(n), uniform(n), uniform(n, 0, 1)],
      })),
    ),
  },
  {
    name: 'amsgradStep',
    naive: (
      n: number, lr: number, b1: number, b2: number, eps: number, bc1: number, bc2: number,
      p: Vec, g: Vec, m: Vec, v: Vec, vmax: Vec,
    ) => {
      for (let i = 0; i < n; i++) {
        m[i] = b1 * m[i] + (1 - b1) * g[i];
        v[i] = b2 * v[i] + (1 - b2) * g[i] * g[i];
        vmax[i] = Math.max(vmax[i], v[i]);
        p[i] -= (lr * (m[i] / bc1)) / (Math.sqrt(vmax[i] / bc2) + eps);
      }
    },
    // Step t = 3; v and vmax both in [0, 1), so either can be the larger.
    cases: vectorCases((n) => [n, 0.01, 0.9, 0.999, 1e-8, 1 - 0.9 ** 3, 1 - 0.999 ** 3, uniform(n), uniform(n), uniform(n), uniform(n, 0, 1), uniform(n, 0, 1)]),
  },
  {
    name: 'adamaxStep',
    naive: (n: number, lr: number, b1: number, b2: number, eps: number, bc1: number, p: Vec, g: Vec, m: Vec, u: Vec) => {
      for (let i = 0; i < n; i++) {
        m[i] = b1 * m[i] + (1 - b1) * g[i];
        u[i] = Math.max(b2 * u[i], Math.abs(g[i]) + eps);
        p[i] -= (lr / bc1) * m[i] / u[i];
      }
    },
    // Step t = 3; u and |g| both in [0, 1), so either side of the max can win.
    cases: vectorCases((n) => [n, 0.002, 0.9, 0.999, 1e-8, 1 - 0.9 ** 3, uniform(n), uniform(n), uniform(n), uniform(n, 0, 1)]),
  },
  {
    name: 'nadamStep',
    naive: (
      n: number, lr: number, b1: number, b2: number, eps: number, c1: number, c2: number, bc2: number,
      p: Vec, g: Vec, m: Vec, v: Vec,
    ) => {
      for (let i = 0; i < n; i++) {
        m[i] = b1 * m[i] + (1 - b1) * g[i];
        v[i] = b2 * v[i] + (1 - b2) * g[i] * g[i];
        p[i] -= (lr * (c1 * m[i] + c2 * g[i])) / (Math.sqrt(v[i] / bc2) + eps);
      }
    },
    // Step t = 3: c1 = β1 / (1 − β1⁴), c2 = (1 − β1) / (1 − β1³), bc2 = 1 − β2³.
    cases: vectorCases((n) => [
      n, 0.002, 0.9, 0.999, 1e-8, 0.9 / (1 - 0.9 ** 4), 0.1 / (1 - 0.9 ** 3), 1 - 0.999 ** 3,
      uniform(n), uniform(n), uniform(n), uniform(n, 0, 1),
    ]),
  },
];

// ---------------------------------------------------------------------------------------------
// Running a case: lay the buffers out in linear memory, call, read them back.

const LAYOUTS = [
  { label: 'all at 8 mod 16', offset: (_index: number) => 8 },
  { label: 'alternating 0/8 mod 16', offset: (index: number) => (index % 2) * 8 },
];
type Layout = (typeof LAYOUTS)[number];

const roundUp16 = (n: number): number => Math.ceil(n / 16) * 16;

/**
 * Bytes from address 0 that are NaN-filled and checked like the gaps: where a write through a
 * null pointer (grad = 0, sw = 0, idx = 0) would land. (The wasm module's static data starts at
 * 1024; the JS memory leaves 0‥base unused.)
 */
const NULL_GUARD_BYTES = 1024;

/** float64 slots a buffer occupies (an int32 list of odd length rounds up). */
const slots = (arg: Buffer_): number => (arg instanceof Int32Array ? Math.ceil(arg.length / 2) : arg.length);

function runOnBackend(backend: Backend, name: KernelName, args: Arg[], layout: Layout): Outcome & { strayWrites: number } {
  // Buffers go above the backend's base (and above 0, which means "no buffer"), with at least
  // one NaN-filled float64 between neighbours.
  const start = roundUp16(Math.max(backend.memory.base, 64));
  const guard = Math.min(NULL_GUARD_BYTES, start) / 8;
  const pointers: number[] = [];
  let end = start;
  args.forEach((arg, index) => {
    const ptr = roundUp16(end + 8) + layout.offset(index);
    pointers.push(ptr);
    if (isBuffer(arg)) end = ptr + slots(arg) * 8;
  });
  end = roundUp16(end + 8);
  backend.memory.ensure(end, 0);
  let heap = new Float64Array(backend.memory.buffer);
  heap.fill(NaN, 0, guard);
  heap.fill(NaN, start / 8, end / 8);
  args.forEach((arg, index) => {
    if (arg instanceof Float64Array) heap.set(arg, pointers[index] / 8);
    else if (arg instanceof Int32Array) new Int32Array(backend.memory.buffer).set(arg, pointers[index] / 4);
  });

  const callArgs = args.map((arg, index) => (isBuffer(arg) ? pointers[index] : (arg ?? 0)));
  const kernel = backend.kernels[name] as (...a: number[]) => number | void;
  const value = kernel(...callArgs);

  heap = new Float64Array(backend.memory.buffer); // re-derive: the buffer may have been replaced
  const inBuffer = new Uint8Array(end / 8);
  const buffers = args.map((arg, index) => {
    if (!isBuffer(arg)) return null;
    inBuffer.fill(1, pointers[index] / 8, pointers[index] / 8 + slots(arg));
    return arg instanceof Int32Array
      ? new Int32Array(backend.memory.buffer).slice(pointers[index] / 4, pointers[index] / 4 + arg.length)
      : heap.slice(pointers[index] / 8, pointers[index] / 8 + arg.length);
  });
  let strayWrites = 0;
  for (let i = 0; i < guard; i++) if (!Number.isNaN(heap[i])) strayWrites++;
  for (let i = start / 8; i < end / 8; i++) if (!inBuffer[i] && !Number.isNaN(heap[i])) strayWrites++;
  return { value, buffers, strayWrites };
}

function runNaive(spec: Spec, args: Arg[]): Outcome {
  const copies = args.map((arg) => (isBuffer(arg) ? arg.slice() : arg));
  const value = spec.naive(...copies);
  return { value, buffers: copies.map((arg) => (isBuffer(arg) ? arg : null)) };
}

/** |a − e| ≤ tolerance·max(1, |e|); NaN matches NaN and infinities match exactly. */
function close(actual: number, expected: number, tolerance = TOLERANCE): boolean {
  if (Number.isNaN(expected) || !Number.isFinite(expected)) return Object.is(actual, expected) || (Number.isNaN(actual) && Number.isNaN(expected));
  return Math.abs(actual - expected) <= tolerance * Math.max(1, Math.abs(expected));
}

/** Every disagreement between two outcomes of one case, as readable lines. */
function differences(actual: Outcome, expected: Outcome, c: Case, tolerance = TOLERANCE): string[] {
  const out: string[] = [];
  if (typeof expected.value === 'number' && !close(actual.value as number, expected.value, tolerance)) {
    out.push(`${c.label}: returned ${actual.value}, expected ${expected.value}`);
  }
  expected.buffers.forEach((want, index) => {
    if (!want || c.scratch?.includes(index)) return;
    const got = actual.buffers[index]!;
    // Index lists are inputs: they must come back unchanged.
    const bad = want instanceof Int32Array
      ? want.findIndex((w, i) => got[i] !== w)
      : want.findIndex((w, i) => !close(got[i], w, tolerance));
    if (bad >= 0) out.push(`${c.label}: argument ${index}[${bad}] = ${got[bad]}, expected ${want[bad]}`);
  });
  return out;
}

// ---------------------------------------------------------------------------------------------
// The tests

const wasmModule = new WebAssembly.Module(Buffer.from(WASM_BASE64, 'base64'));
const BACKENDS = [
  { label: 'js', create: createJsBackend },
  { label: 'wasm-simd', create: () => createWasmBackend(wasmModule) },
];
const EXPECTED = new Map(SPECS.map((spec) => [spec, spec.cases.map((c) => runNaive(spec, c.args))]));

it('the table covers every kernel', () => {
  expect(SPECS.map((s) => s.name).sort()).toEqual([...KERNEL_NAMES].sort());
});

describe.each(BACKENDS)('$label kernels match the naive loops', ({ create }) => {
  const backend = create();

  describe.each(LAYOUTS)('buffers $label', (layout) => {
    it.each(SPECS)('$name', (spec) => {
      const problems = spec.cases.flatMap((c, i) => {
        const outcome = runOnBackend(backend, spec.name, c.args, layout);
        const stray = outcome.strayWrites ? [`${c.label}: ${outcome.strayWrites} writes outside the buffers`] : [];
        return [...stray, ...differences(outcome, EXPECTED.get(spec)![i], c)];
      });
      expect(problems.slice(0, 20)).toEqual([]);
    });
  });

  it('gives a finite loss at |z| ≈ 800', () => {
    const losses = SPECS.filter((s) => s.name === 'logisticLossGrad' || s.name === 'softmaxLossGrad').flatMap((spec) =>
      spec.cases.filter((c) => c.label.includes('800')).map((c) => runOnBackend(backend, spec.name, c.args, LAYOUTS[0]).value as number),
    );
    expect(losses.length).toBe(14);
    for (const loss of losses) expect(Number.isFinite(loss) && loss > 0).toBe(true);
  });

  it('gives a finite loss, gradient and Hessian-vector product at |z| ≈ 1e300', () => {
    const outIndex: Partial<Record<KernelName, number>> = { logisticLossGrad: 7, softmaxLossGrad: 8, logisticHessVec: 7, softmaxHessVec: 8 };
    const outcomes = SPECS.filter((s) => outIndex[s.name] !== undefined).flatMap((spec) =>
      spec.cases.filter((c) => c.label.includes('1e300')).map((c) => ({ spec, outcome: runOnBackend(backend, spec.name, c.args, LAYOUTS[0]) })),
    );
    expect(outcomes.length).toBe(4 * 2 + 6 * 2);
    for (const { spec, outcome } of outcomes) {
      if (typeof outcome.value === 'number') expect(Number.isFinite(outcome.value) && outcome.value > 1e298).toBe(true);
      expect([...(outcome.buffers[outIndex[spec.name]!] as Vec)].every(Number.isFinite)).toBe(true);
    }
  });
});

describe.each(BACKENDS)('$label qrAppend is a QR factorisation, block by block', ({ create }) => {
  const backend = create();
  it.each([[40, 5, 1], [1000, 17, 7], [300, 64, 3], [9, 12, 2]])('%i × %i in %i blocks: RᵀR = XᵀX, Rᵀ(Qᵀy) = Xᵀy, R upper triangular', (n, d, blocks) => {
    const X = uniform(n * d), y = uniform(n);
    let R: Vec = new Float64Array(d * d), qty: Vec = new Float64Array(d);
    const per = Math.ceil(n / blocks);
    for (let s = 0; s < n; s += per) {
      const rows = Math.min(per, n - s);
      const out = runOnBackend(backend, 'qrAppend', [rows, d, X.slice(s * d, (s + rows) * d), y.slice(s, s + rows), R, qty, new Float64Array(d)], LAYOUTS[0]);
      R = out.buffers[4] as Vec;
      qty = out.buffers[5] as Vec;
    }
    const gramScale = Math.max(1, n);
    for (let j = 0; j < d; j++) {
      for (let i = j + 1; i < d; i++) expect(R[i * d + j]).toBe(0);
      for (let k = 0; k < d; k++) {
        let rtr = 0, xtx = 0;
        for (let i = 0; i < d; i++) rtr += R[i * d + j] * R[i * d + k];
        for (let i = 0; i < n; i++) xtx += X[i * d + j] * X[i * d + k];
        expect(Math.abs(rtr - xtx)).toBeLessThan(1e-12 * gramScale);
      }
      let rq = 0, xy = 0;
      for (let i = 0; i < d; i++) rq += R[i * d + j] * qty[i];
      for (let i = 0; i < n; i++) xy += X[i * d + j] * y[i];
      expect(Math.abs(rq - xy)).toBeLessThan(1e-12 * gramScale);
    }
  });
});

/** Where the row index list and the gradient (or Hessian-vector output) go in each row-selecting kernel's arguments. */
const SELECTING: Partial<Record<KernelName, { idx: number; out: number; loss: boolean }>> = {
  squaredLossGrad: { idx: 3, out: 7, loss: true },
  logisticLossGrad: { idx: 3, out: 7, loss: true },
  softmaxLossGrad: { idx: 4, out: 8, loss: true },
  logisticHessVec: { idx: 3, out: 7, loss: false },
  poissonLossGrad: { idx: 3, out: 7, loss: true },
  poissonHessVec: { idx: 3, out: 7, loss: false },
  huberLossGrad: { idx: 3, out: 7, loss: true },
  gammaLossGrad: { idx: 3, out: 7, loss: true },
  softmaxHessVec: { idx: 4, out: 8, loss: false },
};
const selectingSpecs = SPECS.filter((spec) => SELECTING[spec.name]);
const lossSpecs = selectingSpecs.filter((spec) => SELECTING[spec.name]!.loss);

describe.each(BACKENDS)('$label row selection and loss-only calls', ({ create }) => {
  const backend = create();

  it.each(lossSpecs)('$name with grad = 0 returns the same loss, bit for bit', (spec) => {
    const { out } = SELECTING[spec.name]!;
    const cases = spec.cases.filter((c) => c.args[out] !== null);
    const problems = cases.flatMap((c) => {
      const full = runOnBackend(backend, spec.name, c.args, LAYOUTS[0]).value as number;
      const lossOnly = runOnBackend(backend, spec.name, c.args.map((a, i) => (i === out ? null : a)), LAYOUTS[1]);
      return [
        ...(Object.is(lossOnly.value, full) ? [] : [`${c.label}: loss only ${lossOnly.value}, with gradient ${full}`]),
        ...(lossOnly.strayWrites ? [`${c.label}: ${lossOnly.strayWrites} writes outside the buffers`] : []),
      ];
    });
    expect(cases.length).toBeGreaterThan(100);
    expect(problems.slice(0, 20)).toEqual([]);
  });

  it.each(selectingSpecs)('$name over a shuffled list of every row matches idx = 0', (spec) => {
    const { idx } = SELECTING[spec.name]!;
    const cases = spec.cases.filter((c) => c.args[idx] === null);
    const problems = cases.flatMap((c) => {
      const rows = c.args[0] as number;
      const inOrder = runOnBackend(backend, spec.name, c.args, LAYOUTS[0]);
      return [Int32Array.from({ length: rows }, (_, i) => i), permutation(rows)].flatMap((list) =>
        differences(runOnBackend(backend, spec.name, c.args.map((a, i) => (i === idx ? list : a)), LAYOUTS[1]), inOrder, c),
      );
    });
    expect(cases.length).toBeGreaterThan(100);
    expect(problems.slice(0, 20)).toEqual([]);
  });
});

/**
 * Hessian-vector products against central differences of the gradient kernel on the same
 * backend: (g(p + h·v) − g(p − h·v)) / 2h, h = 1e-5, to 1e-6·max(1, |entry|).
 */
describe.each(BACKENDS)('$label Hessian-vector products match central differences of the gradient', ({ create }) => {
  const backend = create();
  const h = 1e-5;
  const shift = (p: Vec, v: Vec, a: number): Vec => p.map((x, i) => x + a * v[i]);
  /** The gradient at p from a loss kernel's arguments with params at `at` and the gradient at `out`. */
  const gradientAt = (name: KernelName, args: Arg[], at: number, out: number, p: Vec): Vec =>
    runOnBackend(backend, name, args.map((a, i) => (i === at ? p : a)), LAYOUTS[0]).buffers[out] as Vec;
  const check = (hv: Vec, plus: Vec, minus: Vec): string[] => {
    const bad = [...hv].flatMap((x, i) => {
      const fd = (plus[i] - minus[i]) / (2 * h);
      return Math.abs(x - fd) <= 1e-6 * Math.max(1, Math.abs(fd)) ? [] : [`[${i}] ${x} vs ${fd}`];
    });
    return bad.slice(0, 5);
  };
  const SHAPES_FD = [
    { n: 1023, cols: 17, K: 3, weighted: true, sel: (n: number) => ({ label: 'in order', idx: null as Idx | null, rows: n }) },
    { n: 1023, cols: 17, K: 8, weighted: false, sel: (n: number) => ({ label: '300 draws', idx: draws(n, 300), rows: 300 }) },
    { n: 5, cols: 1023, K: 2, weighted: true, sel: (n: number) => ({ label: 'permutation', idx: permutation(n), rows: n }) },
    { n: 9, cols: 4, K: 300, weighted: true, sel: (n: number) => ({ label: '7 draws', idx: draws(n, 7), rows: 7 }) },
    { n: 3, cols: 3, K: 4, weighted: false, sel: (n: number) => ({ label: 'batch of 1', idx: draws(n, 1), rows: 1 }) },
  ];

  it.each(SHAPES_FD.map((c) => ({ ...c, label: `${c.n}x${c.cols} ${c.sel(c.n).label}` })))('logisticHessVec, $label', ({ n, cols, weighted, sel }) => {
    const { idx, rows } = sel(n);
    const X = uniform(n * cols), y = labels(n, 2), sw = weighted ? uniform(n, 0, 2) : null;
    const p = uniform(cols + 1, -0.3, 0.3), v = uniform(cols + 1);
    const hv = runOnBackend(backend, 'logisticHessVec', [rows, cols, X, idx, sw, p, v, uniform(cols + 1)], LAYOUTS[0]).buffers[7] as Vec;
    const args: Arg[] = [rows, cols, X, idx, y, sw, p, uniform(cols + 1)];
    expect(check(hv, gradientAt('logisticLossGrad', args, 6, 7, shift(p, v, h)), gradientAt('logisticLossGrad', args, 6, 7, shift(p, v, -h)))).toEqual([]);
  });

  it.each(SHAPES_FD.map((c) => ({ ...c, label: `${c.n}x${c.cols} ${c.sel(c.n).label}` })))('poissonHessVec, $label', ({ n, cols, weighted, sel }) => {
    const { idx, rows } = sel(n);
    const X = uniform(n * cols), y = labels(n, 5), sw = weighted ? uniform(n, 0, 2) : null;
    const p = uniform(cols + 1, -0.3, 0.3).map((x) => x / Math.sqrt(cols)), v = uniform(cols + 1);
    const hv = runOnBackend(backend, 'poissonHessVec', [rows, cols, X, idx, sw, p, v, uniform(cols + 1)], LAYOUTS[0]).buffers[7] as Vec;
    const args: Arg[] = [rows, cols, X, idx, y, sw, p, uniform(cols + 1)];
    expect(check(hv, gradientAt('poissonLossGrad', args, 6, 7, shift(p, v, h)), gradientAt('poissonLossGrad', args, 6, 7, shift(p, v, -h)))).toEqual([]);
  });

  it.each(SHAPES_FD.map((c) => ({ ...c, label: `${c.n}x${c.cols} K=${c.K} ${c.sel(c.n).label}` })))('softmaxHessVec, $label', ({ n, cols, K, weighted, sel }) => {
    const { idx, rows } = sel(n);
    const size = K * cols + K;
    const X = uniform(n * cols), y = labels(n, K), sw = weighted ? uniform(n, 0, 2) : null;
    const p = uniform(size, -0.3, 0.3), v = uniform(size);
    const hv = runOnBackend(backend, 'softmaxHessVec', [rows, cols, K, X, idx, sw, p, v, uniform(size), uniform(2 * K)], LAYOUTS[0]).buffers[8] as Vec;
    const args: Arg[] = [rows, cols, K, X, idx, y, sw, p, uniform(size), uniform(K)];
    expect(check(hv, gradientAt('softmaxLossGrad', args, 7, 8, shift(p, v, h)), gradientAt('softmaxLossGrad', args, 7, 8, shift(p, v, -h)))).toEqual([]);
  });
});

describe('wasm-simd and js agree', () => {
  const [js, wasm] = BACKENDS.map((b) => b.create());
  it.each(SPECS)('$name', (spec) => {
    const problems = spec.cases.flatMap((c) =>
      differences(runOnBackend(wasm, spec.name, c.args, LAYOUTS[0]), runOnBackend(js, spec.name, c.args, LAYOUTS[0]), c),
    );
    expect(problems.slice(0, 20)).toEqual([]);
  });
});
