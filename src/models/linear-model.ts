/**
 * The one linear-model base: every model is a loss with an inverse link, a penalty on the
 * weights, and a solver from its capability table. The base resolves the options from the
 * model's spec, runs the exact and gradient drivers, keeps one fitted-state shape (parameters
 * in the kernels' layout [W (K×d), b_1‥b_K]), the shared getters, partialFit and one JSON codec.
 * A model adds its loss, its target encoding and its predictions.
 */
import { fitInWorker, crossable, type FitAsyncOptions } from '../async/fit-async.js';
import { ADOPT, type EstimatorConfig, type FitProgress } from '../async/protocol.js';
import type { ExactFit } from '../fit/exact.js';
import { runExact, type ExactMethod } from '../fit/exact.js';
import { runGradient } from '../fit/gradient.js';
import type { FitData } from '../fit/load.js';
import { LinfitError, notFitted } from '../errors.js';
import { finiteArray, finiteNumber } from '../json.js';
import type { Loss } from '../losses/types.js';
import type { Matrix } from '../matrix.js';
import type { Penalty, PenaltyKind } from '../objective/index.js';
import type { Arena } from '../runtime/arena.js';
import { currentArena } from '../runtime/select.js';
import { initialState, type TrainState } from '../solvers/gradient.js';
import { booleanOption, checkOptionNames, numberIn, oneOf, type Label, type MatrixLike } from '../validate.js';
import { linearScores } from './predict.js';
import { TRAIN_OPTION_NAMES, resolveTrainOptions, trainConfig, type ResolvedTrainOptions, type TrainOptions } from './train-options.js';
import { optionsJSON, restoreOptions, restoreTrainState, trainStateJSON, type SavedTrainState } from './train-state-json.js';

/** Every solver a linear model can have, by family: closed form, coordinate descent, exact iterative, gradient. */
const FAMILIES = {
  auto: 'closed', normal: 'closed', qr: 'closed', cd: 'cd',
  lbfgs: 'exact', newton: 'exact', proximal: 'exact', gd: 'gradient', sgd: 'gradient',
} as const;
export type Solver = keyof typeof FAMILIES;
export type SolverFamily = (typeof FAMILIES)[Solver];

export interface CommonOptions extends TrainOptions {
  fitIntercept?: boolean;
  penalty?: PenaltyKind;
  alpha?: number;
  l1Ratio?: number;
  solver?: Solver;
}

/** What makes one model; everything else is shared. */
export interface LinearModelSpec {
  /** Option names the constructor accepts. */
  options: readonly string[];
  penalties: readonly PenaltyKind[];
  defaults: { penalty: PenaltyKind; alpha: number; l1Ratio: number };
  /** The capability table: each solver the model offers and the penalties it can minimise. */
  solvers: Partial<Record<Solver, readonly PenaltyKind[]>>;
  /** The solver when none (or 'auto') is asked for, given the penalty. */
  defaultSolver(penalty: PenaltyKind, asked: Solver | undefined): Solver;
  /** maxIter and tol of the exact and coordinate-descent solvers (the gradient solvers have TrainOptions'). */
  iterations: { maxIter: number; tol: number };
}

export interface FitHistory {
  loss: number[];
  valLoss?: number[];
  /** Gradient solvers: the learning rate of each epoch. */
  learningRate?: number[];
  /** Exact solvers: the optimality measure after each iteration (quadratic decay for Newton). */
  gradNorm?: number[];
}

export interface Diagnostics {
  nIter: number;
  converged: boolean;
  warning?: string;
  history?: FitHistory;
  /** Closed form by QR + SVD: numerical rank and singular values of the centred X. */
  rank?: number;
  singularValues?: Float64Array;
  /** Coordinate descent: the duality gap at the answer. */
  dualGap?: number;
}

/** The one fitted-state shape. */
export interface Fitted {
  /** The kernels' layout: [W (outputs×cols, row-major), b_1‥b_outputs]. */
  params: Float64Array;
  outputs: number;
  cols: number;
  solverUsed: Solver;
  diagnostics: Diagnostics;
  /** Gradient solvers: where partialFit resumes. */
  train?: TrainState;
  /** Classifiers: the sorted labels. */
  classes?: Label[];
}

/** A fit's encoded targets: what the loss reads, its output count, the effective row weights. */
export interface Encoded {
  target: Float64Array;
  outputs: number;
  sampleWeight?: Float64Array;
  classes?: Label[];
}

export interface LinearModelJSON {
  format: 'linfit';
  version: 1;
  type: string;
  options: Record<string, unknown>;
  cols: number;
  outputs: number;
  /** outputs × cols, row-major. */
  coef: number[];
  intercept: number[];
  solverUsed: Solver;
  classes?: Label[];
  nIter: number;
  converged: boolean;
  warning: string | null;
  history?: FitHistory;
  rank?: number;
  singularValues?: number[];
  dualGap?: number;
  /** Gradient solvers: the optimizer state partialFit resumes from. */
  state?: SavedTrainState;
}

/** Where a fitAsync worker sends a fit's progress: set by the worker only, never an option, never saved. */
export const REPORT = Symbol('linfit.report');

export abstract class LinearModel {
  readonly fitIntercept: boolean;
  readonly penalty: PenaltyKind;
  readonly alpha: number;
  readonly l1Ratio: number;
  readonly solver: Solver;
  /** The options as given (a copy), for toJSON. */
  protected readonly given: Record<string, unknown>;
  /** Gradient solvers' options; undefined for the others. */
  protected readonly train?: ResolvedTrainOptions;
  /** Exact and coordinate-descent solvers' limits. */
  protected readonly iterations?: { maxIter: number; tol: number };
  protected fitted?: Fitted;
  [REPORT]?: (progress: FitProgress) => void;

  /** What the model is, beyond the base: set once by its constructor. */
  protected readonly spec: LinearModelSpec;
  /** The loss for a fit with `outputs` outputs. */
  protected abstract makeLoss(arena: Arena, outputs: number): Loss;

  /** `given`: the options as the user wrote them, saved by toJSON (a preset adds its fixed penalty to `options` only). */
  protected constructor(options: CommonOptions, spec: LinearModelSpec, given: object = options) {
    const where = this.typeName;
    this.spec = spec;
    const o = checkOptionNames(options, spec.options, where);
    this.given = { ...given };
    this.fitIntercept = booleanOption(o.fitIntercept ?? true, 'fitIntercept', where);
    this.penalty = oneOf(o.penalty ?? spec.defaults.penalty, spec.penalties, 'penalty', where);
    if (this.penalty === 'none' && o.alpha !== undefined && o.alpha !== 0) {
      throw new LinfitError('BAD_OPTION', `${where}: alpha = ${o.alpha} has no effect with penalty 'none'; choose a penalty or drop alpha`);
    }
    this.alpha = this.penalty === 'none' ? 0 : numberIn(o.alpha ?? spec.defaults.alpha, 'alpha', where, { min: 0 });
    this.l1Ratio = numberIn(o.l1Ratio ?? spec.defaults.l1Ratio, 'l1Ratio', where, { min: 0, max: 1 });
    const offered = Object.keys(spec.solvers) as Solver[];
    const asked = o.solver === undefined ? undefined : oneOf(o.solver, offered, 'solver', where);
    this.solver = asked === undefined || asked === 'auto' ? spec.defaultSolver(this.penalty, asked) : asked;
    if (!spec.solvers[this.solver]!.includes(this.penalty)) {
      const able = offered.filter((s) => spec.solvers[s]!.includes(this.penalty)).map((s) => `'${s}'`).join(', ');
      throw new LinfitError('BAD_OPTION', `${where}: solver '${this.solver}' cannot minimise penalty '${this.penalty}'; solvers that can: ${able}`);
    }
    const family = FAMILIES[this.solver];
    if (family === 'gradient') {
      this.train = resolveTrainOptions(o, where, this.solver as 'gd' | 'sgd');
      return;
    }
    const iterative = family !== 'closed';
    const stray = TRAIN_OPTION_NAMES.find((name) => o[name] !== undefined && !(iterative && (name === 'maxIter' || name === 'tol')));
    if (stray) throw new LinfitError('BAD_OPTION', `${where}: ${stray} applies to the gradient solvers ('gd', 'sgd'), not solver '${this.solver}'`);
    if (iterative) {
      this.iterations = {
        maxIter: numberIn(o.maxIter ?? spec.iterations.maxIter, 'maxIter', where, { min: 1, integer: true }),
        tol: numberIn(o.tol ?? spec.iterations.tol, 'tol', where, { min: 0 }),
      };
    }
  }

  /** The model's name in JSON and messages: its class's static typeName (fixed: bundlers may rename classes). */
  get typeName(): string {
    return (this.constructor as unknown as { typeName: string }).typeName;
  }

  protected get family(): SolverFamily {
    return FAMILIES[this.solver];
  }

  protected penaltyObject(): Penalty {
    return { kind: this.penalty, alpha: this.alpha, l1Ratio: this.l1Ratio };
  }

  /** Fits the exact or gradient solver on encoded targets; only a completed fit replaces the state. */
  protected fitEncoded(X: Matrix, e: Encoded): void {
    const data: FitData = { X, target: e.target, sampleWeight: e.sampleWeight };
    let fitted: Fitted;
    if (this.train) {
      fitted = this.gradientFit(data, e.outputs, initialState(e.outputs * (X.cols + 1), this.train.optimizer, this.train.seed), false);
    } else if (this.family === 'exact') {
      const report = this[REPORT];
      const result = runExact(currentArena(), data, this.objectiveSpec(e.outputs), this.solver as ExactMethod, {
        ...this.iterations!, start: this.exactStart(data, e.outputs), scores: this.wantsScores(),
        ...(report ? { onIteration: (iteration: number, loss: number, gradNorm: number) => report({ iteration, loss, gradNorm }) } : {}),
      });
      fitted = this.fromExact(result, X.cols, e.outputs);
      this.afterExact(fitted, result, e.target);
    } else {
      fitted = this.fitDirect(data);
    }
    this.fitted = { ...fitted, ...(e.classes ? { classes: e.classes } : {}) };
  }

  /** partialFit is for the gradient solvers; checked before anything else about the call. */
  protected assertPartialFit(): void {
    if (!this.train) {
      throw new LinfitError('BAD_OPTION', `${this.typeName}: partialFit needs a gradient solver ('sgd' or 'gd'); this model uses '${this.solver}'`);
    }
  }

  /** One epoch of the gradient solver over (X, e), continuing from the current state. */
  protected partialFitEncoded(X: Matrix, e: Encoded): void {
    this.assertPartialFit();
    if (!this.train) return;
    const previous = this.fitted;
    if (previous && previous.cols !== X.cols) {
      throw new LinfitError('SHAPE_MISMATCH', `X has ${X.cols} columns but the model was fitted with ${previous.cols}`);
    }
    const start = previous?.train ?? initialState(e.outputs * (X.cols + 1), this.train.optimizer, this.train.seed);
    const next = this.gradientFit({ X, target: e.target, sampleWeight: e.sampleWeight }, e.outputs, start, true);
    if (previous) {
      const before = previous.diagnostics.history!, after = next.diagnostics.history!;
      next.diagnostics.history = {
        loss: [...before.loss, ...after.loss],
        learningRate: [...(before.learningRate ?? []), ...(after.learningRate ?? [])],
      };
      next.diagnostics.nIter += previous.diagnostics.nIter;
    }
    this.fitted = { ...next, ...(e.classes ? { classes: e.classes } : {}) };
  }

  private gradientFit(data: FitData, outputs: number, start: TrainState, partial: boolean): Fitted {
    const config = trainConfig(this.train!, data.X.rows, this.typeName, partial);
    const report = this[REPORT];
    if (report) {
      const onEpoch = config.onEpoch;
      config.onEpoch = (info) => {
        report({ epoch: info.epoch, loss: info.loss, learningRate: info.learningRate, ...(info.valLoss !== undefined ? { valLoss: info.valLoss } : {}) });
        return onEpoch?.(info);
      };
    }
    const r = runGradient(currentArena(), data, this.objectiveSpec(outputs), config, start);
    return {
      params: r.state.params, outputs, cols: data.X.cols, solverUsed: this.solver, train: r.state,
      diagnostics: { nIter: r.nIter, converged: r.converged, warning: r.warning, history: r.history },
    };
  }

  private objectiveSpec(outputs: number) {
    return { makeLoss: (arena: Arena) => this.makeLoss(arena, outputs), penalty: this.penaltyObject(), outputs, fitIntercept: this.fitIntercept };
  }

  private fromExact(r: ExactFit, cols: number, outputs: number): Fitted {
    return {
      params: r.params, outputs, cols, solverUsed: this.solver,
      diagnostics: { nIter: r.iterations, converged: r.converged, warning: r.warning, history: r.history },
    };
  }

  /**
   * fit in a worker: the calling thread is never blocked (see FitAsyncOptions). Resolves with
   * this model, fitted bit for bit as fit would have; on any failure or abort it is unchanged.
   */
  async fitAsync(X: MatrixLike, y: ArrayLike<number> | ArrayLike<Label>, options: FitAsyncOptions = {}): Promise<this> {
    const json = await fitInWorker(this.configJSON(), X, y, options);
    this[ADOPT]((this.constructor as unknown as { fromJSON(json: object): unknown }).fromJSON(json) as this);
    return this;
  }

  /** The unfitted model as data (its type and constructor options), for a fitAsync worker. */
  configJSON(): EstimatorConfig {
    crossable(this.given, this.typeName);
    return { type: this.typeName, options: this.train ? optionsJSON(this.given, this.train) : { ...this.given } };
  }

  [ADOPT](other: this): void {
    this.fitted = other.fitted;
  }

  /** Hooks with defaults: the exact solvers' starting point (default 0), scores at the answer, post-processing. */
  protected exactStart(_data: FitData, _outputs: number): Float64Array | undefined {
    return undefined;
  }
  protected wantsScores(): boolean {
    return false;
  }
  protected afterExact(_fitted: Fitted, _result: ExactFit, _target: Float64Array): void {}
  /** Closed-form and coordinate-descent fits (models whose spec offers them). */
  protected fitDirect(_data: FitData): Fitted {
    throw new Error(`${this.typeName} has no ${this.family} solver`);
  }

  /** X·W_kᵀ + b_k for every row and output (n×outputs, row-major). */
  protected scores(X: Parameters<typeof linearScores>[0]): { rows: number; scores: Float64Array } {
    const f = this.state();
    return linearScores(X, f.params, f.outputs);
  }

  get nFeaturesIn(): number {
    return this.state().cols;
  }

  /** Which solver produced the fit ('auto' resolves to one of these). */
  get solverUsed(): Solver {
    return this.state().solverUsed;
  }

  /** Per iteration (exact solvers: loss and optimality) or per epoch (gradient solvers: loss and rate); none for closed forms. */
  get history(): FitHistory | undefined {
    const h = this.state().diagnostics.history;
    return h && structuredClone(h);
  }

  /** Iterations, epochs or sweeps run; 1 for the closed forms. */
  get nIter(): number {
    return this.state().diagnostics.nIter;
  }

  get converged(): boolean {
    return this.state().diagnostics.converged;
  }

  get warning(): string | undefined {
    return this.state().diagnostics.warning;
  }

  get isFitted(): boolean {
    return this.fitted !== undefined;
  }

  protected state(): Fitted {
    if (!this.fitted) throw notFitted(this.typeName);
    return this.fitted;
  }

  toJSON(): LinearModelJSON {
    const f = this.state();
    const d = f.diagnostics;
    const weights = f.outputs * f.cols;
    return {
      format: 'linfit', version: 1, type: this.typeName,
      options: this.train ? optionsJSON(this.given, this.train) : { ...this.given },
      cols: f.cols, outputs: f.outputs,
      coef: Array.from(f.params.subarray(0, weights)),
      intercept: Array.from(f.params.subarray(weights)),
      solverUsed: f.solverUsed,
      ...(f.classes ? { classes: [...f.classes] } : {}),
      nIter: d.nIter, converged: d.converged, warning: d.warning ?? null,
      ...(d.history ? { history: structuredClone(d.history) } : {}),
      ...(d.rank !== undefined ? { rank: d.rank } : {}),
      ...(d.singularValues ? { singularValues: Array.from(d.singularValues) } : {}),
      ...(d.dualGap !== undefined ? { dualGap: d.dualGap } : {}),
      ...(f.train ? { state: trainStateJSON(f.train) } : {}),
    };
  }

  /** Rebuilds a fitted model from toJSON() output (see loadModel), as an instance of the class it is called on. */
  static fromJSON<T extends LinearModel>(this: new (options: never) => T, json: LinearModelJSON): T {
    return new this(restoreOptions(json.options) as never).restore(json);
  }

  /**
   * Restores the fitted state from toJSON() output (the options went to the constructor),
   * checking every field and their consistency; a classifier passes its validated classes.
   */
  protected restore(json: LinearModelJSON, classes?: Label[]): this {
    const type = this.typeName, where = `${type} JSON`;
    const cols = numberIn(json.cols, 'cols', where, { min: 1, integer: true });
    const outputs = numberIn(json.outputs, 'outputs', where, { min: 1, integer: true });
    const coef = finiteArray(json.coef, 'coef', type, outputs * cols);
    const intercept = finiteArray(json.intercept, 'intercept', type, outputs);
    const params = new Float64Array(coef.length + outputs);
    params.set(coef);
    params.set(intercept, coef.length);
    if (json.warning !== null && typeof json.warning !== 'string') throw new LinfitError('BAD_MODEL', `${where}: warning must be a string or null`);
    const diagnostics: Diagnostics = {
      nIter: numberIn(json.nIter, 'nIter', where, { min: 0, integer: true }),
      converged: booleanOption(json.converged, 'converged', where),
      ...(json.warning ? { warning: json.warning } : {}),
    };
    if (json.history !== undefined) diagnostics.history = restoreHistory(json.history, type);
    if (json.rank !== undefined) diagnostics.rank = numberIn(json.rank, 'rank', where, { min: 0, max: cols, integer: true });
    if (json.singularValues !== undefined) diagnostics.singularValues = finiteArray(json.singularValues, 'singularValues', type);
    if (json.dualGap !== undefined) diagnostics.dualGap = finiteNumber(json.dualGap, 'dualGap', type);
    const fitted: Fitted = {
      params, outputs, cols, diagnostics,
      solverUsed: oneOf(json.solverUsed, Object.keys(FAMILIES) as Solver[], 'solverUsed', where),
      ...(classes ? { classes } : {}),
    };
    if (this.train) {
      if (!json.state) throw new LinfitError('BAD_MODEL', `${where}: a gradient-trained model needs its state`);
      fitted.train = restoreTrainState(json.state, params, this.train.optimizer.slots);
      diagnostics.history ??= { loss: [], learningRate: [] };
    }
    this.fitted = fitted;
    return this;
  }
}

function restoreHistory(h: FitHistory, type: string): FitHistory {
  if (h === null || typeof h !== 'object') throw new LinfitError('BAD_MODEL', `${type} JSON: history must be an object`);
  const out: FitHistory = { loss: Array.from(finiteArray(h.loss ?? [], 'history.loss', type)) };
  for (const key of ['valLoss', 'learningRate', 'gradNorm'] as const) {
    // gradNorm starts at Infinity for FISTA, which JSON writes as null.
    if (h[key] === undefined) continue;
    if (!Array.isArray(h[key])) throw new LinfitError('BAD_MODEL', `${type} JSON: history.${key} must be an array`);
    out[key] = (h[key] as unknown[]).map((v) => (v === null || v === Infinity ? Infinity : finiteNumber(v, `history.${key}`, type)));
  }
  return out;
}
