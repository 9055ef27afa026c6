import type { MemoryHost } from '../types.js';

/** Linear memory of the pure-TypeScript backend: a plain ArrayBuffer that is replaced to grow. */
export class JsMemory implements MemoryHost {
  /** Pointer 0 means "no buffer" to the kernels (e.g. no sample weights), so allocation starts above it. */
  readonly base = 16;
  private current: ArrayBuffer;
  private view: Float64Array;
  private indexView: Int32Array;

  constructor(initialBytes = 1 << 20) {
    this.current = new ArrayBuffer(initialBytes);
    this.view = new Float64Array(this.current);
    this.indexView = new Int32Array(this.current);
  }

  get buffer(): ArrayBuffer {
    return this.current;
  }

  /** The whole memory as float64; kernels index it with `ptr / 8`. */
  get f64(): Float64Array {
    return this.view;
  }

  /** The whole memory as int32, for row-index lists; kernels index it with `ptr / 4`. */
  get i32(): Int32Array {
    return this.indexView;
  }

  ensure(bytes: number, live: number): void {
    if (bytes <= this.current.byteLength) return;
    const next = new ArrayBuffer(roundUp(Math.max(bytes, this.current.byteLength * 1.5), 65536));
    if (live > 0) new Uint8Array(next).set(new Uint8Array(this.current, 0, Math.min(live, this.current.byteLength)));
    this.current = next;
    this.view = new Float64Array(next);
    this.indexView = new Int32Array(next);
  }
}

function roundUp(value: number, multiple: number): number {
  return Math.ceil(value / multiple) * multiple;
}
