import { LinfitError } from './errors.js';
import * as models from './models/index.js';
import { Pipeline, type Estimator, type Transformer } from './pipeline.js';
import * as preprocessing from './preprocessing/index.js';

const FORMAT_VERSION = 1;

interface Loadable {
  typeName: string;
  fromJSON(json: never): unknown;
}

const isLoadable = (value: unknown): value is Loadable =>
  typeof value === 'function' && typeof (value as Partial<Loadable>).typeName === 'string' && typeof (value as Partial<Loadable>).fromJSON === 'function';

/** JSON type → loader: every model and transformer class, and Pipeline (whose steps load recursively). */
const loaders: Record<string, (json: never) => unknown> = Object.fromEntries([
  ...([...Object.values(models), ...Object.values(preprocessing)] as unknown[]).filter(isLoadable).map((C) => [C.typeName, (json: never) => C.fromJSON(json)] as const),
  ['Pipeline', (json: { steps: unknown[] }) => new Pipeline(json.steps.map((s) => loadModel(s)) as [...Transformer[], Estimator])],
]);

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
