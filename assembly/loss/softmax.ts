import { bytes, zero } from '../util';
import { dotAt } from '../blas/dot';
import { axpyAt } from '../blas/axpy';

/**
 * Multinomial cross-entropy and its gradient in one pass over X. Per row: K SIMD dots into
 * scratch, a max-shifted log-sum-exp (finite for any |z|), then K SIMD axpys of the row
 * (still in L1) into the class blocks of grad. y holds class indices as float64.
 */
export function softmaxLossGrad(
  rows: i32, cols: i32, classes: i32, X: usize, y: usize, sw: usize,
  params: usize, grad: usize, scratch: usize,
): f64 {
  const rb = bytes(cols);
  const kb = bytes(classes);
  const biasAt = params + <usize>classes * rb, gradBiasAt = grad + <usize>classes * rb;
  zero(grad, classes * (cols + 1));
  let loss = 0.0;
  let row = X;
  for (let i = 0; i < rows; i++, row += rb) {
    const o = <usize>i << 3;
    const s = sw == 0 ? 1.0 : load<f64>(sw + o);
    let zMax = -Infinity;
    let w = params;
    for (let k: usize = 0; k < kb; k += 8, w += rb) {
      const z = dotAt(cols, row, w) + load<f64>(biasAt + k);
      store<f64>(scratch + k, z);
      if (z > zMax) zMax = z;
    }
    const target = <usize>(<i32>load<f64>(y + o)) << 3;
    const zTarget = load<f64>(scratch + target);
    let sumExp = 0.0;
    for (let k: usize = 0; k < kb; k += 8) {
      const e = Math.exp(load<f64>(scratch + k) - zMax);
      store<f64>(scratch + k, e);
      sumExp += e;
    }
    // log Σ_k e^{z_k} − z_y, as zMax + log Σ_k e^{z_k − zMax} − z_y.
    loss += s * (zMax + Math.log(sumExp) - zTarget);
    const inv = 1.0 / sumExp;
    let g = grad;
    for (let k: usize = 0; k < kb; k += 8, g += rb) {
      const coef = s * (load<f64>(scratch + k) * inv - (k == target ? 1.0 : 0.0));
      store<f64>(gradBiasAt + k, load<f64>(gradBiasAt + k) + coef);
      axpyAt(cols, coef, row, g);
    }
  }
  return loss;
}
