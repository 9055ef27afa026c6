import { checkPoissonTarget, poissonHalfDeviance, poissonInverseLink, poissonLoss } from '../losses/poisson.js';
import { GLM_OPTION_NAMES, GlmRegressor, type GlmOptions, type RegressorSpec } from './regressor.js';

export interface PoissonRegressorOptions extends Omit<GlmOptions, 'solver'> {
  /** 'lbfgs' (default) or 'newton' (Newton–CG), both to gradient max-norm ≤ tol. */
  solver?: 'lbfgs' | 'newton';
}

const SPEC: RegressorSpec = {
  options: GLM_OPTION_NAMES,
  penalties: ['l2'],
  defaults: { penalty: 'l2', alpha: 1, l1Ratio: 0 },
  solvers: { lbfgs: ['l2'], newton: ['l2'] },
  defaultSolver: () => 'lbfgs',
  iterations: { maxIter: 100, tol: 1e-4 },
  loss: poissonLoss,
  inverseLink: poissonInverseLink,
  checkTarget: checkPoissonTarget,
  halfDeviance: poissonHalfDeviance,
};

/**
 * Poisson regression (log link) for counts and rates: the mean is e^{x·w + b}. Objective:
 * mean_i (e^{z_i} − y_i·z_i) + α/2‖w‖², i.e. half the mean Poisson deviance plus the L2 term,
 * which is scikit-learn's PoissonRegressor(alpha) with the same α. `score` is D², the
 * fraction of the Poisson deviance explained (1 is perfect, 0 is the constant mean).
 *
 * @example
 * const model = new PoissonRegressor({ alpha: 0, tol: 1e-10 }).fit([[0], [1], [2], [3]], [1, 2, 4, 8]);
 * model.coef[0];           // ≈ 0.693147 (ln 2: each step doubles the mean)
 * model.predict([[4]])[0]; // ≈ 16
 */
export class PoissonRegressor extends GlmRegressor {
  static readonly typeName: string = 'PoissonRegressor';
  declare readonly solver: 'lbfgs' | 'newton';

  constructor(options: PoissonRegressorOptions = {}) {
    super(options, SPEC);
  }
}
