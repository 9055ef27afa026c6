import { LinfitError } from '../errors.js';
import { finiteArray } from '../json.js';
import { asFiniteMatrix, assertColumns, checkOptionNames, type MatrixLike } from '../validate.js';
import type { EstimatorConfig } from '../async/protocol.js';
import { ColumnScaler, type ColumnMap } from './column-scaler.js';

export interface MinMaxScalerOptions {
  featureRange?: [number, number];
}

interface Range {
  dataMin: Float64Array;
  dataMax: Float64Array;
}

/** Maps each column linearly onto featureRange (default [0, 1]); a constant column maps to its lower end. */
export class MinMaxScaler extends ColumnScaler<Range> {
  /** The name in JSON (fixed: bundlers may rename classes). */
  static readonly typeName = 'MinMaxScaler';
  readonly featureRange: [number, number];

  constructor(options: MinMaxScalerOptions = {}) {
    super();
    const o = checkOptionNames(options, ['featureRange'], 'MinMaxScaler');
    const range = o.featureRange ?? [0, 1];
    if (!Array.isArray(range) || range.length !== 2) {
      throw new LinfitError('BAD_OPTION', 'MinMaxScaler: featureRange must be [min, max]');
    }
    const [lo, hi] = range;
    if (!(Number.isFinite(lo) && Number.isFinite(hi) && lo < hi)) {
      throw new LinfitError('BAD_OPTION', `MinMaxScaler: featureRange must be [min, max] with min < max; got [${lo}, ${hi}]`);
    }
    this.featureRange = [lo, hi];
  }

  protected merge(previous: Range | undefined, X: MatrixLike): Range {
    return extremes(previous, X);
  }

  protected columns(r: Range): number {
    return r.dataMin.length;
  }

  /** x·scale + min with scale = (hi − lo)/(dataMax − dataMin), min = lo − dataMin·scale. */
  protected forward(r: Range): ColumnMap {
    const scale = this.scaleOf(r);
    const lo = this.featureRange[0];
    return { shift: r.dataMin.map((m, j) => m - lo / scale[j]), scale };
  }

  /** (x − lo)/scale + dataMin = (x − (lo − dataMin·scale))·(1/scale). */
  protected backward(r: Range): ColumnMap {
    const scale = this.scaleOf(r);
    const lo = this.featureRange[0];
    return { shift: r.dataMin.map((m, j) => lo - m * scale[j]), scale: scale.map((v) => 1 / v) };
  }

  configJSON(): EstimatorConfig {
    return { type: MinMaxScaler.typeName, options: { featureRange: [...this.featureRange] } };
  }

  get dataMin(): Float64Array {
    return this.state().dataMin.slice();
  }

  get dataMax(): Float64Array {
    return this.state().dataMax.slice();
  }

  /** Per-column factor (hi − lo)/(dataMax − dataMin), with a zero range treated as 1. */
  protected scaleOf(r: Range): Float64Array {
    const [lo, hi] = this.featureRange;
    return r.dataMax.map((mx, j) => (hi - lo) / (mx - r.dataMin[j] || 1));
  }

  toJSON(): MinMaxScalerJSON {
    const r = this.state();
    return {
      format: 'linfit', version: 1, type: 'MinMaxScaler',
      options: { featureRange: [...this.featureRange] },
      dataMin: Array.from(r.dataMin), dataMax: Array.from(r.dataMax),
    };
  }

  static fromJSON(json: MinMaxScalerJSON): MinMaxScaler {
    const scaler = new MinMaxScaler(json.options);
    const dataMin = finiteArray(json.dataMin, 'dataMin', 'MinMaxScaler');
    scaler.stats = { dataMin, dataMax: finiteArray(json.dataMax, 'dataMax', 'MinMaxScaler', dataMin.length) };
    return scaler;
  }
}

/** Column minima and maxima of `prev` and the rows of X together; throws before anything changes. */
function extremes(prev: Range | undefined, X: MatrixLike): Range {
  const M = asFiniteMatrix(X);
  if (prev) assertColumns(M, prev.dataMin.length);
  const dataMin = prev ? prev.dataMin.slice() : new Float64Array(M.cols).fill(Infinity);
  const dataMax = prev ? prev.dataMax.slice() : new Float64Array(M.cols).fill(-Infinity);
  for (let i = 0; i < M.rows; i++) {
    for (let j = 0; j < M.cols; j++) {
      const v = M.data[i * M.cols + j];
      if (v < dataMin[j]) dataMin[j] = v;
      if (v > dataMax[j]) dataMax[j] = v;
    }
  }
  return { dataMin, dataMax };
}

export interface MinMaxScalerJSON {
  format: 'linfit';
  version: 1;
  type: 'MinMaxScaler';
  options: { featureRange: [number, number] };
  dataMin: number[];
  dataMax: number[];
}
