/**
 * The fitAsync workers: created on first use, reused, at most one per core, unreferenced while
 * idle so a Node process exits on its own; `terminate()` shuts them all down. Node runs them
 * as worker_threads, browsers as module Web Workers, behind one small Port adapter. The worker
 * script sits beside this module in dist/ (worker.js / worker.cjs); from the TypeScript sources
 * (tests) it is worker.ts, loaded through tsx.
 */
import { LinfitError } from '../errors.js';
import type { FitProgress, FitRequest, FitResponse } from './protocol.js';

interface Port {
  post(message: FitRequest, transfer: Transferable[]): void;
  onMessage(handler: (message: FitResponse) => void): void;
  onFailure(handler: (error: Error) => void): void;
  /** Whether an idle worker may keep the process alive (Node only). */
  hold(busy: boolean): void;
  terminate(): void;
}

interface Job {
  request: FitRequest;
  transfer: Transferable[];
  onProgress?: (progress: FitProgress) => void;
  resolve(json: object): void;
  reject(error: Error): void;
  port?: Port;
}

const idle: Port[] = [];
const busy = new Set<Port>();
const queue: Job[] = [];
let nextId = 1;

/** Runs one fit in a worker; `signal` aborts it (the worker is terminated: nothing of it survives). */
export function runInWorker(
  request: Omit<FitRequest, 'id'>, transfer: Transferable[],
  { signal, onProgress }: { signal?: AbortSignal; onProgress?: (progress: FitProgress) => void },
): Promise<object> {
  return new Promise((resolve, reject) => {
    const job: Job = { request: { ...request, id: nextId++ }, transfer, onProgress, resolve, reject };
    if (signal) {
      const abort = () => cancel(job, new LinfitError('ABORTED', 'fitAsync: aborted; the model is as it was before the call'));
      if (signal.aborted) return abort();
      signal.addEventListener('abort', abort, { once: true });
      const settle = (fn: (v: never) => void) => (v: never) => (signal.removeEventListener('abort', abort), fn(v));
      job.resolve = settle(resolve as (v: never) => void);
      job.reject = settle(reject as (v: never) => void);
    }
    queue.push(job);
    pump();
  });
}

/** Shuts every worker down (a running fitAsync rejects with ABORTED). The pool starts again on the next call. */
export function terminate(): void {
  for (const [port, job] of running) {
    running.delete(port);
    job.reject(new LinfitError('ABORTED', 'fitAsync: the worker pool was terminated'));
  }
  for (const port of [...idle, ...busy]) port.terminate();
  idle.length = 0;
  busy.clear();
  for (const job of queue.splice(0)) job.reject(new LinfitError('ABORTED', 'fitAsync: the worker pool was terminated'));
}

function pump(): void {
  while (queue.length > 0 && (idle.length > 0 || busy.size < poolSize())) {
    const job = queue.shift()!;
    const port = idle.pop() ?? spawn();
    busy.add(port);
    port.hold(true);
    job.port = port;
    running.set(port, job);
    port.post(job.request, job.transfer);
  }
}

const running = new Map<Port, Job>();

function finish(port: Port, healthy: boolean): void {
  running.delete(port);
  busy.delete(port);
  if (healthy) {
    port.hold(false);
    idle.push(port);
  } else {
    port.terminate();
  }
  pump();
}

function cancel(job: Job, error: Error): void {
  const index = queue.indexOf(job);
  if (index >= 0) queue.splice(index, 1);
  else if (job.port) finish(job.port, false);
  job.reject(error);
}

function spawn(): Port {
  const port = isNode() ? nodePort() : browserPort();
  port.onMessage((message) => {
    const job = running.get(port);
    if (!job || message.id !== job.request.id) return;
    if (message.kind === 'progress') {
      job.onProgress?.(message.progress);
      return;
    }
    finish(port, true);
    if (message.kind === 'done') job.resolve(message.json);
    else job.reject(message.error.code ? new LinfitError(message.error.code, message.error.message) : new Error(message.error.message));
  });
  port.onFailure((error) => {
    const job = running.get(port);
    finish(port, false);
    job?.reject(new Error(`fitAsync: the worker failed (${error.message})`));
  });
  return port;
}

function poolSize(): number {
  const cores = isNode()
    ? (process.getBuiltinModule?.('node:os') as typeof import('node:os') | undefined)?.availableParallelism?.() ?? 1
    : globalThis.navigator?.hardwareConcurrency ?? 1;
  return Math.max(1, cores);
}

function isNode(): boolean {
  return typeof process !== 'undefined' && typeof process.versions?.node === 'string';
}

/** The worker script beside this module: worker.js (ESM), worker.cjs (CommonJS) or worker.ts (sources). */
function workerUrl(): URL {
  const here = import.meta.url;
  const ext = here.endsWith('.ts') ? '.ts' : here.endsWith('.cjs') ? '.cjs' : '.js';
  return new URL(`./worker${ext}`, here);
}

function nodePort(): Port {
  const threads = process.getBuiltinModule?.('node:worker_threads') as typeof import('node:worker_threads') | undefined;
  if (!threads) throw new LinfitError('NOT_INITIALIZED', 'fitAsync needs node:worker_threads (Node ≥ 20.16)');
  const url = workerUrl();
  // From the TypeScript sources (tests), the worker registers tsx before loading worker.ts:
  // Node 20 does not pass --import to workers.
  const worker = url.pathname.endsWith('.ts')
    ? new threads.Worker(`import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(url.href)}); })`, { eval: true })
    : new threads.Worker(url);
  return {
    post: (message, transfer) => worker.postMessage(message, transfer as never),
    onMessage: (handler) => worker.on('message', handler),
    onFailure: (handler) => {
      worker.on('error', handler);
      worker.on('exit', (code) => code !== 0 && handler(new Error(`exit code ${code}`)));
    },
    hold: (isBusy) => (isBusy ? worker.ref() : worker.unref()),
    terminate: () => void worker.terminate(),
  };
}

function browserPort(): Port {
  // The literal new URL('./worker.js', import.meta.url) lets bundlers (Vite, webpack) ship the worker.
  const worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
  return {
    post: (message, transfer) => worker.postMessage(message, transfer),
    onMessage: (handler) => worker.addEventListener('message', (event) => handler(event.data as FitResponse)),
    onFailure: (handler) => worker.addEventListener('error', (event) => handler(new Error(event.message))),
    hold: () => {},
    terminate: () => worker.terminate(),
  };
}
