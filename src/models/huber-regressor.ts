import { huberInverseLink, huberLoss } from '../losses/huber.js';
import { numberIn } from '../validate.js';
import { GLM_OPTION_NAMES, GlmRegressor, type GlmOptions, type RegressorSpec } from './regressor.js';

export interface HuberRegressorOptions extends GlmOptions {
  /** Residuals beyond ε count linearly (default 1.35, > 0). */
  epsilon?: number;
}

const SPEC: RegressorSpec = {
  options: [...GLM_OPTION_NAMES, 'epsilon'],
  penalties: ['l2'],
  defaults: { penalty: 'l2', alpha: 1e-4, l1Ratio: 0 },
  solvers: { lbfgs: ['l2'], gd: ['l2'], sgd: ['l2'] },
  defaultSolver: () => 'lbfgs',
  iterations: { maxIter: 100, tol: 1e-5 },
  loss: (model) => huberLoss((model as HuberRegressor).epsilon),
  inverseLink: huberInverseLink,
};

/**
 * Robust linear regression: mean_i H_ε(y_i − x_i·w − b) + α/2‖w‖², with the Huber loss
 * H_ε(r) = ½r² for |r| ≤ ε and ε|r| − ½ε² beyond, so outliers pull with a force of at most ε.
 * Solvers: 'lbfgs' (default, exact), 'gd' and 'sgd' (with partialFit). `score` is R².
 *
 * scikit-learn's HuberRegressor also estimates a scale σ and applies ε to r/σ. With σ fixed
 * at 1 its objective is 2n times this one with α = alpha_sklearn/n; on data whose residual
 * scale is σ, divide y by σ (or multiply ε by σ) to get the same weights.
 *
 * @example
 * const model = new HuberRegressor({ alpha: 0, tol: 1e-10 }).fit([[0], [1], [2], [3], [4]], [0, 1, 2, 3, 40]);
 * model.coef[0];   // ≈ 1.675 (least squares gives 8.2: the outlier at x = 4 pulls with force ε only)
 * model.intercept; // ≈ -0.675
 */
export class HuberRegressor extends GlmRegressor {
  static readonly typeName: string = 'HuberRegressor';
  declare readonly solver: 'lbfgs' | 'gd' | 'sgd';
  readonly epsilon: number;

  constructor(options: HuberRegressorOptions = {}) {
    super(options, SPEC);
    this.epsilon = numberIn(this.given.epsilon ?? 1.35, 'epsilon', this.typeName, { min: 0, minExclusive: true });
  }
}
