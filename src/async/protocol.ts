/**
 * What crosses between the calling thread and a fitAsync worker: structured-clone safe data
 * only (no functions, no class instances). X, y and sampleWeight travel as transferred
 * Float64Array buffers (one copy, made on the calling thread, never per epoch).
 */
import type { LinfitErrorCode } from '../errors.js';
import type { Label } from '../validate.js';

/** An unfitted estimator as data: its JSON type and constructor options, or a pipeline's steps. */
export type EstimatorConfig =
  | { type: string; options: Record<string, unknown> }
  | { type: 'Pipeline'; steps: EstimatorConfig[] };

/** What a fit reports while it runs (throttled): epochs for the gradient solvers, iterations for the exact ones. */
export interface FitProgress {
  epoch?: number;
  iteration?: number;
  loss: number;
  valLoss?: number;
  gradNorm?: number;
  learningRate?: number;
}

export interface FitRequest {
  id: number;
  config: EstimatorConfig;
  backend: 'wasm-simd' | 'js';
  X: { rows: number; cols: number; data: Float64Array };
  /** Numeric targets as float64; labels as an array; absent for transformers. */
  y?: Float64Array | Label[];
  sampleWeight?: Float64Array;
}

export type FitResponse =
  | { id: number; kind: 'progress'; progress: FitProgress }
  | { id: number; kind: 'done'; json: object }
  | { id: number; kind: 'error'; error: { code?: LinfitErrorCode; message: string } };

/** Each estimator's method that takes the fitted state of another instance of its class (one decoded from a worker's JSON). */
export const ADOPT = Symbol('linfit.adopt');
