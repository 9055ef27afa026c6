import { currentArena } from '../../src/runtime/select.js';
import { gammaLoss } from '../../src/losses/gamma.js';
import { huberLoss } from '../../src/losses/huber.js';
import { logisticLoss } from '../../src/losses/logistic.js';
import { poissonLoss } from '../../src/losses/poisson.js';
import { softmaxLoss } from '../../src/losses/softmax.js';
import { squaredLoss } from '../../src/losses/squared.js';
import type { Loss } from '../../src/losses/types.js';

/** The losses the objective tests run on. */
export type LossName = 'squared' | 'logistic' | 'softmax' | 'poisson' | 'huber' | 'gamma';
import type { Arena } from '../../src/runtime/arena.js';
import type { Matrix } from '../../src/matrix.js';
import type { Penalty } from '../../src/objective/index.js';
import { loadObjective } from '../../src/fit/load.js';

/**
 * The objective a model minimises, as a plain function of the parameters (kernels layout),
 * on the current backend: for gradient checks and for comparing solutions. The gradient is the
 * smooth part's plus, for an L1 term, l1·sign(w): the derivative wherever no weight is 0.
 */
export function objectiveOf(
  lossName: LossName, X: Matrix, target: ArrayLike<number>, penalty: Penalty,
  { classes = 2, sampleWeight, fitIntercept = true, epsilon = 1.35 }: { classes?: number; sampleWeight?: number[]; fitIntercept?: boolean; epsilon?: number } = {},
) {
  return (params: ArrayLike<number>, grad?: Float64Array): number => {
    const arena = currentArena();
    return arena.scope(() => {
      const objective = loadObjective(
        arena,
        { X, target: Float64Array.from(target), sampleWeight: sampleWeight && Float64Array.from(sampleWeight) },
        { makeLoss: (a) => lossByName(a, lossName, classes, epsilon), penalty, outputs: lossName === 'softmax' ? classes : 1, fitIntercept },
      );
      const p = arena.copyIn(params);
      const g = grad ? arena.alloc(params.length) : 0;
      const value = objective.valueGrad(p, g);
      if (grad) {
        grad.set(arena.read(g, params.length));
        for (let j = 0; j < objective.weightCount; j++) grad[j] += objective.l1 * Math.sign(params[j]);
      }
      return value;
    });
  };
}

function lossByName(arena: Arena, name: LossName, classes: number, epsilon: number): Loss {
  switch (name) {
    case 'squared': return squaredLoss;
    case 'logistic': return logisticLoss;
    case 'softmax': return softmaxLoss(arena, classes);
    case 'poisson': return poissonLoss;
    case 'huber': return huberLoss(epsilon);
    case 'gamma': return gammaLoss;
  }
}
