import { notFitted } from '../errors.js';
import { finiteArray, finiteNumber } from '../json.js';
import type { Matrix } from '../matrix.js';
import { asMatrix, assertColumns, booleanOption, checkOptionNames, type MatrixLike } from '../validate.js';
import { affineColumns, columnMoments } from './affine.js';

export interface StandardScalerOptions {
  withMean?: boolean;
  withStd?: boolean;
}

interface Moments {
  count: number;
  mean: Float64Array;
  variance: Float64Array;
}

/**
 * z-scores: (x − mean) / scale per column, with the population standard deviation (ddof = 0)
 * as scale and 1 for constant columns, as scikit-learn's StandardScaler.
 */
export class StandardScaler {
  /** The name in JSON (fixed: bundlers may rename classes). */
  static readonly typeName = 'StandardScaler';
  readonly withMean: boolean;
  readonly withStd: boolean;
  private moments?: Moments;

  constructor(options: StandardScalerOptions = {}) {
    const o = checkOptionNames(options, ['withMean', 'withStd'], 'StandardScaler');
    this.withMean = booleanOption(o.withMean ?? true, 'withMean', 'StandardScaler');
    this.withStd = booleanOption(o.withStd ?? true, 'withStd', 'StandardScaler');
  }

  fit(X: MatrixLike): this {
    this.moments = merged(undefined, X);
    return this;
  }

  /** Updates the statistics with another batch of rows (Chan et al.'s pairwise merge). */
  partialFit(X: MatrixLike): this {
    this.moments = merged(this.moments, X);
    return this;
  }

  transform(X: MatrixLike): Matrix {
    const m = this.state();
    const M = asMatrix(X);
    assertColumns(M, m.mean.length);
    return affineColumns(M, this.withMean ? m.mean : null, this.withStd ? invert(this.scale) : null);
  }

  fitTransform(X: MatrixLike): Matrix {
    return this.fit(X).transform(X);
  }

  inverseTransform(X: MatrixLike): Matrix {
    const m = this.state();
    const M = asMatrix(X);
    assertColumns(M, m.mean.length);
    const scale = this.withStd ? this.scale : new Float64Array(m.mean.length).fill(1);
    // x·s + μ written as (x − (−μ/s))·s, the kernel's form.
    const shift = this.withMean ? m.mean.map((mu, j) => -mu / scale[j]) : null;
    return affineColumns(M, shift, this.withStd ? scale : null);
  }

  get mean(): Float64Array {
    return this.state().mean.slice();
  }

  get variance(): Float64Array {
    return this.state().variance.slice();
  }

  /** Population standard deviation per column; 1 where the column is constant. */
  get scale(): Float64Array {
    const m = this.state();
    return m.variance.map((v, j) => (isConstant(v, m.mean[j], m.count) ? 1 : Math.sqrt(v)));
  }

  get nSamplesSeen(): number {
    return this.state().count;
  }

  toJSON(): StandardScalerJSON {
    const m = this.state();
    return {
      format: 'linfit', version: 1, type: 'StandardScaler',
      options: { withMean: this.withMean, withStd: this.withStd },
      count: m.count, mean: Array.from(m.mean), variance: Array.from(m.variance),
    };
  }

  static fromJSON(json: StandardScalerJSON): StandardScaler {
    const scaler = new StandardScaler(json.options);
    const mean = finiteArray(json.mean, 'mean', 'StandardScaler');
    const variance = finiteArray(json.variance, 'variance', 'StandardScaler', mean.length);
    scaler.moments = { count: finiteNumber(json.count, 'count', 'StandardScaler'), mean, variance };
    return scaler;
  }

  private state(): Moments {
    if (!this.moments) throw notFitted('StandardScaler');
    return this.moments;
  }
}

export interface StandardScalerJSON {
  format: 'linfit';
  version: 1;
  type: 'StandardScaler';
  options: Required<StandardScalerOptions>;
  count: number;
  mean: number[];
  variance: number[];
}

/** The statistics of `prev` and the rows of X together; throws before anything changes. */
function merged(prev: Moments | undefined, X: MatrixLike): Moments {
  const M = asMatrix(X);
  if (prev) assertColumns(M, prev.mean.length);
  const batch = columnMoments(M);
  if (!prev) return { count: M.rows, ...batch };
  const count = prev.count + M.rows;
  const mean = new Float64Array(M.cols);
  const variance = new Float64Array(M.cols);
  for (let j = 0; j < M.cols; j++) {
    const delta = batch.mean[j] - prev.mean[j];
    mean[j] = prev.mean[j] + (delta * M.rows) / count;
    const m2 = prev.variance[j] * prev.count + batch.variance[j] * M.rows + (delta * delta * prev.count * M.rows) / count;
    variance[j] = m2 / count;
  }
  return { count, mean, variance };
}

/**
 * A variance this small is rounding noise of a constant column (scikit-learn's bound:
 * the error of the two-pass variance is at most n·ε·var + (n·mean·ε)²).
 */
function isConstant(variance: number, mean: number, count: number): boolean {
  const eps = Number.EPSILON;
  return variance <= count * eps * variance + (count * mean * eps) ** 2;
}

function invert(v: Float64Array): Float64Array {
  return v.map((x) => 1 / x);
}
