// Every kernel, on both backends, against a naive loop over plain arrays written here, and
// the two backends against each other. Each case runs at two memory layouts: every buffer
// at 8 mod 16 (8-byte but not 16-byte aligned), and buffers alternating 0/8 mod 16. The gaps
// between buffers are filled with NaN and must still be NaN afterwards (no stray writes);
// a stray read would pull a NaN into a result.
import { describe, expect, it } from 'vitest';
import { createJsBackend } from '../src/backend/js/index.js';
import { createWasmBackend } from '../src/backend/wasm/index.js';
import { WASM_BASE64 } from '../src/backend/wasm/bytes.generated.js';
import { KERNEL_NAMES, type Backend, type KernelName } from '../src/backend/types.js';

type Vec = Float64Array;
/** A kernel argument: a scalar, a buffer (passed as a pointer), or null (a null pointer, 0). */
type Arg = number | Vec | null;
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
  buffers: (Vec | null)[];
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

/** mulberry32: a tiny seeded PRNG, uniform in [0, 1). */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const rand = mulberry32(0x5eed);
const uniform = (n: number, lo = -1, hi = 1): Vec => Float64Array.from({ length: n }, () => lo + (hi - lo) * rand());
const labels = (n: number, classes: number): Vec => Float64Array.from({ length: n }, () => Math.floor(rand() * classes));
const scaled = (v: Vec, a: number): Vec => v.map((x) => x * a);
const shapeLabel = (rows: number, cols: number): string => `${rows}x${cols}`;

/** Sample weights: none (a null pointer), or uniform in [0, 2). */
const WEIGHTINGS = [
  { label: 'unweighted', make: (_rows: number): Vec | null => null },
  { label: 'weighted', make: (rows: number): Vec | null => uniform(rows, 0, 2) },
];

// ---------------------------------------------------------------------------------------------
// Naive references: the plainest loops that state each kernel's definition.

function matVec(rows: number, cols: number, A: Vec, x: Vec, i: number, xOffset = 0): number {
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

/** Squared and logistic loss share everything but the per-row loss and residual. */
function naiveGlm(link: (z: number, y: number) => [loss: number, residual: number]) {
  return (rows: number, cols: number, X: Vec, y: Vec, sw: Vec | null, params: Vec, grad: Vec): number => {
    grad.fill(0);
    let loss = 0;
    for (let i = 0; i < rows; i++) {
      const s = sw ? sw[i] : 1;
      const [l, r] = link(matVec(rows, cols, X, params, i) + params[cols], y[i]);
      loss += s * l;
      for (let j = 0; j < cols; j++) grad[j] += s * r * X[i * cols + j];
      grad[cols] += s * r;
    }
    return loss;
  };
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
const weightedMatrixCases = (build: (rows: number, cols: number, sw: Vec | null, index: number) => Arg[]): Case[] =>
  WEIGHTINGS.flatMap(({ label, make }) =>
    SHAPES.map(([rows, cols], index) => ({ label: `${shapeLabel(rows, cols)} ${label}`, args: build(rows, cols, make(rows), index) })),
  );

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

/** Logistic regression with |z| around 800: the loss must stay finite. */
function extremeLogisticCases(): Case[] {
  const rows = 9;
  const x = Float64Array.from({ length: rows }, (_, i) => [1, -1, 0][i % 3]);
  return WEIGHTINGS.flatMap(({ label, make }) => [
    { label: `z=±800 ${label}`, args: [rows, 1, x, labels(rows, 2), make(rows), Float64Array.of(800, 0), uniform(2)] },
    { label: `|z|≈800 5 cols ${label}`, args: [rows, 5, uniform(rows * 5), labels(rows, 2), make(rows), uniform(6, -400, 400), uniform(6)] },
  ]);
}

/** Softmax with |z| around 800 (finite loss), and with more classes than the paired-row path takes. */
function extremeSoftmaxCases(): Case[] {
  const rows = 9, cols = 4;
  return WEIGHTINGS.flatMap(({ label, make }) =>
    [{ K: 3, scale: 400, what: '|z|≈800' }, { K: 300, scale: 1, what: '300 classes' }].map(({ K, scale, what }) => ({
      label: `${what} ${label}`,
      args: [rows, cols, K, uniform(rows * cols), labels(rows, K), make(rows), uniform(K * cols + K, -scale, scale), uniform(K * cols + K), uniform(K)],
      scratch: [8],
    })),
  );
}

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
      for (let i = 0; i < rows; i++) y[i] = matVec(rows, cols, A, x, i) + bias;
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
    name: 'squaredLossGrad',
    naive: naiveGlm((z, y) => [0.5 * (z - y) ** 2, z - y]),
    cases: weightedMatrixCases((rows, cols, sw) => [rows, cols, uniform(rows * cols), uniform(rows, -3, 3), sw, uniform(cols + 1), uniform(cols + 1)]),
  },
  {
    name: 'logisticLossGrad',
    naive: naiveGlm((z, y) => [softplus(z) - y * z, sigmoid(z) - y]),
    cases: [
      ...weightedMatrixCases((rows, cols, sw) => [rows, cols, uniform(rows * cols), labels(rows, 2), sw, uniform(cols + 1), uniform(cols + 1)]),
      ...extremeLogisticCases(),
    ],
  },
  {
    name: 'softmaxLossGrad',
    naive: (rows: number, cols: number, K: number, X: Vec, y: Vec, sw: Vec | null, params: Vec, grad: Vec) => {
      grad.fill(0);
      let loss = 0;
      for (let i = 0; i < rows; i++) {
        const s = sw ? sw[i] : 1;
        const z = Array.from({ length: K }, (_, k) => matVec(rows, cols, X, params, i, k * cols) + params[K * cols + k]);
        const zMax = Math.max(...z);
        const logSumExp = zMax + Math.log(z.reduce((acc, zk) => acc + Math.exp(zk - zMax), 0));
        loss += s * (logSumExp - z[y[i]]);
        for (let k = 0; k < K; k++) {
          const r = Math.exp(z[k] - logSumExp) - (k === y[i] ? 1 : 0);
          for (let j = 0; j < cols; j++) grad[k * cols + j] += s * r * X[i * cols + j];
          grad[K * cols + k] += s * r;
        }
      }
      return loss;
    },
    cases: [
      ...weightedMatrixCases((rows, cols, sw, index) => {
        const K = [1, 2, 3, 4, 5, 7, 8][index % 7];
        return [rows, cols, K, uniform(rows * cols), labels(rows, K), sw, uniform(K * cols + K), uniform(K * cols + K), uniform(K)];
      }).map((c) => ({ ...c, label: `${c.label} K=${c.args[2]}`, scratch: [8] })),
      ...extremeSoftmaxCases(),
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
];

// ---------------------------------------------------------------------------------------------
// Running a case: lay the buffers out in linear memory, call, read them back.

const LAYOUTS = [
  { label: 'all at 8 mod 16', offset: (_index: number) => 8 },
  { label: 'alternating 0/8 mod 16', offset: (index: number) => (index % 2) * 8 },
];
type Layout = (typeof LAYOUTS)[number];

const roundUp16 = (n: number): number => Math.ceil(n / 16) * 16;

function runOnBackend(backend: Backend, name: KernelName, args: Arg[], layout: Layout): Outcome & { strayWrites: number } {
  // Buffers go above the backend's base (and above 0, which means "no buffer"), with at least
  // one NaN-filled float64 between neighbours.
  const start = roundUp16(Math.max(backend.memory.base, 64));
  const pointers: number[] = [];
  let end = start;
  args.forEach((arg, index) => {
    const ptr = roundUp16(end + 8) + layout.offset(index);
    pointers.push(ptr);
    if (arg instanceof Float64Array) end = ptr + arg.length * 8;
  });
  end = roundUp16(end + 8);
  backend.memory.ensure(end, 0);
  let heap = new Float64Array(backend.memory.buffer);
  heap.fill(NaN, start / 8, end / 8);
  args.forEach((arg, index) => { if (arg instanceof Float64Array) heap.set(arg, pointers[index] / 8); });

  const callArgs = args.map((arg, index) => (arg instanceof Float64Array ? pointers[index] : (arg ?? 0)));
  const kernel = backend.kernels[name] as (...a: number[]) => number | void;
  const value = kernel(...callArgs);

  heap = new Float64Array(backend.memory.buffer); // re-derive: the buffer may have been replaced
  const inBuffer = new Uint8Array(end / 8);
  const buffers = args.map((arg, index) => {
    if (!(arg instanceof Float64Array)) return null;
    const at = pointers[index] / 8;
    inBuffer.fill(1, at, at + arg.length);
    return heap.slice(at, at + arg.length);
  });
  let strayWrites = 0;
  for (let i = start / 8; i < end / 8; i++) if (!inBuffer[i] && !Number.isNaN(heap[i])) strayWrites++;
  return { value, buffers, strayWrites };
}

function runNaive(spec: Spec, args: Arg[]): Outcome {
  const copies = args.map((arg) => (arg instanceof Float64Array ? arg.slice() : arg));
  const value = spec.naive(...copies);
  return { value, buffers: copies.map((arg) => (arg instanceof Float64Array ? arg : null)) };
}

/** |a − e| ≤ 1e-12·max(1, |e|); NaN matches NaN and infinities match exactly. */
function close(actual: number, expected: number): boolean {
  if (Number.isNaN(expected) || !Number.isFinite(expected)) return Object.is(actual, expected) || (Number.isNaN(actual) && Number.isNaN(expected));
  return Math.abs(actual - expected) <= TOLERANCE * Math.max(1, Math.abs(expected));
}

/** Every disagreement between two outcomes of one case, as readable lines. */
function differences(actual: Outcome, expected: Outcome, c: Case): string[] {
  const out: string[] = [];
  if (typeof expected.value === 'number' && !close(actual.value as number, expected.value)) {
    out.push(`${c.label}: returned ${actual.value}, expected ${expected.value}`);
  }
  expected.buffers.forEach((want, index) => {
    if (!want || c.scratch?.includes(index)) return;
    const got = actual.buffers[index]!;
    const bad = want.findIndex((w, i) => !close(got[i], w));
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
    expect(losses.length).toBe(6);
    for (const loss of losses) expect(Number.isFinite(loss) && loss > 0).toBe(true);
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
