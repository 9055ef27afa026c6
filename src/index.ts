/**
 * linfit: linear and logistic regression for JavaScript, on SIMD WebAssembly kernels with a
 * pure-TypeScript fallback. See README.md and API.md.
 */
export { init, backendName, setBackend, type BackendName, type WasmSource } from './backend/select.js';
export { LinfitError, type LinfitErrorCode } from './errors.js';
export { Matrix } from './matrix.js';
export type { MatrixLike } from './validate.js';

export * from './data/index.js';
export * from './metrics/index.js';

export { StandardScaler, type StandardScalerOptions } from './preprocessing/standard-scaler.js';
export { MinMaxScaler, type MinMaxScalerOptions } from './preprocessing/min-max-scaler.js';
export { PolynomialFeatures, type PolynomialFeaturesOptions } from './preprocessing/polynomial-features.js';
export { Pipeline, type Estimator, type Transformer } from './pipeline.js';

export {
  LinearRegression, Ridge,
  type LinearRegressionOptions, type RidgeOptions, type LinearPenalty,
} from './models/linear-regression.js';
export { loadModel } from './persist.js';
export { loadCommute, loadIris } from './datasets/index.js';
