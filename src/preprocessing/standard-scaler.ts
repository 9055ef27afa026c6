import { finiteArray, finiteNumber } from '../json.js';
import { asMatrix, assertColumns, booleanOption, checkOptionNames, type MatrixLike } from '../validate.js';
import { columnMoments } from './affine.js';
import type { EstimatorConfig } from '../async/protocol.js';
import { ColumnScaler, type ColumnMap } from './column-scaler.js';

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
export class StandardScaler extends ColumnScaler<Moments> {
  /** The name in JSON (fixed: bundlers may rename classes). */
  static readonly typeName = 'StandardScaler';
  readonly withMean: boolean;
  readonly withStd: boolean;

  constructor(options: StandardScalerOptions = {}) {
    super();
    const o = checkOptionNames(options, ['withMean', 'withStd'], 'StandardScaler');
    this.withMean = booleanOption(o.withMean ?? true, 'withMean', 'StandardScaler');
    this.withStd = booleanOption(o.withStd ?? true, 'withStd', 'StandardScaler');
  }

  /** Chan et al.'s pairwise merge of the counts, means and variances. */
  protected merge(previous: Moments | undefined, X: MatrixLike): Moments {
    return merged(previous, X);
  }

  protected columns(m: Moments): number {
    return m.mean.length;
  }

  protected forward(m: Moments): ColumnMap {
    return { shift: this.withMean ? m.mean : null, scale: this.withStd ? invert(this.scaleOf(m)) : null };
  }

  /** x·s + μ written as (x − (−μ/s))·s, the kernel's form. */
  protected backward(m: Moments): ColumnMap {
    const scale = this.withStd ? this.scaleOf(m) : new Float64Array(m.mean.length).fill(1);
    return { shift: this.withMean ? m.mean.map((mu, j) => -mu / scale[j]) : null, scale: this.withStd ? scale : null };
  }

  configJSON(): EstimatorConfig {
    return { type: StandardScaler.typeName, options: { withMean: this.withMean, withStd: this.withStd } };
  }

  get mean(): Float64Array {
    return this.state().mean.slice();
  }

  get variance(): Float64Array {
    return this.state().variance.slice();
  }

  /** Population standard deviation per column; 1 where the column is constant. */
  protected scaleOf(m: Moments): Float64Array {
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
    scaler.stats = { count: finiteNumber(json.count, 'count', 'StandardScaler'), mean, variance };
    return scaler;
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
