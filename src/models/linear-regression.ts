import { LinfitError } from '../errors.js';
import { fitElasticNet } from '../fit/elastic-net.js';
import { fitLeastSquares, type ExactSolver } from '../fit/least-squares.js';
import type { FitData } from '../fit/load.js';
import { squaredInverseLink, squaredLoss } from '../losses/squared.js';
import type { PenaltyKind } from '../objective/index.js';
import { currentArena } from '../runtime/select.js';
import type { TrainResult } from '../solvers/gradient.js';
import { booleanOption, checkOptionNames } from '../validate.js';
import type { Fitted } from './linear-model.js';
import { LinearRegressor, type RegressorSpec } from './regressor.js';
import { TRAIN_OPTION_NAMES, type TrainOptions } from './train-options.js';

export type LinearSolver = ExactSolver | 'cd' | 'gd' | 'sgd';
export type LinearPenalty = PenaltyKind;

export interface LinearRegressionOptions extends TrainOptions {
  fitIntercept?: boolean;
  penalty?: LinearPenalty;
  /** Penalty strength α (default 1 when a penalty is set); see the objective below. */
  alpha?: number;
  /** Elastic net's share of L1 in [0, 1] (default 0.5). */
  l1Ratio?: number;
  /**
   * 'normal': the normal equation (Cholesky of the centred Gram matrix). 'qr': Householder QR
   * + SVD, accurate when X is ill-conditioned, minimum-norm when it is rank deficient.
   * 'cd': coordinate descent on the Gram matrix (exact zeros for L1; duality-gap stopping).
   * 'gd' / 'sgd': gradient descent, full batch or mini-batch (the lecture notes). 'auto' (default):
   * normal when the Gram matrix is well conditioned, QR otherwise; 'cd' for L1 penalties.
   */
  solver?: LinearSolver;
  /** Constrain the weights to be ≥ 0 (solver 'cd'). */
  positive?: boolean;
}

const OPTION_NAMES = ['fitIntercept', 'penalty', 'alpha', 'l1Ratio', 'solver', 'positive', ...TRAIN_OPTION_NAMES] as const;
const SMOOTH: readonly PenaltyKind[] = ['none', 'l2'];
const ALL: readonly PenaltyKind[] = ['none', 'l2', 'l1', 'elasticnet'];

const SPEC: RegressorSpec = {
  options: OPTION_NAMES,
  penalties: ALL,
  defaults: { penalty: 'none', alpha: 1, l1Ratio: 0.5 },
  // The closed forms have no answer for an L1 term; coordinate descent needs a penalty.
  solvers: { auto: SMOOTH, normal: SMOOTH, qr: SMOOTH, cd: ['l2', 'l1', 'elasticnet'], gd: ALL, sgd: ALL },
  defaultSolver: (penalty) => (penalty === 'l1' || penalty === 'elasticnet' ? 'cd' : 'auto'),
  iterations: { maxIter: 1000, tol: 1e-4 },
  loss: squaredLoss,
  inverseLink: squaredInverseLink,
};

/**
 * Linear least squares, optionally penalised (the intercept never is). Objective:
 * mean_i ½(y_i − x_i·w − b)² + penalty, with 'l2' α/2‖w‖², 'l1' α‖w‖₁ and 'elasticnet'
 * α(l1Ratio‖w‖₁ + (1 − l1Ratio)/2‖w‖²).
 *
 * @example
 * const model = new LinearRegression().fit([[2.7, 1], [4.1, 1], [1.0, 0], [5.2, 1], [2.8, 0]], [25, 33, 15, 45, 22]);
 * model.intercept; // 6.08613445378149
 * model.coef;      // Float64Array [6.53361344537816, 2.11274509803922]
 */
export class LinearRegression extends LinearRegressor {
  static readonly typeName: string = 'LinearRegression';
  declare readonly solver: LinearSolver;
  readonly positive: boolean;

  constructor(options: LinearRegressionOptions = {}) {
    super(presetOptions(new.target.typeName, options), SPEC, options);
    const where = this.typeName;
    this.positive = booleanOption(this.given.positive ?? false, 'positive', where);
    const l1Part = this.penalty === 'l1' || (this.penalty === 'elasticnet' && this.l1Ratio > 0);
    if (this.positive && (this.solver !== 'cd' || !l1Part)) {
      throw new LinfitError('BAD_OPTION', `${where}: positive: true needs solver 'cd' and an L1 term (Lasso or ElasticNet with l1Ratio > 0)`);
    }
    if (this.solver === 'cd' && this.alpha === 0) {
      throw new LinfitError('BAD_OPTION', `${where}: solver 'cd' needs a penalty with alpha > 0; for ordinary least squares use solver 'normal' or 'qr'`);
    }
  }

  /** The closed forms (normal equation, QR + SVD) and coordinate descent, on the Gram matrix. */
  protected override fitDirect({ X, target, sampleWeight }: FitData): Fitted {
    const base = { outputs: 1, cols: X.cols };
    if (this.solver === 'cd') {
      const l1Ratio = this.penalty === 'l1' ? 1 : this.penalty === 'elasticnet' ? this.l1Ratio : 0;
      const r = fitElasticNet(currentArena(), X, target, sampleWeight, this.alpha, { fitIntercept: this.fitIntercept, l1Ratio, positive: this.positive, ...this.iterations! });
      return {
        ...base, params: withIntercept(r.coef, r.intercept), solverUsed: 'cd',
        diagnostics: {
          nIter: r.iterations, converged: r.converged, dualGap: r.gap,
          ...(r.converged ? {} : { warning: `coordinate descent stopped after ${r.iterations} sweeps with duality gap ${r.gap.toExponential(2)} above tol·‖y‖²; raise maxIter or tol` }),
        },
      };
    }
    const r = fitLeastSquares(currentArena(), X, target, { fitIntercept: this.fitIntercept, alpha: this.alpha, solver: this.solver as ExactSolver }, sampleWeight);
    return {
      ...base, params: withIntercept(r.coef, r.intercept), solverUsed: r.solver,
      diagnostics: {
        nIter: 1, converged: true,
        ...(r.rank !== undefined ? { rank: r.rank } : {}),
        ...(r.singularValues ? { singularValues: r.singularValues } : {}),
      },
    };
  }

  /** Numerical rank of the centred X; known when the QR/SVD solver ran. */
  get rank(): number | undefined {
    return this.state().diagnostics.rank;
  }

  /** Coordinate descent: the duality gap at the answer (0 at the exact optimum). */
  get dualGap(): number | undefined {
    return this.state().diagnostics.dualGap;
  }

  get singularValues(): Float64Array | undefined {
    return this.state().diagnostics.singularValues?.slice();
  }

  /** Per-epoch loss and learning rate (gradient solvers; none for the closed forms and coordinate descent). */
  override get history(): TrainResult['history'] | undefined {
    return super.history as TrainResult['history'] | undefined;
  }

}

/** [coef…, intercept]: the kernels' layout for one output. */
function withIntercept(coef: Float64Array, intercept: number): Float64Array {
  const params = new Float64Array(coef.length + 1);
  params.set(coef);
  params[coef.length] = intercept;
  return params;
}

type PresetOptions = Omit<LinearRegressionOptions, 'penalty'>;

/** The presets: LinearRegression with a fixed penalty (not an option) and α defaulting to 1. */
const PRESETS: Record<string, { penalty: PenaltyKind; l1Ratio: boolean }> = {
  Ridge: { penalty: 'l2', l1Ratio: false },
  Lasso: { penalty: 'l1', l1Ratio: false },
  ElasticNet: { penalty: 'elasticnet', l1Ratio: true },
};

/** A preset's options checked under its own name, with its penalty added; other classes' as given. */
function presetOptions(typeName: string, options: LinearRegressionOptions): LinearRegressionOptions {
  const preset = PRESETS[typeName];
  if (!preset) return options;
  const names = OPTION_NAMES.filter((n) => n !== 'penalty' && (preset.l1Ratio || n !== 'l1Ratio'));
  const o = checkOptionNames(options, names, typeName);
  return { ...o, penalty: preset.penalty, alpha: o.alpha ?? 1 };
}

/**
 * Ridge regression: mean ½(y − Xw − b)² + α/2‖w‖², which is scikit-learn's Ridge(alpha = n·α).
 * Closed form (XᵀX/n + αI)⁻¹Xᵀy/n on centred data.
 */
export class Ridge extends LinearRegression {
  static override readonly typeName: string = 'Ridge';

  constructor(options: Omit<PresetOptions, 'l1Ratio'> = {}) {
    super(options);
  }
}

/** Lasso: mean ½(y − Xw − b)² + α‖w‖₁, as scikit-learn's Lasso(alpha); coordinate descent by default. */
export class Lasso extends LinearRegression {
  static override readonly typeName: string = 'Lasso';

  constructor(options: Omit<PresetOptions, 'l1Ratio'> = {}) {
    super(options);
  }
}

/** Elastic net: mean ½(y − Xw − b)² + α(l1Ratio‖w‖₁ + (1 − l1Ratio)/2‖w‖²), as scikit-learn's ElasticNet. */
export class ElasticNet extends LinearRegression {
  static override readonly typeName: string = 'ElasticNet';

  constructor(options: PresetOptions = {}) {
    super(options);
  }
}
