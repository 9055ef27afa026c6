import { checkGammaTarget, gammaHalfDeviance, gammaInverseLink, gammaLoss } from '../losses/gamma.js';
import { GLM_OPTION_NAMES, GlmRegressor, type GlmOptions, type RegressorSpec } from './regressor.js';

export interface GammaRegressorOptions extends Omit<GlmOptions, 'solver'> {
  /** 'lbfgs' (default, exact), or 'gd' / 'sgd' (with partialFit). */
  solver?: 'lbfgs' | 'gd' | 'sgd';
}

const SPEC: RegressorSpec = {
  options: GLM_OPTION_NAMES,
  penalties: ['l2'],
  defaults: { penalty: 'l2', alpha: 1, l1Ratio: 0 },
  solvers: { lbfgs: ['l2'], gd: ['l2'], sgd: ['l2'] },
  defaultSolver: () => 'lbfgs',
  iterations: { maxIter: 100, tol: 1e-4 },
  loss: gammaLoss,
  inverseLink: gammaInverseLink,
  checkTarget: checkGammaTarget,
  halfDeviance: gammaHalfDeviance,
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
export class GammaRegressor extends GlmRegressor {
  static readonly typeName: string = 'GammaRegressor';
  declare readonly solver: 'lbfgs' | 'gd' | 'sgd';

  constructor(options: GammaRegressorOptions = {}) {
    super(options, SPEC);
  }
}
