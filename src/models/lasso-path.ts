import { currentArena } from '../runtime/select.js';
import { LinfitError } from '../errors.js';
import { Matrix } from '../matrix.js';
import { elasticNetPath } from '../fit/elastic-net.js';
import { asMatrix, asVector, booleanOption, checkOptionNames, numberIn, type MatrixLike } from '../validate.js';
import { readSampleWeight } from '../fit/load.js';

export interface LassoPathOptions {
  /** 1 is the lasso; below 1 the elastic net (default 1). */
  l1Ratio?: number;
  /** The α values, largest first; default nAlphas log-spaced from α_max down to eps·α_max. */
  alphas?: ArrayLike<number>;
  nAlphas?: number;
  eps?: number;
  /** Centre X and y and report intercepts (default true; scikit-learn's lasso_path is false). */
  fitIntercept?: boolean;
  positive?: boolean;
  maxIter?: number;
  tol?: number;
  sampleWeight?: ArrayLike<number>;
}

export interface LassoPathResult {
  alphas: Float64Array;
  /** One row of weights per α. */
  coefs: Matrix;
  intercepts: Float64Array;
  /** Duality gap at each α (0 at the exact optimum). */
  dualGaps: Float64Array;
  /** Coordinate-descent sweeps at each α. */
  nIter: Int32Array;
}

/**
 * The lasso / elastic-net regularisation path by coordinate descent with warm starts: each α
 * starts from the previous answer, so the whole path costs little more than its hardest fit.
 *
 * @example
 * const { alphas, coefs } = lassoPath([[1, 0], [2, 1], [3, 0], [4, 1]], [1, 2, 3, 4], { nAlphas: 50 });
 * alphas.length; // 50
 * coefs.row(0);  // Float64Array [0, 0] (all zeros at α_max, the largest alpha)
 */
export function lassoPath(X: MatrixLike, y: ArrayLike<number>, options: LassoPathOptions = {}): LassoPathResult {
  const where = 'lassoPath';
  const o = checkOptionNames(options, ['l1Ratio', 'alphas', 'nAlphas', 'eps', 'fitIntercept', 'positive', 'maxIter', 'tol', 'sampleWeight'], where);
  const M = asMatrix(X);
  const target = asVector(y, 'y', M.rows);
  let alphas: Float64Array | undefined;
  if (o.alphas !== undefined) {
    alphas = asVector(o.alphas, 'alphas');
    if (alphas.some((a) => !(a > 0))) throw new LinfitError('BAD_OPTION', `${where}: alphas must be > 0 (α = 0 is least squares: use LinearRegression)`);
    alphas = alphas.slice().sort().reverse();
  }
  const result = elasticNetPath(
    currentArena(), M, target, readSampleWeight(o, M.rows),
    {
      alphas,
      nAlphas: numberIn(o.nAlphas ?? 100, 'nAlphas', where, { min: 1, integer: true }),
      eps: numberIn(o.eps ?? 1e-3, 'eps', where, { min: 0, max: 1, minExclusive: true }),
    },
    {
      l1Ratio: numberIn(o.l1Ratio ?? 1, 'l1Ratio', where, { min: 0, max: 1 }),
      fitIntercept: booleanOption(o.fitIntercept ?? true, 'fitIntercept', where),
      positive: booleanOption(o.positive ?? false, 'positive', where),
      maxIter: numberIn(o.maxIter ?? 1000, 'maxIter', where, { min: 1, integer: true }),
      tol: numberIn(o.tol ?? 1e-4, 'tol', where, { min: 0 }),
    },
  );
  return {
    alphas: result.alphas,
    coefs: new Matrix(result.alphas.length, M.cols, result.coefs),
    intercepts: result.intercepts,
    dualGaps: result.gaps,
    nIter: result.iterations,
  };
}
