// The two-lane exp and log1p of assembly/math/exp.ts (used by the logistic and softmax kernels)
// against Math.exp and Math.log1p, through the module's test-only exports expNegTest and
// log1pTest (not kernels: the backend binds only KERNEL_NAMES, so they are called on an
// instance of the module made here, over an imported memory as the wasm backend does).
// Contract: at most 2 ulp from Math's value everywhere (subnormal results included), which for
// normal results also means a relative error of at most 4.5e-16.
import { describe, expect, it } from 'vitest';
import { WASM_BASE64 } from '../src/backend/wasm/bytes.generated.js';
import { Random } from '../src/random.js';

const PAGE = 65536;
/** The first page holds the module's static data (see WasmMemory.base). */
const BASE = PAGE;
const MIN_NORMAL = 2.2250738585072014e-308;

type VectorFn = 'expNegTest' | 'log1pTest';

const module = new WebAssembly.Module(Buffer.from(WASM_BASE64, 'base64'));

/** f(x) for every x, through the export `name` (n values in, n out). */
function evaluate(name: VectorFn, xs: number[]): Float64Array {
  const n = xs.length;
  const memory = new WebAssembly.Memory({ initial: Math.ceil((BASE + 16 * n + 16) / PAGE) });
  const exports = new WebAssembly.Instance(module, { env: { memory } }).exports;
  const x = BASE, out = BASE + 8 * n;
  new Float64Array(memory.buffer, x, n).set(xs);
  (exports[name] as (n: number, x: number, out: number) => void)(n, x, out);
  return new Float64Array(memory.buffer, out, n).slice();
}

const bits = new BigInt64Array(1);
const asFloat = new Float64Array(bits.buffer);
/** The double's position in the ordered sequence of all doubles (−0 and +0 both at 0). */
function ordinal(x: number): bigint {
  asFloat[0] = x;
  const i = bits[0];
  return i < 0n ? -(i & 0x7fffffffffffffffn) : i;
}
/** How many doubles apart a and b are. */
function ulps(a: number, b: number): number {
  const d = ordinal(a) - ordinal(b);
  return Number(d < 0n ? -d : d);
}
function fromBits(i: bigint): number {
  bits[0] = i;
  return asFloat[0];
}
/** The doubles next to x (x > 0): one below, one above. */
const around = (x: number): number[] => [fromBits(ordinal(x) - 1n), x, fromBits(ordinal(x) + 1n)];

/** Seeded uniform [0, 1) numbers from the library's own PRNG. */
function mulberry32(seed: number): () => number {
  const random = new Random(seed);
  return () => random.next();
}
const grid = (n: number, lo: number, hi: number): number[] => Array.from({ length: n }, (_, i) => lo + ((hi - lo) * i) / (n - 1));

/** Every x whose result is more than 2 ulp from Math's (or, if normal, off by more than 4.5e-16 relative). */
function misses(name: VectorFn, reference: (x: number) => number, xs: number[]): string[] {
  const got = evaluate(name, xs);
  const bad: string[] = [];
  xs.forEach((x, i) => {
    const want = reference(x);
    const d = ulps(got[i], want);
    const rel = Math.abs(want) >= MIN_NORMAL ? Math.abs(got[i] - want) / Math.abs(want) : 0;
    if (!(d <= 2) || !(rel <= 4.5e-16)) bad.push(`f(${x}) = ${got[i]}, Math gives ${want} (${d} ulp)`);
  });
  return bad.slice(0, 10);
}

describe('two-lane exp of x ≤ 0', () => {
  const rand = mulberry32(0xe4b);
  const ln2 = Math.LN2;

  it('is within 2 ulp of Math.exp on a grid of 1e5 points over [−800, 0]', () => {
    expect(misses('expNegTest', Math.exp, grid(100_001, -800, 0))).toEqual([]);
  });

  it('is within 2 ulp near 0, in the subnormal range and at the reduction boundaries', () => {
    const xs = [
      ...grid(20_001, -1e-3, 0),
      ...grid(20_001, -745.2, -707), // results subnormal below about −708.4, 0 below −745.13
      ...Array.from({ length: 20_000 }, () => -Math.exp(-745 * rand()) * 800), // log-uniform |x|
      // x = −(k + ½)·ln2, where the rounding of x/ln2 to k switches, and its neighbours.
      ...Array.from({ length: 1000 }, (_, k) => around((k + 0.5) * ln2).map((a) => -a)).flat(),
    ];
    expect(misses('expNegTest', Math.exp, xs)).toEqual([]);
  });

  it('handles the edge values', () => {
    const xs = [0, -0, -5e-324, 5e-324, -1e-300, -1e-16, -745, -745.1332191019411, -745.14, -746, -800, -1e300, -Infinity];
    expect(misses('expNegTest', Math.exp, xs)).toEqual([]);
    expect([...evaluate('expNegTest', [0, -0, -745, -746, -1e300, -Infinity])]).toEqual([1, 1, 5e-324, 0, 0, 0]);
    expect(Number.isNaN(evaluate('expNegTest', [NaN, -1])[0])).toBe(true);
  });

  it('gives the same value in either lane and alone', () => {
    const xs = [-0.3, -700.25, -1.5, -0.3, -700.25];
    const paired = evaluate('expNegTest', xs);
    expect(paired[0]).toBe(paired[3]);
    expect(paired[1]).toBe(paired[4]); // the odd last value goes through lane 0 alone
    expect(evaluate('expNegTest', [-1.5])[0]).toBe(paired[2]);
  });
});

describe('two-lane log1p of 0 ≤ a ≤ 1', () => {
  const rand = mulberry32(0x1091);

  it('is within 2 ulp of Math.log1p on a grid of 1e5 points over [0, 1]', () => {
    expect(misses('log1pTest', Math.log1p, grid(100_001, 0, 1))).toEqual([]);
  });

  it('is within 2 ulp for tiny arguments and around the switch at ½', () => {
    const xs = [
      ...Array.from({ length: 40_000 }, () => Math.exp(-745 * rand())), // log-uniform over (5e-324, 1]
      ...grid(20_001, 0.5 - 1e-6, 0.5 + 1e-6),
      ...Array.from({ length: 20_000 }, () => rand()),
    ];
    expect(misses('log1pTest', Math.log1p, xs)).toEqual([]);
  });

  it('handles the edge values', () => {
    const xs = [0, -0, 5e-324, 1e-300, 1e-17, 2 ** -53, ...around(0.5), ...around(Math.SQRT2 - 1), 1, fromBits(ordinal(1) - 1n)];
    expect(misses('log1pTest', Math.log1p, xs)).toEqual([]);
    const [zero, minusZero, one] = evaluate('log1pTest', [0, -0, 1]);
    expect(Object.is(zero, 0) && Object.is(minusZero, -0)).toBe(true);
    expect(one).toBe(Math.LN2);
    expect(Number.isNaN(evaluate('log1pTest', [NaN, 0.5])[0])).toBe(true);
  });
});
