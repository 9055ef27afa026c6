/**
 * How close the Gram kernels come to this engine's f64 SIMD peak, measured in one run: the
 * peak is the module's own loop of 12 independent f64x2 multiply-add chains (48 flops per
 * iteration, in registers); the Gram kernels count rows·cols·(cols + 1) flops (the upper
 * triangle with its diagonal, a multiply and an add each), the weighted one rows·cols more.
 */
import { WASM_BASE64 } from '../src/backend/wasm/bytes.generated.js';
import { fillRandom, freshArenas } from './harness.js';

function best(runs: number, body: () => void): number {
  let fastest = Infinity;
  for (let r = 0; r < runs; r++) {
    const start = performance.now();
    body();
    fastest = Math.min(fastest, performance.now() - start);
  }
  return fastest;
}

export function peakReport(): string {
  const { wasm } = freshArenas();
  // The loop is a test hook of the module, not a kernel: called on an instance of its own.
  const module = new WebAssembly.Module(Buffer.from(WASM_BASE64, 'base64'));
  const instance = new WebAssembly.Instance(module, { env: { memory: new WebAssembly.Memory({ initial: 1 }) } });
  const peak = instance.exports.peakMulAddTest as (n: number) => number;
  const iterations = 2e7;
  peak(1e5);
  const peakMs = best(7, () => peak(iterations));
  const peakGflops = (48 * iterations) / peakMs / 1e6;

  const rows = 20_000, cols = 200;
  wasm.reserve(rows * cols + rows + cols * cols, 3);
  const A = wasm.alloc(rows * cols), w = wasm.alloc(rows), G = wasm.alloc(cols * cols);
  fillRandom(wasm, A, rows * cols, 1);
  fillRandom(wasm, w, rows, 2);
  const gramMs = best(7, () => wasm.kernels.gram(rows, cols, A, G));
  const weightedMs = best(7, () => wasm.kernels.weightedGram(rows, cols, A, w, G));
  const gramGflops = (rows * cols * (cols + 1)) / gramMs / 1e6;
  const weightedGflops = (rows * cols * (cols + 2)) / weightedMs / 1e6;
  const pct = (g: number) => `${((100 * g) / peakGflops).toFixed(0)}%`;
  return [
    `f64 SIMD peak (12 chains of f64x2 mul + add): ${peakGflops.toFixed(1)} GFLOP/s`,
    `Gram XᵀX ${rows} × ${cols}: ${gramMs.toFixed(1)} ms, ${gramGflops.toFixed(1)} GFLOP/s (${pct(gramGflops)} of peak)`,
    `weighted Gram ${rows} × ${cols}: ${weightedMs.toFixed(1)} ms, ${weightedGflops.toFixed(1)} GFLOP/s (${pct(weightedGflops)} of peak)`,
  ].join('\n');
}
