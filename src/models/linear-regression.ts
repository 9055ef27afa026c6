import { currentArena } from '../backend/select.js';
import { LinfitError, notFitted } from '../errors.js';
import { finiteArray, finiteNumber } from '../json.js';
import { r2Score } from '../metrics/regression.js';
import { fitLeastSquares, type ExactSolver } from '../solvers/least-squares.js';
import { asMatrix, asVector, booleanOption, checkOptionNames, numberIn, oneOf, type MatrixLike } from '../validate.js';
import { linearPredict } from './predict.js';

export type LinearPenalty = 'none' | 'l2';

export interface LinearRegressionOptions {
  fitIntercept?: boolean;
  /** 'l2' is ridge regression; 'l1' and 'elasticnet' arrive with the coordinate-descent solver. */
  penalty?: LinearPenalty;
  /** Penalty strength α in mean ½(y − Xw − b)² + α/2‖w‖² (default 1 when a penalty is set). */
  alpha?: number;
  /**
   * 'normal': the normal equation (Cholesky of the centred Gram matrix). 'qr': Householder QR
   * + SVD, accurate when X is ill-conditioned, minimum-norm when it is rank deficient.
   * 'auto' (default): normal when the Gram matrix is well conditioned, QR otherwise.
   */
  solver?: ExactSolver;
}

const OPTION_NAMES = ['fitIntercept', 'penalty', 'alpha', 'solver'] as const;
const SOLVERS: readonly ExactSolver[] = ['auto', 'normal', 'qr'];
const PENALTIES: readonly LinearPenalty[] = ['none', 'l2'];

interface Fitted {
  coef: Float64Array;
  intercept: number;
  solver: 'normal' | 'qr';
  rank?: number;
  singularValues?: Float64Array;
}

/**
 * Least-squares linear regression, optionally ridge-penalised; the intercept is never
 * penalised. Objective: mean_i ½(y_i − x_i·w − b)² + α/2‖w‖².
 *
 * @example
 * const model = new LinearRegression().fit([[2.7, 1], [4.1, 1], [1.0, 0], [5.2, 1], [2.8, 0]], [25, 33, 15, 45, 22]);
 * model.intercept; // 6.08613445378149
 * model.coef;      // Float64Array [6.53361344537816, 2.11274509803922]
 */
export class LinearRegression {
  readonly fitIntercept: boolean;
  readonly penalty: LinearPenalty;
  readonly alpha: number;
  readonly solver: ExactSolver;
  private fitted?: Fitted;

  constructor(options: LinearRegressionOptions = {}) {
    const where = new.target.name;
    const o = checkOptionNames(options, OPTION_NAMES, where);
    this.fitIntercept = booleanOption(o.fitIntercept ?? true, 'fitIntercept', where);
    this.penalty = oneOf(o.penalty ?? 'none', PENALTIES, 'penalty', where);
    this.alpha = this.penalty === 'none' ? 0 : numberIn(o.alpha ?? 1, 'alpha', where, { min: 0 });
    if (this.penalty === 'none' && o.alpha !== undefined && o.alpha !== 0) {
      throw new LinfitError('BAD_OPTION', `${where}: alpha = ${o.alpha} has no effect with penalty 'none'; set penalty: 'l2' (or use Ridge)`);
    }
    this.solver = oneOf(o.solver ?? 'auto', SOLVERS, 'solver', where);
  }

  fit(X: MatrixLike, y: ArrayLike<number>): this {
    const M = asMatrix(X);
    const target = asVector(y, 'y', M.rows);
    const result = fitLeastSquares(currentArena(), M, target, {
      fitIntercept: this.fitIntercept,
      alpha: this.alpha,
      solver: this.solver,
    });
    // Only a completed fit replaces the previous state.
    this.fitted = result;
    return this;
  }

  predict(X: MatrixLike): Float64Array {
    const f = this.state();
    return linearPredict(X, f.coef, f.intercept);
  }

  /** R² of the predictions for X against y. */
  score(X: MatrixLike, y: ArrayLike<number>): number {
    return r2Score(y, this.predict(X));
  }

  /** Weights, one per feature (a copy). */
  get coef(): Float64Array {
    return this.state().coef.slice();
  }

  get intercept(): number {
    return this.state().intercept;
  }

  get nFeaturesIn(): number {
    return this.state().coef.length;
  }

  /** Which exact solver produced the fit ('auto' resolves to one of these). */
  get solverUsed(): 'normal' | 'qr' {
    return this.state().solver;
  }

  /** Numerical rank of the centred X; known when the QR/SVD solver ran. */
  get rank(): number | undefined {
    return this.state().rank;
  }

  get singularValues(): Float64Array | undefined {
    return this.state().singularValues?.slice();
  }

  get isFitted(): boolean {
    return this.fitted !== undefined;
  }

  toJSON(): LinearRegressionJSON {
    const f = this.state();
    return {
      format: 'linfit',
      version: 1,
      type: 'LinearRegression',
      options: { fitIntercept: this.fitIntercept, penalty: this.penalty, alpha: this.alpha, solver: this.solver },
      coef: Array.from(f.coef),
      intercept: f.intercept,
      solverUsed: f.solver,
    };
  }

  /** Rebuilds a fitted model from toJSON() output (see loadModel). */
  static fromJSON(json: LinearRegressionJSON): LinearRegression {
    const { penalty, alpha, ...rest } = json.options;
    const model = new LinearRegression(penalty === 'none' ? rest : { ...rest, penalty, alpha });
    model.restore(json);
    return model;
  }

  protected restore(json: LinearRegressionJSON): void {
    this.fitted = {
      coef: finiteArray(json.coef, 'coef', json.type),
      intercept: finiteNumber(json.intercept, 'intercept', json.type),
      solver: oneOf(json.solverUsed, ['normal', 'qr'] as const, 'solverUsed', `${json.type} JSON`),
    };
  }

  private state(): Fitted {
    if (!this.fitted) throw notFitted(this.constructor.name);
    return this.fitted;
  }
}

export interface LinearRegressionJSON {
  format: 'linfit';
  version: 1;
  type: 'LinearRegression' | 'Ridge';
  options: Required<LinearRegressionOptions>;
  coef: number[];
  intercept: number;
  solverUsed: 'normal' | 'qr';
}

export interface RidgeOptions extends Omit<LinearRegressionOptions, 'penalty'> {}

/**
 * Ridge regression: mean ½(y − Xw − b)² + α/2‖w‖², which is scikit-learn's Ridge(alpha = n·α).
 * Closed form (XᵀX/n + αI)⁻¹Xᵀy/n on centred data.
 */
export class Ridge extends LinearRegression {
  constructor(options: RidgeOptions = {}) {
    checkOptionNames(options, ['fitIntercept', 'alpha', 'solver'], 'Ridge');
    super({ ...options, penalty: 'l2', alpha: options.alpha ?? 1 });
  }

  override toJSON(): LinearRegressionJSON {
    return { ...super.toJSON(), type: 'Ridge' };
  }

  static override fromJSON(json: LinearRegressionJSON): Ridge {
    const { penalty: _penalty, ...rest } = json.options;
    const model = new Ridge(rest);
    model.restore(json);
    return model;
  }
}
