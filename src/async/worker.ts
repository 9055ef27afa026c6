/**
 * The fitAsync worker: builds the estimator from its config, fits it on the transferred data
 * with the same code and backend as the calling thread, reports progress (at most every
 * PROGRESS_MS), and answers with toJSON(), which the caller adopts (bit for bit the model
 * fit() would have produced there).
 */
import { LinfitError } from '../errors.js';
import { Matrix } from '../matrix.js';
import * as models from '../models/index.js';
import { REPORT } from '../models/linear-model.js';
import { restoreOptions } from '../models/train-state-json.js';
import { Pipeline, type Estimator, type Transformer } from '../pipeline.js';
import * as preprocessing from '../preprocessing/index.js';
import { setBackend } from '../runtime/select.js';
import type { EstimatorConfig, FitProgress, FitRequest, FitResponse } from './protocol.js';

const PROGRESS_MS = 50;

type Constructor = new (options: Record<string, unknown>) => unknown;
const CLASSES = new Map<string, Constructor>(
  ([...Object.values(models), ...Object.values(preprocessing)] as unknown[])
    .filter((v): v is Constructor & { typeName: string } => typeof v === 'function' && typeof (v as { typeName?: unknown }).typeName === 'string')
    .map((C) => [C.typeName, C]),
);

function build(config: EstimatorConfig): unknown {
  if ('steps' in config) return new Pipeline(config.steps.map(build) as [...Transformer[], Estimator]);
  const C = CLASSES.get(config.type);
  if (!C) throw new LinfitError('BAD_OPTION', `fitAsync: unknown estimator type '${config.type}'`);
  // configJSON() writes a schedule as its spec; the constructor takes the schedule.
  return new C(config.options.schedule ? restoreOptions(config.options) : config.options);
}

function handle(request: FitRequest, post: (message: FitResponse) => void): void {
  try {
    setBackend(request.backend === 'js' ? 'js' : 'wasm');
    const estimator = build(request.config) as { fit(...args: unknown[]): unknown; toJSON(): object };
    // The model that runs a solver (a pipeline's last step) reports through REPORT.
    const model = (estimator instanceof Pipeline ? estimator.model : estimator) as { [REPORT]?: (p: FitProgress) => void };
    let last = 0;
    model[REPORT] = (progress) => {
      const now = Date.now();
      if (now - last < PROGRESS_MS) return;
      last = now;
      post({ id: request.id, kind: 'progress', progress });
    };
    const { rows, cols, data } = request.X;
    const X = new Matrix(rows, cols, data);
    if (request.y === undefined) estimator.fit(X);
    else estimator.fit(X, request.y, request.sampleWeight ? { sampleWeight: request.sampleWeight } : undefined);
    post({ id: request.id, kind: 'done', json: estimator.toJSON() });
  } catch (err) {
    const e = err as { code?: LinfitError['code']; message?: string };
    post({ id: request.id, kind: 'error', error: { code: err instanceof LinfitError ? e.code : undefined, message: String(e.message ?? err) } });
  }
}

const threads = typeof process !== 'undefined' ? (process.getBuiltinModule?.('node:worker_threads') as typeof import('node:worker_threads') | undefined) : undefined;
if (threads?.parentPort) {
  const port = threads.parentPort;
  port.on('message', (request: FitRequest) => handle(request, (m) => port.postMessage(m)));
} else {
  const scope = globalThis as unknown as { onmessage: (event: MessageEvent<FitRequest>) => void; postMessage(m: FitResponse): void };
  scope.onmessage = (event) => handle(event.data, (m) => scope.postMessage(m));
}
