import { LinfitError } from './errors.js';

/** A dense row-major float64 matrix. */
export class Matrix {
  readonly data: Float64Array;

  constructor(
    readonly rows: number,
    readonly cols: number,
    data?: Float64Array | ArrayLike<number>,
  ) {
    if (!Number.isInteger(rows) || !Number.isInteger(cols) || rows < 0 || cols < 0) {
      throw new LinfitError('SHAPE_MISMATCH', `Matrix: rows and cols must be non-negative integers, got ${rows}×${cols}`);
    }
    if (data === undefined) {
      this.data = new Float64Array(rows * cols);
    } else {
      if (data.length !== rows * cols) {
        throw new LinfitError('SHAPE_MISMATCH', `Matrix: ${rows}×${cols} needs ${rows * cols} values, got ${data.length}`);
      }
      this.data = data instanceof Float64Array ? data : Float64Array.from(data);
    }
  }

  /** Builds a matrix from rows of equal length (copies). */
  static from(rows: ArrayLike<ArrayLike<number>>): Matrix {
    const n = rows.length;
    const d = n > 0 && rows[0] != null ? rows[0].length : 0;
    const out = new Matrix(n, d);
    for (let i = 0; i < n; i++) {
      const row = rows[i];
      if (row == null || typeof row !== 'object') {
        throw new LinfitError('SHAPE_MISMATCH', `row ${i} is ${row === null ? 'null' : typeof row}, not an array of numbers`);
      }
      if (row.length !== d) {
        throw new LinfitError('SHAPE_MISMATCH', `row ${i} has ${row.length} values, row 0 has ${d}`);
      }
      for (let j = 0; j < d; j++) out.data[i * d + j] = row[j];
    }
    return out;
  }

  get(i: number, j: number): number {
    return this.data[i * this.cols + j];
  }

  /** A copy of row i. */
  row(i: number): Float64Array {
    return this.data.slice(i * this.cols, (i + 1) * this.cols);
  }

  toArray(): number[][] {
    const out: number[][] = [];
    for (let i = 0; i < this.rows; i++) out.push(Array.from(this.row(i)));
    return out;
  }
}
