/**
 * Every model, as the public API exports it; loadModel's registry is derived from this list
 * (each class's static typeName and fromJSON), so a new model is added here once.
 */
export {
  LinearRegression, Ridge, Lasso, ElasticNet,
  type LinearRegressionOptions, type LinearPenalty, type LinearSolver,
} from './linear-regression.js';
export { LogisticRegression, type LogisticRegressionOptions, type LogisticSolver, type LogisticHistory } from './logistic-regression.js';
export { PoissonRegressor, type PoissonRegressorOptions } from './poisson-regressor.js';
export { HuberRegressor, type HuberRegressorOptions } from './huber-regressor.js';
export type { GlmSolver } from './regressor.js';
export type { FitHistory } from './linear-model.js';
export type { TrainOptions } from './train-options.js';
export { lassoPath, type LassoPathOptions, type LassoPathResult } from './lasso-path.js';
export { GammaRegressor, type GammaRegressorOptions } from './gamma-regressor.js';
