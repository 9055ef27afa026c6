import { softmaxPass, Mode } from './multinomial';

/**
 * Multinomial cross-entropy in one pass over the selected rows, y holding class indices as
 * float64: Σ s_i·(logΣ_k e^{z_ik} − z_{i,y_i}), and its gradient unless grad = 0.
 * `scratch` holds K values.
 */
export function softmaxLossGrad(
  rows: i32, cols: i32, classes: i32, X: usize, idx: usize, y: usize, sw: usize,
  params: usize, grad: usize, scratch: usize,
): f64 {
  return grad == 0
    ? softmaxPass(Mode.Loss, rows, cols, classes, X, idx, y, sw, params, 0, 0, scratch)
    : softmaxPass(Mode.LossGrad, rows, cols, classes, X, idx, y, sw, params, 0, grad, scratch);
}
