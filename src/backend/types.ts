/**
 * The kernel interface every backend implements. It is derived from assembly/ at build time
 * (scripts/kernel-interface.mjs writes kernels.generated.ts): each kernel's signature and
 * documentation live once, in its AssemblyScript source, and the JS backend (typed as
 * Kernels) does not compile while a kernel lacks its twin.
 *
 * Kernels work on pointers: byte offsets into the backend's linear memory, 8-byte aligned
 * (the arena hands out 16-byte aligned blocks). Matrices are row-major float64 with `cols`
 * entries per row. A kernel call makes one pass over its data; solvers call kernels once
 * per pass or per mini-batch, never per row, so the JS↔wasm crossing cost stays negligible.
 *
 * Parameter vectors for the fused loss kernels are laid out as the weights followed by the
 * intercept(s): for one output `[w_0 … w_{d−1}, b]` (length d + 1); for K outputs
 * `[W (K×d, row-major), b_0 … b_{K−1}]` (length K·d + K). Gradients use the same layout.
 * A sample-weight pointer of 0 means every row has weight 1.
 *
 * The fused loss kernels make one pass over the selected rows: `idx` = 0 means rows 0‥rows−1
 * in order; otherwise `idx` points at `rows` int32 row indices (a shuffled mini-batch), and
 * row r of X, y and sw is used for each index r. With `grad` = 0 only the loss is computed.
 */
export { KERNEL_NAMES, type Kernels } from './kernels.generated.js';
import { KERNEL_NAMES, type Kernels } from './kernels.generated.js';

export type KernelName = (typeof KERNEL_NAMES)[number];

/**
 * Linear memory a backend's kernels run on. `buffer` may be replaced by `ensure`; views over
 * it must be re-derived after every call that can allocate.
 */
export interface MemoryHost {
  readonly buffer: ArrayBuffer;
  /** First byte the arena may use (below it lives the module's static data). */
  readonly base: number;
  /**
   * Makes the memory at least `bytes` long. `live` is how many bytes from 0 must survive:
   * a host may swap in a fresh memory instead of growing when nothing above `base` is live.
   */
  ensure(bytes: number, live: number): void;
}

export interface Backend {
  readonly name: 'wasm-simd' | 'js';
  readonly kernels: Kernels;
  readonly memory: MemoryHost;
}
