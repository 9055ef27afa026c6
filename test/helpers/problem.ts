import { currentArena } from '../../src/backend/select.js';
import { logisticLoss, softmaxLoss, squaredLoss, type LossName } from '../../src/losses/index.js';
import type { Matrix } from '../../src/matrix.js';
import type { Penalty } from '../../src/penalty.js';
import { loadProblem } from '../../src/models/gradient-fit.js';
import { evaluateObjective } from '../../src/solvers/objective.js';

/**
 * The objective a model minimises, as a plain function of the parameters (kernels layout),
 * on the current backend: for gradient checks and for comparing solutions.
 */
export function objectiveOf(
  lossName: LossName, X: Matrix, target: ArrayLike<number>, penalty: Penalty,
  { classes = 2, sampleWeight, fitIntercept = true }: { classes?: number; sampleWeight?: number[]; fitIntercept?: boolean } = {},
) {
  return (params: ArrayLike<number>, grad?: Float64Array): number => {
    const arena = currentArena();
    return arena.scope(() => {
      const problem = loadProblem(
        arena,
        { X, target: Float64Array.from(target), sampleWeight: sampleWeight && Float64Array.from(sampleWeight) },
        {
          makeLoss: (a) => (lossName === 'squared' ? squaredLoss : lossName === 'logistic' ? logisticLoss : softmaxLoss(a, classes)),
          penalty, cols: X.cols, outputs: lossName === 'softmax' ? classes : 1, fitIntercept,
        },
      );
      const p = arena.copyIn(params);
      const g = grad ? arena.alloc(params.length) : 0;
      const value = evaluateObjective(arena, problem, p, g);
      if (grad) grad.set(arena.read(g, params.length));
      return value;
    });
  };
}
