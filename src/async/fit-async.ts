/**
 * fitAsync on the calling thread: validate and copy the data once, send the estimator's config
 * and the data to a worker, relay progress, and hand back the worker's toJSON() for the
 * estimator to adopt. Nothing of the estimator changes until the fit has succeeded.
 */
import { LinfitError } from '../errors.js';
import { backendName } from '../runtime/select.js';
import { asMatrix, type Label, type MatrixLike } from '../validate.js';
import { runInWorker } from './pool.js';
import type { EstimatorConfig, FitProgress, FitRequest } from './protocol.js';

export interface FitAsyncOptions {
  /** Aborting rejects with LinfitError('ABORTED') and leaves the model as it was. */
  signal?: AbortSignal;
  /** Called on the calling thread with the fit's progress, at most every 50 ms. */
  onProgress?: (progress: FitProgress) => void;
  sampleWeight?: ArrayLike<number>;
}

export type { FitProgress } from './protocol.js';

/** Runs `fit` for `config` in a worker; resolves with the fitted estimator's toJSON(). */
export async function fitInWorker(
  config: EstimatorConfig, X: MatrixLike, y: ArrayLike<number> | ArrayLike<Label> | undefined, options: FitAsyncOptions = {},
): Promise<object> {
  if (options.onProgress !== undefined && typeof options.onProgress !== 'function') {
    throw new LinfitError('BAD_OPTION', 'fitAsync: onProgress must be a function');
  }
  const M = asMatrix(X);
  // One copy, whose buffer is transferred: the caller's arrays are never detached or shared.
  const data = Float64Array.from(M.data);
  const transfer: Transferable[] = [data.buffer];
  // y and the weights as given (copied): the worker's fit checks them, with fit's own messages.
  let target: Float64Array | Label[] | undefined;
  if (y !== undefined) {
    const values = Array.from(y as ArrayLike<Label>);
    target = values.every((v) => typeof v === 'number') ? Float64Array.from(values as number[]) : values;
    if (target instanceof Float64Array) transfer.push(target.buffer);
  }
  let sampleWeight: Float64Array | undefined;
  if (options.sampleWeight !== undefined) {
    sampleWeight = Float64Array.from(Array.from(options.sampleWeight));
    transfer.push(sampleWeight.buffer);
  }
  const request: Omit<FitRequest, 'id'> = {
    config, backend: backendName(), X: { rows: M.rows, cols: M.cols, data }, ...(target ? { y: target } : {}), ...(sampleWeight ? { sampleWeight } : {}),
  };
  return runInWorker(request, transfer, options);
}

/** Options that cannot cross to a worker (functions other than schedules.*, signals) are refused by name. */
export function crossable(options: Record<string, unknown>, where: string): Record<string, unknown> {
  for (const [key, value] of Object.entries(options)) {
    if (key === 'onEpoch' && value !== undefined) {
      throw new LinfitError('BAD_OPTION', `${where}.fitAsync: onEpoch runs inside fit; with fitAsync use its onProgress (and signal to stop)`);
    }
    if (key === 'signal' && value !== undefined) {
      throw new LinfitError('BAD_OPTION', `${where}.fitAsync: pass the AbortSignal to fitAsync({ signal }), not to the constructor`);
    }
  }
  return options;
}
