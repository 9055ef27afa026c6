import { checkPoissonTarget, poissonHalfDeviance, poissonInverseLink, poissonLoss } from '../losses/poisson.js';
import { GlmRegressor, type GlmJSON, type GlmOptions, type GlmSpec } from './glm-regressor.js';

export interface PoissonRegressorOptions extends Omit<GlmOptions, 'solver'> {
  /** 'lbfgs' (default) or 'newton' (Newton–CG), both to gradient max-norm ≤ tol. */
  solver?: 'lbfgs' | 'newton';
}

const spec: GlmSpec<PoissonRegressorOptions> = {
  typeName: 'PoissonRegressor',
  solvers: ['lbfgs', 'newton'],
  defaultAlpha: 1,
  exact: { maxIter: 100, tol: 1e-4 },
  extraOptions: [],
  makeLoss: () => poissonLoss,
  checkTarget: checkPoissonTarget,
  inverseLink: poissonInverseLink,
  // log of the (weighted) mean of y: the best constant model, where scikit-learn starts too.
  startIntercept: (y, sw) => {
    let sum = 0, total = 0;
    for (let i = 0; i < y.length; i++) {
      const s = sw ? sw[i] : 1;
      sum += s * y[i];
      total += s;
    }
    return Math.log(sum / total);
  },
  score: d2PoissonScore,
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
export class PoissonRegressor extends GlmRegressor<PoissonRegressorOptions> {
  constructor(options: PoissonRegressorOptions = {}) {
    super(spec, options);
  }

  static fromJSON(json: GlmJSON): PoissonRegressor {
    return new PoissonRegressor(GlmRegressor.savedOptions(json) as PoissonRegressorOptions).restore(json);
  }
}

/** D² for the Poisson deviance: 1 − dev(y, μ) / dev(y, ȳ). */
function d2PoissonScore(y: Float64Array, mu: Float64Array): number {
  let mean = 0;
  for (let i = 0; i < y.length; i++) mean += y[i];
  mean /= y.length;
  let dev = 0, nullDev = 0;
  for (let i = 0; i < y.length; i++) {
    dev += poissonHalfDeviance(y[i], mu[i]);
    nullDev += poissonHalfDeviance(y[i], mean);
  }
  return nullDev > 0 ? 1 - dev / nullDev : dev === 0 ? 1 : 0;
}
