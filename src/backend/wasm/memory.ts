import { LinfitError } from '../../errors.js';
import type { MemoryHost } from '../types.js';

const PAGE = 65536;
/** wasm32's ceiling: 65536 pages of 64 KiB. */
const MAX_PAGES = 65536;

/**
 * Linear memory of the wasm backend. The module imports its memory, so instead of growing
 * (which detaches every view over the old buffer and, in V8, makes typed-array access slower
 * process-wide) we instantiate the compiled module again over a fresh, larger memory whenever
 * nothing is live. Only when live data must survive do we fall back to `memory.grow`.
 */
export class WasmMemory implements MemoryHost {
  /** The first 64 KiB page is left to the module for its static data (math tables, ~11 KB). */
  readonly base = PAGE;
  private memory!: WebAssembly.Memory;
  private instanceExports!: WebAssembly.Exports;

  constructor(
    private readonly module: WebAssembly.Module,
    private readonly onInstance: (exports: WebAssembly.Exports) => void,
    initialBytes = 16 << 20,
  ) {
    this.instantiate(pagesFor(initialBytes));
  }

  get buffer(): ArrayBuffer {
    return this.memory.buffer;
  }

  get exports(): WebAssembly.Exports {
    return this.instanceExports;
  }

  ensure(bytes: number, live: number): void {
    const have = this.memory.buffer.byteLength;
    if (bytes <= have) return;
    // Head-room so a sequence of slightly larger fits does not re-instantiate every time.
    const pages = Math.min(MAX_PAGES, pagesFor(Math.max(bytes, have * 1.25)));
    if (pages * PAGE < bytes) throw outOfMemory(bytes, 'the wasm32 limit is 4 GiB');
    try {
      if (live <= this.base) this.instantiate(pages);
      else this.memory.grow(pages - have / PAGE);
    } catch (err) {
      throw outOfMemory(bytes, (err as Error).message);
    }
  }

  private instantiate(pages: number): void {
    this.memory = new WebAssembly.Memory({ initial: pages, maximum: MAX_PAGES });
    const instance = new WebAssembly.Instance(this.module, { env: { memory: this.memory } });
    this.instanceExports = instance.exports;
    this.onInstance(instance.exports);
  }
}

function outOfMemory(bytes: number, why: string): LinfitError {
  return new LinfitError('BAD_INPUT', `linfit needs ${(bytes / 2 ** 20).toFixed(0)} MiB of wasm memory for this data and could not get it (${why}); use fewer rows per call (partialFit) or setBackend('js')`);
}

function pagesFor(bytes: number): number {
  return Math.max(1, Math.ceil(bytes / PAGE));
}
