/**
 * k-fold cross-validation: a fresh model per fold, trained on the other folds and scored on
 * the held-out one.
 */
import { LinfitError } from '../errors.js';
import type { Matrix } from '../matrix.js';
import { accuracyScore } from '../metrics/classification.js';
import { meanAbsoluteError, meanSquaredError, r2Score, rootMeanSquaredError } from '../metrics/regression.js';
import { asMatrix, booleanOption, checkOptionNames, describe, oneOf, type Label, type MatrixLike } from '../validate.js';
import { asTarget, kFold, takeRows, takeTarget } from './split.js';

/** What crossValScore needs of a model: `fit`, and `score` or `predict` depending on `scoring`. */
export interface CrossValidatable<L extends Label = Label> {
  fit(X: Matrix, y: ArrayLike<L>): unknown;
  /** Used when no `scoring` is given (R² for regressors, accuracy for classifiers). */
  score?(X: Matrix, y: ArrayLike<L>): number;
  /** Used by every `scoring`. */
  predict?(X: Matrix): ArrayLike<L>;
}

/** Named scorers, as scikit-learn spells them; errors are negated so that higher is better. */
export type ScoringName =
  | 'r2' | 'accuracy'
  | 'neg_mean_squared_error' | 'neg_mean_absolute_error' | 'neg_root_mean_squared_error';
const SCORING_NAMES: readonly ScoringName[] = [
  'r2', 'accuracy', 'neg_mean_squared_error', 'neg_mean_absolute_error', 'neg_root_mean_squared_error',
];

/** A metric of the held-out targets and the model's predictions for them. */
export type ScoringFunction<L extends Label = Label> = (yTrue: ArrayLike<L>, yPred: ArrayLike<L>) => number;

export interface CrossValScoreOptions<L extends Label = Label> {
  /** Number of folds (default 5). */
  k?: number;
  /** Shuffle rows before cutting folds (default true). */
  shuffle?: boolean;
  /** Integer seed for the shuffle. */
  seed?: number;
  /** Default: the model's own `score`. */
  scoring?: ScoringName | ScoringFunction<L>;
}

const NAMED_SCORERS: Record<ScoringName, ScoringFunction<never>> = {
  r2: (t, p) => r2Score(t as ArrayLike<number>, p as ArrayLike<number>),
  accuracy: (t, p) => accuracyScore(t, p),
  neg_mean_squared_error: (t, p) => -meanSquaredError(t as ArrayLike<number>, p as ArrayLike<number>),
  neg_mean_absolute_error: (t, p) => -meanAbsoluteError(t as ArrayLike<number>, p as ArrayLike<number>),
  neg_root_mean_squared_error: (t, p) => -rootMeanSquaredError(t as ArrayLike<number>, p as ArrayLike<number>),
};

/**
 * One score per fold of `kFold(n, k, { shuffle, seed })`: for each fold a new model from
 * `makeModel()` is fitted on the other folds and scored on this one.
 * @example
 * const X = [[0], [1], [2], [3], [4], [5]], y = [1, 3, 5, 7, 9, 11];
 * crossValScore(() => new LinearRegression(), X, y, { k: 3 }); // Float64Array [1, 1, 1] (R² per fold: y is exactly linear)
 * crossValScore(() => new Ridge({ alpha: 0.1 }), X, y, { k: 3, scoring: 'neg_mean_squared_error' })[0] < 0; // true
 */
export function crossValScore<L extends Label>(
  makeModel: () => CrossValidatable<L>, X: MatrixLike, y: ArrayLike<L>, options?: CrossValScoreOptions<L>,
): Float64Array {
  const where = 'crossValScore';
  const opts = checkOptionNames(options, ['k', 'shuffle', 'seed', 'scoring'], where);
  if (typeof makeModel !== 'function') {
    throw new LinfitError('BAD_INPUT', `${where}: makeModel must be a function returning a new model; got ${describe(makeModel)}`);
  }
  const M = asMatrix(X, `${where}: X`);
  const target = asTarget(y as ArrayLike<number> | ArrayLike<string>, `${where}: y`, M.rows);
  const shuffle = opts.shuffle === undefined ? true : booleanOption(opts.shuffle, 'shuffle', where);
  if (!shuffle && opts.seed !== undefined) {
    throw new LinfitError('BAD_OPTION', `${where}: seed has no effect unless shuffle is true`);
  }
  const scorer = resolveScoring(opts.scoring, where);
  const folds = kFold(M.rows, opts.k ?? 5, { shuffle, seed: opts.seed });

  const scores = new Float64Array(folds.length);
  folds.forEach(({ train, test }, f) => {
    const model = makeModel();
    model.fit(takeRows(M, train), takeTarget(target, train) as unknown as ArrayLike<L>);
    const XTest = takeRows(M, test), yTest = takeTarget(target, test) as unknown as ArrayLike<L>; // the kind of y, as given
    if (scorer) {
      if (typeof model.predict !== 'function') {
        throw new LinfitError('BAD_MODEL', `${where}: scoring needs the model's predict method, which it lacks`);
      }
      scores[f] = scorer(yTest, model.predict(XTest));
    } else {
      if (typeof model.score !== 'function') {
        throw new LinfitError('BAD_MODEL', `${where}: the model has no score method; pass a scoring option`);
      }
      scores[f] = model.score(XTest, yTest);
    }
  });
  return scores;
}

function resolveScoring<L extends Label>(scoring: unknown, where: string): ScoringFunction<L> | undefined {
  if (scoring === undefined || typeof scoring === 'function') return scoring as ScoringFunction<L> | undefined;
  return NAMED_SCORERS[oneOf(scoring, SCORING_NAMES, 'scoring', where)] as ScoringFunction<L>;
}
