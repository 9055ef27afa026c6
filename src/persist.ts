import { LinfitError } from './errors.js';
import { HuberRegressor } from './models/huber-regressor.js';
import { ElasticNet, Lasso, LinearRegression, Ridge } from './models/linear-regression.js';
import type { LinearModelJSON } from './models/linear-model.js';
import { LogisticRegression } from './models/logistic-regression.js';
import { PoissonRegressor } from './models/poisson-regressor.js';
import { Pipeline, type Estimator, type Transformer } from './pipeline.js';
import { MinMaxScaler, type MinMaxScalerJSON } from './preprocessing/min-max-scaler.js';
import { PolynomialFeatures, type PolynomialFeaturesJSON } from './preprocessing/polynomial-features.js';
import { StandardScaler, type StandardScalerJSON } from './preprocessing/standard-scaler.js';

const FORMAT_VERSION = 1;

const loaders: Record<string, (json: never) => unknown> = {
  LinearRegression: (json: LinearModelJSON) => LinearRegression.fromJSON(json),
  Ridge: (json: LinearModelJSON) => Ridge.fromJSON(json),
  Lasso: (json: LinearModelJSON) => Lasso.fromJSON(json),
  ElasticNet: (json: LinearModelJSON) => ElasticNet.fromJSON(json),
  LogisticRegression: (json: LinearModelJSON) => LogisticRegression.fromJSON(json),
  PoissonRegressor: (json: LinearModelJSON) => PoissonRegressor.fromJSON(json),
  HuberRegressor: (json: LinearModelJSON) => HuberRegressor.fromJSON(json),
  StandardScaler: (json: StandardScalerJSON) => StandardScaler.fromJSON(json),
  MinMaxScaler: (json: MinMaxScalerJSON) => MinMaxScaler.fromJSON(json),
  PolynomialFeatures: (json: PolynomialFeaturesJSON) => PolynomialFeatures.fromJSON(json),
  Pipeline: (json: { steps: unknown[] }) => new Pipeline(json.steps.map((s) => loadModel(s)) as [...Transformer[], Estimator]),
};

/**
 * Rebuilds a model, scaler or pipeline from its toJSON() output (an object or a JSON string).
 * Anything malformed or from another format version is a LinfitError('BAD_MODEL').
 */
export function loadModel(json: unknown): any {
  let value = json;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch (err) {
      throw new LinfitError('BAD_MODEL', `loadModel: not valid JSON (${(err as Error).message})`);
    }
  }
  if (value === null || typeof value !== 'object') throw new LinfitError('BAD_MODEL', 'loadModel: expected an object from toJSON()');
  const record = value as { format?: unknown; version?: unknown; type?: unknown };
  if (record.format !== 'linfit') throw new LinfitError('BAD_MODEL', "loadModel: not a linfit model (format is not 'linfit')");
  if (record.version !== FORMAT_VERSION) {
    throw new LinfitError('BAD_MODEL', `loadModel: format version ${String(record.version)} is not supported (this linfit reads version ${FORMAT_VERSION})`);
  }
  const load = typeof record.type === 'string' && Object.hasOwn(loaders, record.type) ? loaders[record.type] : undefined;
  if (!load) throw new LinfitError('BAD_MODEL', `loadModel: unknown model type ${JSON.stringify(record.type)}`);
  try {
    return load(value as never);
  } catch (err) {
    if (err instanceof LinfitError && err.code === 'BAD_MODEL') throw err;
    throw new LinfitError('BAD_MODEL', `loadModel: ${record.type} JSON is malformed (${(err as Error).message})`);
  }
}
