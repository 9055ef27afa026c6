// The kernels' exports, with the names and argument orders of KERNEL_NAMES in
// src/backend/types.ts (pointers are byte offsets, matrices row-major f64, sw = 0 means
// unit sample weights, idx = 0 every row in order). Each kernel lives in its own module.
export { axpy } from './blas/axpy';
export { scal } from './blas/scal';
export { softThreshold } from './blas/soft-threshold';
export { dot } from './blas/dot';
export { gemv, gemvT } from './blas/gemv';
export { gram, weightedGram } from './blas/gram';
export { colMeans, colVariances, affineColumns, firstNonFinite } from './stats/columns';
export { qrAppend } from './linalg/qr';
export { squaredLossGrad } from './loss/squared';
export { logisticLossGrad } from './loss/logistic';
export { softmaxLossGrad } from './loss/softmax';
export { logisticHessVec } from './loss/logistic-hessvec';
export { poissonLossGrad, poissonHessVec } from './loss/poisson';
export { huberLossGrad } from './loss/huber';
export { gammaLossGrad } from './loss/gamma';
export { softmaxHessVec } from './loss/softmax-hessvec';
export { sgdStep } from './optim/sgd';
export { momentumStep } from './optim/momentum';
export { nesterovStep } from './optim/nesterov';
export { adagradStep } from './optim/adagrad';
export { rmspropStep } from './optim/rmsprop';
export { rmspropCenteredStep } from './optim/rmsprop-centered';
export { adadeltaStep } from './optim/adadelta';
export { adamStep } from './optim/adam';
export { amsgradStep } from './optim/amsgrad';
export { adamaxStep } from './optim/adamax';
export { nadamStep } from './optim/nadam';
// Not kernels: test hooks for the two-lane exp and log1p (test/vector-math.test.ts calls them
// on the module directly).
export { expNegTest, log1pTest } from './math/exp';
// Not a kernel: the bench's SIMD peak loop (bench/peak.ts calls it on the module directly).
export { peakMulAddTest } from './bench/peak';
