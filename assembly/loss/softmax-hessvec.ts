import { softmaxPass, Mode } from './multinomial';

/**
 * Hessian-vector product of the multinomial cross-entropy sum, in one pass over the selected
 * rows: out_k = Σ s_i·p_ik·(u_ik − Σ_j p_ij·u_ij)·[x_i, 1] with p_i = softmax(z_i) and
 * u_ik = x_i·V_k + c_k. `scratch` holds 2K values.
 */
export function softmaxHessVec(
  rows: i32, cols: i32, classes: i32, X: usize, idx: usize, sw: usize,
  params: usize, v: usize, out: usize, scratch: usize,
): void {
  softmaxPass(Mode.HessVec, rows, cols, classes, X, idx, 0, sw, params, v, out, scratch);
}
