/**
 * The pure-TypeScript kernels: the fallback where WebAssembly SIMD is missing, and the
 * baseline every benchmark compares against, so they are written to be fast plain JS (one
 * pass per call, register tiles for the Gram matrix), not naive loops. Laid out file for file
 * as assembly/: blas/, loss/, optim/, stats/. The result is typed as the whole Kernels
 * interface, so a kernel missing here is a compile error.
 */
import type { Kernels } from '../types.js';
import { createAxpy } from './blas/axpy.js';
import { createDot } from './blas/dot.js';
import { createGemv } from './blas/gemv.js';
import { createGram } from './blas/gram.js';
import { createScal } from './blas/scal.js';
import { createSoftThreshold } from './blas/soft-threshold.js';
import { createHuber } from './loss/huber.js';
import { createLogisticHessVec } from './loss/logistic-hessvec.js';
import { createLogistic } from './loss/logistic.js';
import { createPoisson } from './loss/poisson.js';
import { createSoftmaxHessVec } from './loss/softmax-hessvec.js';
import { createSoftmax } from './loss/softmax.js';
import { createSquared } from './loss/squared.js';
import type { JsMemory } from './memory.js';
import { createAdadeltaStep } from './optim/adadelta.js';
import { createAdagradStep } from './optim/adagrad.js';
import { createAdamStep } from './optim/adam.js';
import { createAdamaxStep } from './optim/adamax.js';
import { createAmsgradStep } from './optim/amsgrad.js';
import { createMomentumStep } from './optim/momentum.js';
import { createNadamStep } from './optim/nadam.js';
import { createNesterovStep } from './optim/nesterov.js';
import { createRmspropCenteredStep } from './optim/rmsprop-centered.js';
import { createRmspropStep } from './optim/rmsprop.js';
import { createSgdStep } from './optim/sgd.js';
import { createColumns } from './stats/columns.js';

/** Every kernel, bound to one memory. */
export function createJsKernels(memory: JsMemory): Kernels {
  const kernels: Kernels = {
    ...createAxpy(memory), ...createDot(memory), ...createGemv(memory), ...createGram(memory), ...createScal(memory),
    ...createSoftThreshold(memory), ...createColumns(memory),
    ...createSquared(memory), ...createLogistic(memory), ...createLogisticHessVec(memory), ...createSoftmax(memory),
    ...createSoftmaxHessVec(memory), ...createPoisson(memory), ...createHuber(memory),
    ...createSgdStep(memory), ...createMomentumStep(memory), ...createNesterovStep(memory), ...createAdagradStep(memory),
    ...createRmspropStep(memory), ...createRmspropCenteredStep(memory), ...createAdadeltaStep(memory), ...createAdamStep(memory),
    ...createAmsgradStep(memory), ...createAdamaxStep(memory), ...createNadamStep(memory),
  };
  return kernels;
}
