/**
 * linfit: linear and logistic regression for JavaScript, on SIMD WebAssembly kernels with a
 * pure-TypeScript fallback. See README.md and API.md.
 */
export { init, backendName, setBackend, type BackendName, type WasmSource } from './runtime/select.js';
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
  LinearRegression, Ridge, Lasso, ElasticNet,
  type LinearRegressionOptions, type LinearPenalty, type LinearSolver,
} from './models/linear-regression.js';
export { lassoPath, type LassoPathOptions, type LassoPathResult } from './models/lasso-path.js';
export { LogisticRegression, type LogisticRegressionOptions, type LogisticSolver } from './models/logistic-regression.js';
export { PoissonRegressor, type PoissonRegressorOptions } from './models/poisson-regressor.js';
export { HuberRegressor, type HuberRegressorOptions } from './models/huber-regressor.js';
export type { GlmSolver } from './models/regressor.js';
export type { TrainOptions } from './models/train-options.js';
export type { EpochInfo } from './solvers/gradient.js';
export type { OptimizerName, OptimizerSpec } from './optim/index.js';
export * as schedules from './schedules/index.js';
export { minimize, checkGradient, type MinimizeOptions, type MinimizeResult, type Objective, type GradientCheck } from './minimize.js';
export type { Label } from './validate.js';
export { loadModel } from './persist.js';
export { loadCommute, loadIris } from './datasets/index.js';
