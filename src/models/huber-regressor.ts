import { huberLoss } from '../losses/huber.js';
import { r2Score } from '../metrics/regression.js';
import { numberIn } from '../validate.js';
import { GlmRegressor, type GlmJSON, type GlmOptions, type GlmSpec } from './glm-regressor.js';

export interface HuberRegressorOptions extends GlmOptions {
  /** Residuals beyond ε count linearly (default 1.35, > 0). */
  epsilon?: number;
}

const spec: GlmSpec<HuberRegressorOptions> = {
  typeName: 'HuberRegressor',
  solvers: ['lbfgs', 'gd', 'sgd'],
  defaultAlpha: 1e-4,
  exact: { maxIter: 100, tol: 1e-5 },
  extraOptions: ['epsilon'],
  makeLoss: (o) => huberLoss(o.epsilon ?? 1.35),
  inverseLink: (z) => z,
  score: (y, prediction) => r2Score(y, prediction),
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
export class HuberRegressor extends GlmRegressor<HuberRegressorOptions> {
  readonly epsilon: number;

  constructor(options: HuberRegressorOptions = {}) {
    super(spec, options);
    this.epsilon = numberIn(options.epsilon ?? 1.35, 'epsilon', 'HuberRegressor', { min: 0, minExclusive: true });
  }

  static fromJSON(json: GlmJSON): HuberRegressor {
    return new HuberRegressor(GlmRegressor.savedOptions(json) as HuberRegressorOptions).restore(json);
  }
}
