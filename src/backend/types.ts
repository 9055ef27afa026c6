/**
 * The kernel interface every backend implements.
 *
 * Kernels work on pointers: byte offsets into the backend's linear memory, 8-byte aligned
 * (the arena hands out 16-byte aligned blocks). Matrices are row-major float64 with `cols`
 * entries per row. A kernel call makes one pass over its data; solvers call kernels once
 * per pass or per mini-batch, never per row, so the JS↔wasm crossing cost stays negligible.
 *
 * Parameter vectors for the fused loss kernels are laid out as the weights followed by the
 * intercept(s): for one output `[w_0 … w_{d−1}, b]` (length d + 1); for K outputs
 * `[W (K×d, row-major), b_0 … b_{K−1}]` (length K·d + K). Gradients use the same layout.
 * A sample-weight pointer of 0 means every row has weight 1.
 */
export interface Kernels {
  /** y ← a·x + y */
  axpy(n: number, a: number, x: number, y: number): void;
  /** x ← a·x */
  scal(n: number, a: number, x: number): void;
  /** x ← sign(x)·max(|x| − t, 0), the L1 proximal step (t ≥ 0). */
  softThreshold(n: number, t: number, x: number): void;
  /** Σ x_i·y_i */
  dot(n: number, x: number, y: number): number;
  /** Index of the first NaN/±Infinity among x[0..n), or −1 when all are finite. */
  firstNonFinite(n: number, x: number): number;

  /** y ← A·x + bias (A is rows×cols, y has rows entries). */
  gemv(rows: number, cols: number, A: number, x: number, bias: number, y: number): void;
  /** out ← Aᵀ·r (out has cols entries, r has rows entries). */
  gemvT(rows: number, cols: number, A: number, r: number, out: number): void;
  /** G ← AᵀA (cols×cols, both triangles filled). */
  gram(rows: number, cols: number, A: number, G: number): void;

  /** out ← column means of A. */
  colMeans(rows: number, cols: number, A: number, out: number): void;
  /** out ← population (ddof = 0) column variances of A about the given means. */
  colVariances(rows: number, cols: number, A: number, means: number, out: number): void;
  /** A[i, j] ← (A[i, j] − shift[j])·scale[j] for every row; shift or scale 0 skips that part. */
  affineColumns(rows: number, cols: number, A: number, shift: number, scale: number): void;

  /**
   * The fused loss kernels below make one pass over the selected rows. Rows are selected by
   * `idx`: 0 means rows 0‥rows−1 in order; otherwise `idx` points at `rows` int32 row indices
   * (a shuffled mini-batch), and row r of X, y and sw is used for each index r. With `grad` = 0
   * only the loss is computed (validation loss, line searches).
   */
  /**
   * Squared loss: returns Σ s_i·½(x_i·w + b − y_i)² and writes
   * grad = Σ s_i·r_i·[x_i, 1] with r_i = x_i·w + b − y_i (s_i = sample weight or 1).
   */
  squaredLossGrad(rows: number, cols: number, X: number, idx: number, y: number, sw: number, params: number, grad: number): number;
  /**
   * Binary cross-entropy, y_i ∈ {0, 1}: returns Σ s_i·(log(1 + e^{z_i}) − y_i·z_i) with
   * z_i = x_i·w + b (computed stably), and writes grad = Σ s_i·(σ(z_i) − y_i)·[x_i, 1].
   */
  logisticLossGrad(rows: number, cols: number, X: number, idx: number, y: number, sw: number, params: number, grad: number): number;
  /**
   * Multinomial cross-entropy, y_i a class index 0..K−1 stored as float64:
   * returns Σ s_i·(logΣ_k e^{z_ik} − z_{i,y_i}) and writes the gradient (layout above).
   * `scratch` holds K float64 values.
   */
  softmaxLossGrad(
    rows: number, cols: number, classes: number, X: number, idx: number, y: number, sw: number,
    params: number, grad: number, scratch: number,
  ): number;
  /**
   * Hessian-vector product of the binary cross-entropy sum at `params`:
   * out = Σ s_i·σ_i(1 − σ_i)·([x_i, 1]·v)·[x_i, 1] (v and out in the params layout).
   */
  logisticHessVec(rows: number, cols: number, X: number, idx: number, sw: number, params: number, v: number, out: number): void;
  /**
   * Hessian-vector product of the multinomial cross-entropy sum at `params`: with p = softmax(z_i)
   * and u_k = x_i·V_k + c_k, out_k += s_i·p_k·(u_k − Σ_j p_j·u_j)·[x_i, 1]. `scratch` holds 2K values.
   */
  softmaxHessVec(
    rows: number, cols: number, classes: number, X: number, idx: number, sw: number,
    params: number, v: number, out: number, scratch: number,
  ): void;
  /**
   * Poisson loss (log link), y_i ≥ 0: returns Σ s_i·(e^{z_i} − y_i·z_i) (the half Poisson deviance
   * up to a constant) and writes grad = Σ s_i·(e^{z_i} − y_i)·[x_i, 1]. e^z is capped at e^670.
   */
  poissonLossGrad(rows: number, cols: number, X: number, idx: number, y: number, sw: number, params: number, grad: number): number;
  /** Hessian-vector product of the Poisson loss sum: out = Σ s_i·e^{z_i}·([x_i, 1]·v)·[x_i, 1]. */
  poissonHessVec(rows: number, cols: number, X: number, idx: number, sw: number, params: number, v: number, out: number): void;
  /**
   * Huber loss with threshold ε on r_i = z_i − y_i: returns Σ s_i·H_ε(r_i) (½r² for |r| ≤ ε,
   * ε|r| − ½ε² beyond) and writes grad = Σ s_i·clamp(r_i, −ε, ε)·[x_i, 1].
   */
  huberLossGrad(
    rows: number, cols: number, X: number, idx: number, y: number, sw: number, params: number, grad: number, epsilon: number,
  ): number;
  /** G ← Aᵀ·diag(weights)·A (cols×cols, both triangles filled). */
  weightedGram(rows: number, cols: number, A: number, weights: number, G: number): void;

  /** p ← p − lr·g */
  sgdStep(n: number, lr: number, params: number, grad: number): void;
  /** Heavy ball, the lecture notes' form: v ← ρ·v + g; p ← p − lr·v */
  momentumStep(n: number, lr: number, rho: number, params: number, grad: number, velocity: number): void;
  /** Nesterov (PyTorch's form): v ← ρ·v + g; p ← p − lr·(g + ρ·v) */
  nesterovStep(n: number, lr: number, rho: number, params: number, grad: number, velocity: number): void;
  /** acc ← acc + g²; p ← p − lr·g / (√acc + eps) */
  adagradStep(n: number, lr: number, eps: number, params: number, grad: number, acc: number): void;
  /** acc ← ρ·acc + (1 − ρ)·g²; p ← p − lr·g / (√acc + eps) */
  rmspropStep(n: number, lr: number, rho: number, eps: number, params: number, grad: number, acc: number): void;
  /**
   * RMSProp with momentum μ and/or centring (PyTorch's form): acc ← ρ·acc + (1 − ρ)·g²;
   * centred (1): mean ← ρ·mean + (1 − ρ)·g, d = √(acc − mean²) + eps, else d = √acc + eps;
   * buf ← μ·buf + g/d; p ← p − lr·buf.
   */
  rmspropCenteredStep(
    n: number, lr: number, rho: number, eps: number, momentum: number, centered: number,
    params: number, grad: number, acc: number, mean: number, buf: number,
  ): void;
  /**
   * Adadelta (PyTorch's form): acc ← ρ·acc + (1 − ρ)·g²; Δ = √(accDelta + eps)/√(acc + eps)·g;
   * accDelta ← ρ·accDelta + (1 − ρ)·Δ²; p ← p − lr·Δ.
   */
  adadeltaStep(n: number, lr: number, rho: number, eps: number, params: number, grad: number, acc: number, accDelta: number): void;
  /**
   * Adam with bias correction, and AdamW's decoupled weight decay on the first `decayCount`
   * entries (the weights, never the intercepts): p ← p − lr·wd·p, then
   * m ← β1·m + (1 − β1)·g; v ← β2·v + (1 − β2)·g²; p ← p − lr·(m / bc1) / (√(v / bc2) + eps),
   * where bc1 = 1 − β1ᵗ and bc2 = 1 − β2ᵗ are passed in by the caller.
   */
  adamStep(
    n: number, lr: number, beta1: number, beta2: number, eps: number, bc1: number, bc2: number,
    weightDecay: number, decayCount: number, params: number, grad: number, m: number, v: number,
  ): void;
  /** AMSGrad: Adam with v̂max ← max(v̂max, v) in the denominator: p ← p − lr·(m / bc1) / (√(vmax / bc2) + eps). */
  amsgradStep(
    n: number, lr: number, beta1: number, beta2: number, eps: number, bc1: number, bc2: number,
    params: number, grad: number, m: number, v: number, vmax: number,
  ): void;
  /** Adamax (PyTorch's form): m ← β1·m + (1 − β1)·g; u ← max(β2·u, |g| + eps); p ← p − (lr / bc1)·m / u. */
  adamaxStep(n: number, lr: number, beta1: number, beta2: number, eps: number, bc1: number, params: number, grad: number, m: number, u: number): void;
  /**
   * NAdam (Dozat's form, as Keras): m and v as in Adam, then
   * p ← p − lr·(c1·m + c2·g) / (√(v / bc2) + eps) with c1 = β1 / (1 − β1^{t+1}), c2 = (1 − β1) / (1 − β1ᵗ).
   */
  nadamStep(
    n: number, lr: number, beta1: number, beta2: number, eps: number, c1: number, c2: number, bc2: number,
    params: number, grad: number, m: number, v: number,
  ): void;
}

/** Names of the kernels, for the wasm binding and for tests that walk the interface. */
export const KERNEL_NAMES = [
  'axpy', 'scal', 'softThreshold', 'dot', 'firstNonFinite', 'gemv', 'gemvT', 'gram', 'colMeans', 'colVariances',
  'affineColumns', 'squaredLossGrad', 'logisticLossGrad', 'softmaxLossGrad', 'logisticHessVec',
  'softmaxHessVec', 'poissonLossGrad', 'poissonHessVec', 'huberLossGrad', 'weightedGram', 'sgdStep', 'momentumStep', 'nesterovStep', 'adagradStep',
  'rmspropStep', 'rmspropCenteredStep', 'adadeltaStep', 'adamStep', 'amsgradStep', 'adamaxStep', 'nadamStep',
] as const satisfies readonly (keyof Kernels)[];

export type KernelName = (typeof KERNEL_NAMES)[number];

/**
 * Linear memory a backend's kernels run on. `buffer` may be replaced by `ensure`; views over
 * it must be re-derived after every call that can allocate.
 */
export interface MemoryHost {
  readonly buffer: ArrayBuffer;
  /** First byte the arena may use (below it lives the module's static data). */
  readonly base: number;
  /**
   * Makes the memory at least `bytes` long. `live` is how many bytes from 0 must survive:
   * a host may swap in a fresh memory instead of growing when nothing above `base` is live.
   */
  ensure(bytes: number, live: number): void;
}

export interface Backend {
  readonly name: 'wasm-simd' | 'js';
  readonly kernels: Kernels;
  readonly memory: MemoryHost;
}
