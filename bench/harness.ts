/**
 * A thin layer over benny: each comparison runs the same job on the wasm-SIMD and the pure-JS
 * backend in one suite, and the report is the ratio of their speeds measured in that run.
 */
import b from 'benny';
import { Arena } from '../src/runtime/arena.js';
import { createJsBackend } from '../src/backend/js/index.js';
import type { Backend } from '../src/backend/types.js';
import { WASM_BASE64 } from '../src/backend/wasm/bytes.generated.js';
import { createWasmBackend } from '../src/backend/wasm/index.js';

export interface Comparison {
  name: string;
  /** Bytes one call streams from memory, to report GB/s for memory-bound kernels. */
  bytes?: number;
  /** Training epochs one call runs, to report time per epoch. */
  epochs?: number;
  /** Builds one runnable case per backend (allocate and fill its memory once, up front). */
  setup(arena: Arena): () => void;
}

export interface Row {
  name: string;
  wasmMs: number;
  jsMs: number;
  speedup: number;
  gbPerSec?: number;
  epochs?: number;
}

export function freshArenas(): { wasm: Arena; js: Arena } {
  const module = new WebAssembly.Module(Buffer.from(WASM_BASE64, 'base64'));
  return { wasm: new Arena(createWasmBackend(module)), js: new Arena(createJsBackend()) };
}

const caseOptions = { minSamples: 5, maxTime: Number(process.env.BENCH_SECONDS ?? 2) };

/** Runs a list of comparisons, each as one benny suite with a 'wasm-simd' and a 'js' case. */
export async function runComparisons(comparisons: Comparison[]): Promise<Row[]> {
  const rows: Row[] = [];
  for (const c of comparisons) {
    const { wasm, js } = freshArenas();
    const runWasm = c.setup(wasm);
    const runJs = c.setup(js);
    const summary = await b.suite(
      c.name,
      b.add('wasm-simd', runWasm),
      b.add('js', runJs),
      b.configure({ cases: caseOptions }),
      b.cycle(),
    );
    // details.mean is seconds per call, unrounded (benny rounds ops/s to integers).
    const meanMs = (name: string) => summary.results.find((r) => r.name === name)!.details.mean * 1000;
    const wasmMs = meanMs('wasm-simd'), jsMs = meanMs('js');
    rows.push({ name: c.name, wasmMs, jsMs, speedup: jsMs / wasmMs, gbPerSec: c.bytes ? c.bytes / (wasmMs * 1e6) : undefined, epochs: c.epochs });
  }
  return rows;
}

/** Fills `count` float64 values at ptr with seeded values in [−1, 1). */
export function fillRandom(arena: Arena, ptr: number, count: number, seed = 1): void {
  const m = arena.f64;
  let s = seed >>> 0;
  for (let i = 0; i < count; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    m[ptr / 8 + i] = s / 2147483648 - 1;
  }
}

export function backendOf(arena: Arena): Backend {
  return arena.backend;
}

export function markdownTable(rows: Row[]): string {
  const lines = [
    '| benchmark | wasm-simd | pure JS | speed-up | wasm GB/s | wasm per epoch |',
    '|---|---:|---:|---:|---:|---:|',
    ...rows.map((r) =>
      `| ${r.name} | ${fmtMs(r.wasmMs)} | ${fmtMs(r.jsMs)} | **${r.speedup.toFixed(1)}×** | ${r.gbPerSec ? r.gbPerSec.toFixed(1) : ''} | ${r.epochs ? fmtMs(r.wasmMs / r.epochs) : ''} |`),
  ];
  return lines.join('\n');
}

function fmtMs(ms: number): string {
  return ms < 0.1 ? `${(ms * 1000).toFixed(1)} µs` : `${ms.toFixed(ms < 10 ? 2 : 1)} ms`;
}
