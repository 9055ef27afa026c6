import type { Backend, Kernels } from '../backend/types.js';
import { Matrix } from '../matrix.js';
import { nonFiniteError } from '../errors.js';

const ALIGN = 16;

/**
 * A stack allocator over a backend's linear memory. Fits open a `scope`, size it once with
 * `reserve` (so memory is set up before anything is live), allocate blocks, and everything is
 * released when the scope ends, whether it returns or throws.
 *
 * Views over the memory must be re-derived after any allocation: use `arena.f64` at the point
 * of use instead of keeping a Float64Array across calls.
 */
export class Arena {
  private top: number;
  private view: Float64Array;

  constructor(readonly backend: Backend) {
    this.top = backend.memory.base;
    this.view = new Float64Array(backend.memory.buffer);
  }

  get kernels(): Kernels {
    return this.backend.kernels;
  }

  /** The whole memory as float64, index = pointer / 8. */
  get f64(): Float64Array {
    const buffer = this.backend.memory.buffer;
    if (this.view.buffer !== buffer) this.view = new Float64Array(buffer);
    return this.view;
  }

  /** Bytes in use, from 0 (the module's own area) to the top of the stack. */
  get used(): number {
    return this.top;
  }

  /** Makes room for `count` more float64 values (plus alignment) without allocating them. */
  reserve(count: number, blocks = 1): void {
    this.backend.memory.ensure(this.top + count * 8 + blocks * ALIGN, this.top);
  }

  /** A 16-byte aligned block of `count` float64 values (contents unspecified). */
  alloc(count: number): number {
    const ptr = alignUp(this.top);
    const end = ptr + count * 8;
    this.backend.memory.ensure(end, this.top);
    this.top = end;
    return ptr;
  }

  /** A zero-filled block of `count` float64 values. */
  zeros(count: number): number {
    const ptr = this.alloc(count);
    this.f64.fill(0, ptr / 8, ptr / 8 + count);
    return ptr;
  }

  /** Copies `values` into a new block. */
  copyIn(values: ArrayLike<number>): number {
    const ptr = this.alloc(values.length);
    this.f64.set(values, ptr / 8);
    return ptr;
  }

  /** Copies a matrix in and checks, with the kernel, that every entry is finite. */
  copyInFinite(M: Matrix, what: string): number {
    const ptr = this.copyIn(M.data);
    const bad = this.kernels.firstNonFinite(M.data.length, ptr);
    if (bad >= 0) throw nonFiniteError(what, bad, M.cols, M.data[bad]);
    return ptr;
  }

  /** A fresh Float64Array holding `count` values from `ptr`. */
  read(ptr: number, count: number): Float64Array {
    return this.f64.slice(ptr / 8, ptr / 8 + count);
  }

  /** Runs `body`, then frees everything it allocated, even when it throws. */
  scope<T>(body: (arena: Arena) => T): T {
    const mark = this.top;
    try {
      return body(this);
    } finally {
      this.top = mark;
    }
  }
}

function alignUp(ptr: number): number {
  return Math.ceil(ptr / ALIGN) * ALIGN;
}
