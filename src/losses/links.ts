/**
 * Inverse links: from the linear predictor (scores, n×outputs row-major) to what the model
 * predicts — the mean (identity, exp) or class probabilities (sigmoid, softmax) — in place.
 */
export type InverseLink = (scores: Float64Array, outputs: number) => void;

export const identityLink: InverseLink = () => {};

export const expLink: InverseLink = (z) => {
  for (let i = 0; i < z.length; i++) z[i] = Math.exp(z[i]);
};

/** σ(z) as 1/(1 + e^−z) for z ≥ 0 and e^z/(1 + e^z) below: no overflow, full relative precision on both sides. */
export const sigmoidLink: InverseLink = (z) => {
  for (let i = 0; i < z.length; i++) {
    const e = Math.exp(-Math.abs(z[i]));
    z[i] = z[i] >= 0 ? 1 / (1 + e) : e / (1 + e);
  }
};

/** Per row, e^{z_k − max} / Σ e^{z_j − max} (the shift keeps every exponent ≤ 0). */
export const softmaxLink: InverseLink = (z, K) => {
  for (let row = 0; row < z.length; row += K) {
    let max = -Infinity;
    for (let k = 0; k < K; k++) max = Math.max(max, z[row + k]);
    let sum = 0;
    for (let k = 0; k < K; k++) sum += z[row + k] = Math.exp(z[row + k] - max);
    for (let k = 0; k < K; k++) z[row + k] /= sum;
  }
};
