/**
 * linfit: linear and logistic regression for JavaScript, on SIMD WebAssembly kernels with a
 * pure-TypeScript fallback. See README.md and API.md.
 */
export { init, backendName, setBackend, type BackendName, type WasmSource } from './runtime/select.js';
export { terminate } from './async/pool.js';
export type { FitAsyncOptions, FitProgress } from './async/fit-async.js';
export { LinfitError, type LinfitErrorCode } from './errors.js';
export { Matrix } from './matrix.js';
export type { MatrixLike } from './validate.js';

export * from './data/index.js';
export * from './metrics/index.js';

export * from './preprocessing/index.js';
export { Pipeline, type Estimator, type Transformer } from './pipeline.js';

export * from './models/index.js';
export type { EpochInfo } from './solvers/gradient.js';
export type { OptimizerName, OptimizerSpec } from './optim/index.js';
export * as schedules from './schedules/index.js';
export { minimize, checkGradient, type MinimizeOptions, type MinimizeResult, type Objective, type GradientCheck } from './minimize.js';
export type { Label } from './validate.js';
export { loadModel } from './persist.js';
export { loadCommute, loadIris } from './datasets/index.js';
