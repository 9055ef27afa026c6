import { fitInWorker, type FitAsyncOptions } from './async/fit-async.js';
import { ADOPT, type EstimatorConfig } from './async/protocol.js';
import { LinfitError } from './errors.js';
import type { Matrix } from './matrix.js';
import type { MatrixLike } from './validate.js';

export interface Transformer {
  fit(X: MatrixLike): unknown;
  transform(X: MatrixLike): Matrix;
  fitTransform(X: MatrixLike): Matrix;
  toJSON(): object;
}

export interface Estimator {
  fit(X: MatrixLike, y: ArrayLike<number> | ArrayLike<string>, options?: { sampleWeight?: ArrayLike<number> }): unknown;
  predict(X: MatrixLike): ArrayLike<number> | ArrayLike<string> | ArrayLike<number | string>;
  score(X: MatrixLike, y: ArrayLike<number> | ArrayLike<string>): number;
  predictProba?(X: MatrixLike): Matrix;
  toJSON(): object;
}

/**
 * Transformers followed by a model, fitted and applied as one: fit runs fitTransform through
 * every step and fits the model on the result; predict transforms and predicts.
 *
 * @example
 * const model = new Pipeline([new StandardScaler(), new LinearRegression()]).fit([[1, 10], [2, 30], [3, 20]], [3, 5, 7]);
 * model.predict([[4, 0]])[0]; // ≈ 9
 */
export class Pipeline<M extends Estimator = Estimator> {
  readonly steps: readonly [...Transformer[], M];

  constructor(steps: readonly [...Transformer[], M]) {
    if (!Array.isArray(steps) || steps.length === 0) {
      throw new LinfitError('BAD_OPTION', 'Pipeline: steps must be a non-empty array ending with a model');
    }
    steps.forEach((step, i) => {
      const last = i === steps.length - 1;
      const needs = last ? ['fit', 'predict', 'score'] : ['fit', 'transform', 'fitTransform'];
      for (const method of needs) {
        if (typeof (step as unknown as Record<string, unknown>)[method] !== 'function') {
          throw new LinfitError('BAD_OPTION', `Pipeline: step ${i} has no ${method}() (${last ? 'the last step must be a model' : 'steps before the last must be transformers'})`);
        }
      }
    });
    this.steps = steps;
  }

  get model(): M {
    return this.steps[this.steps.length - 1] as M;
  }

  private get transformers(): Transformer[] {
    return this.steps.slice(0, -1) as Transformer[];
  }

  /**
   * Fits every step in turn. A failure leaves the pipeline as it was: the steps are fitted as
   * shallow copies, which are swapped in only when every step has succeeded (linfit's
   * estimators replace their fitted state on fit, never mutate it). `sampleWeight` goes to the model.
   */
  fit(X: MatrixLike, y: ArrayLike<number> | ArrayLike<string>, options?: { sampleWeight?: ArrayLike<number> }): this {
    const copies = this.steps.map(shallowCopy);
    let data: MatrixLike = X;
    for (const t of copies.slice(0, -1) as Transformer[]) data = t.fitTransform(data);
    (copies[copies.length - 1] as M).fit(data, y, options);
    this.steps.forEach((step, i) => Object.assign(step, copies[i]));
    return this;
  }

  /** fit in a worker (see LinearModel.fitAsync): every step is fitted there, and swapped in here only on success. */
  async fitAsync(X: MatrixLike, y: ArrayLike<number> | ArrayLike<string>, options: FitAsyncOptions = {}): Promise<this> {
    const json = (await fitInWorker(this.configJSON(), X, y, options)) as PipelineJSON;
    const fitted = this.steps.map((step, i) => (step.constructor as unknown as { fromJSON(json: object): unknown }).fromJSON(json.steps[i]));
    this.steps.forEach((step, i) => (step as unknown as Adoptable)[ADOPT](fitted[i]));
    return this;
  }

  /** The unfitted pipeline as data (each step's type and options), for a fitAsync worker. */
  configJSON(): EstimatorConfig {
    return {
      type: 'Pipeline',
      steps: this.steps.map((step, i) => {
        const s = step as unknown as Partial<Adoptable>;
        if (typeof s.configJSON !== 'function' || typeof s[ADOPT] !== 'function') {
          throw new LinfitError('BAD_OPTION', `Pipeline.fitAsync: step ${i} is not a linfit estimator, so it cannot be fitted in a worker`);
        }
        return s.configJSON();
      }),
    };
  }

  transform(X: MatrixLike): MatrixLike {
    let data: MatrixLike = X;
    for (const t of this.transformers) data = t.transform(data);
    return data;
  }

  predict(X: MatrixLike): ReturnType<M['predict']> {
    return this.model.predict(this.transform(X)) as ReturnType<M['predict']>;
  }

  predictProba(X: MatrixLike): Matrix {
    if (!this.model.predictProba) throw new LinfitError('BAD_OPTION', 'Pipeline: the final model has no predictProba()');
    return this.model.predictProba(this.transform(X));
  }

  score(X: MatrixLike, y: ArrayLike<number> | ArrayLike<string>): number {
    return this.model.score(this.transform(X), y);
  }

  toJSON(): PipelineJSON {
    return { format: 'linfit', version: 1, type: 'Pipeline', steps: this.steps.map((s) => s.toJSON()) };
  }
}

interface Adoptable {
  configJSON(): EstimatorConfig;
  [ADOPT](other: unknown): void;
}

/** A new object with the step's prototype and own fields: fitting it leaves the step untouched. */
function shallowCopy<T extends object>(step: T): T {
  return Object.assign(Object.create(Object.getPrototypeOf(step)) as T, step);
}

export interface PipelineJSON {
  format: 'linfit';
  version: 1;
  type: 'Pipeline';
  steps: object[];
}
