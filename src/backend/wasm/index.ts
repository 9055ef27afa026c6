import { KERNEL_NAMES, type Backend, type Kernels } from '../types.js';
import { WasmMemory } from './memory.js';

/**
 * The wasm-SIMD backend over a compiled module. The kernel object keeps its identity while
 * its functions are rebound to each new instance (see WasmMemory), so callers never cache
 * anything stale.
 */
export function createWasmBackend(module: WebAssembly.Module): Backend {
  const kernels = {} as Record<string, unknown>;
  const bind = (exports: WebAssembly.Exports): void => {
    for (const name of KERNEL_NAMES) {
      const fn = exports[name];
      if (typeof fn !== 'function') throw new Error(`linfit.wasm does not export the kernel '${name}'`);
      kernels[name] = fn;
    }
  };
  const memory = new WasmMemory(module, bind);
  return { name: 'wasm-simd', kernels: kernels as unknown as Kernels, memory };
}
