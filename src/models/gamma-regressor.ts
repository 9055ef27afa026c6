import type { FitData } from '../fit/load.js';
import { checkGammaTarget, gammaHalfDeviance, gammaInverseLink, gammaLoss } from '../losses/gamma.js';
import type { InverseLink } from '../losses/links.js';
import type { Loss } from '../losses/types.js';
import { asVector, type MatrixLike } from '../validate.js';
import type { FitHistory, LinearModelSpec } from './linear-model.js';
import { GLM_OPTION_NAMES, LinearRegressor, d2Score, logMeanStart, type GlmOptions } from './regressor.js';

export interface GammaRegressorOptions extends Omit<GlmOptions, 'solver'> {
  /** 'lbfgs' (default, exact), or 'gd' / 'sgd' (with partialFit). */
  solver?: 'lbfgs' | 'gd' | 'sgd';
}

const SPEC: LinearModelSpec = {
  options: GLM_OPTION_NAMES,
  penalties: ['l2'],
  defaults: { penalty: 'l2', alpha: 1, l1Ratio: 0 },
  solvers: { lbfgs: ['l2'], gd: ['l2'], sgd: ['l2'] },
  defaultSolver: () => 'lbfgs',
  iterations: { maxIter: 100, tol: 1e-4 },
};

/**
 * Gamma regression (log link) for positive, right-skewed targets (costs, durations, claim
 * sizes), whose spread grows with the mean: the mean is e^{x·w + b}. Objective:
 * mean_i (y_i·e^{−z_i} + z_i) + α/2‖w‖², half the mean Gamma deviance up to a constant, which
 * is scikit-learn's GammaRegressor(alpha) with the same α. `score` is D² of the Gamma deviance.
 *
 * @example
 * const model = new GammaRegressor({ alpha: 0, tol: 1e-10 }).fit([[0], [1], [2], [3]], [2, 4, 8, 16]);
 * model.coef[0];   // ≈ 0.693147 (ln 2: each step doubles the mean)
 * model.intercept; // ≈ 0.693147 (the mean at x = 0 is 2)
 */
export class GammaRegressor extends LinearRegressor {
  static readonly typeName: string = 'GammaRegressor';
  declare readonly solver: 'lbfgs' | 'gd' | 'sgd';

  constructor(options: GammaRegressorOptions = {}) {
    super(options, SPEC);
  }

  protected get inverseLink(): InverseLink {
    return gammaInverseLink;
  }

  protected makeLoss(): Loss {
    return gammaLoss;
  }

  protected override checkTarget(y: Float64Array): void {
    checkGammaTarget(y);
  }

  protected override exactStart(data: FitData): Float64Array {
    return logMeanStart(data, this.fitIntercept);
  }

  override score(X: MatrixLike, y: ArrayLike<number>): number {
    const mu = this.predict(X);
    return d2Score(asVector(y, 'y', mu.length), mu, gammaHalfDeviance);
  }

  /** Per iteration (L-BFGS: loss and gradient max-norm) or per epoch (gradient solvers: loss and rate). */
  override get history(): FitHistory {
    return super.history!;
  }
}
