/**
 * What the column scalers share: statistics gathered by fit / partialFit (a scaler gives the
 * merge), and transform / inverseTransform as one affine map (x − shift)·scale per column by
 * the affineColumns kernel (a scaler gives both maps from its statistics).
 */
import { fitInWorker, type FitAsyncOptions } from '../async/fit-async.js';
import { ADOPT, type EstimatorConfig } from '../async/protocol.js';
import { notFitted } from '../errors.js';
import type { Matrix } from '../matrix.js';
import { asMatrix, assertColumns, type MatrixLike } from '../validate.js';
import { affineColumns } from './affine.js';

/** (x − shift)·scale per column; null leaves that part out. */
export interface ColumnMap {
  shift: Float64Array | null;
  scale: Float64Array | null;
}

export abstract class ColumnScaler<S> {
  protected stats?: S;

  /** The statistics of `previous` (if any) and the rows of X together; throws before anything changes. */
  protected abstract merge(previous: S | undefined, X: MatrixLike): S;
  /** How many columns the statistics describe. */
  protected abstract columns(stats: S): number;
  protected abstract forward(stats: S): ColumnMap;
  protected abstract backward(stats: S): ColumnMap;
  /** The per-column factor (see each scaler). */
  protected abstract scaleOf(stats: S): Float64Array;

  /** The name in JSON and messages: the class's static typeName (fixed: bundlers may rename classes). */
  get typeName(): string {
    return (this.constructor as unknown as { typeName: string }).typeName;
  }

  fit(X: MatrixLike): this {
    this.stats = this.merge(undefined, X);
    return this;
  }

  /** fit in a worker (see LinearModel.fitAsync); the scaler is unchanged until it succeeds. */
  async fitAsync(X: MatrixLike, options: Omit<FitAsyncOptions, 'sampleWeight'> = {}): Promise<this> {
    const json = await fitInWorker(this.configJSON(), X, undefined, options);
    this[ADOPT]((this.constructor as unknown as { fromJSON(json: object): unknown }).fromJSON(json) as this);
    return this;
  }

  /** The unfitted scaler as data (its type and options), for a fitAsync worker. */
  abstract configJSON(): EstimatorConfig;

  [ADOPT](other: this): void {
    this.stats = other.stats;
  }

  /** Updates the statistics with another batch of rows. */
  partialFit(X: MatrixLike): this {
    this.stats = this.merge(this.stats, X);
    return this;
  }

  transform(X: MatrixLike): Matrix {
    return this.apply(X, this.forward);
  }

  fitTransform(X: MatrixLike): Matrix {
    return this.fit(X).transform(X);
  }

  inverseTransform(X: MatrixLike): Matrix {
    return this.apply(X, this.backward);
  }

  /** The per-column scale: the standard deviation StandardScaler divides by, the factor MinMaxScaler multiplies by. */
  get scale(): Float64Array {
    return this.scaleOf(this.state());
  }

  get isFitted(): boolean {
    return this.stats !== undefined;
  }

  protected state(): S {
    if (!this.stats) throw notFitted(this.typeName);
    return this.stats;
  }

  private apply(X: MatrixLike, map: (stats: S) => ColumnMap): Matrix {
    const stats = this.state();
    const M = asMatrix(X);
    assertColumns(M, this.columns(stats));
    const { shift, scale } = map.call(this, stats);
    return affineColumns(M, shift, scale);
  }
}
