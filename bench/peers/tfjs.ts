/**
 * TensorFlow.js peers, on its pure-JS 'cpu' backend and its 'wasm' backend (XNNPACK, SIMD,
 * one thread here: Node has no multithreaded build of it). The .wasm files come from the npm
 * package itself (setWasmPaths with a file path), nothing is downloaded at run time.
 *
 * Not apples-to-apples: TF.js computes in float32 (half the bytes per value, four SIMD lanes
 * instead of linfit's two f64 lanes), and it has no closed-form least-squares solver.
 */
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import type { Matrix } from '../../src/index.js';
import type { Linear } from './types.js';

export type TfBackend = 'wasm' | 'cpu';

/** Registers and initialises both backends once, so that switching between them later is immediate. */
export async function initTf(): Promise<void> {
  const wasmDir = dirname(createRequire(import.meta.url).resolve('@tensorflow/tfjs-backend-wasm')) + '/';
  setWasmPaths(wasmDir);
  for (const name of ['wasm', 'cpu']) {
    if (!(await tf.setBackend(name))) throw new Error(`TF.js backend '${name}' failed to initialise`);
  }
}

export function tfInfo(): string {
  return `tfjs ${tf.version.tfjs}, wasm SIMD ${tf.env().getBool('WASM_HAS_SIMD_SUPPORT')}, wasm threads ${tf.env().getBool('WASM_HAS_MULTITHREAD_SUPPORT')}`;
}

/** Runs `fit` on one backend; the data go in as a float32 copy made once, outside the timing. */
function onBackend<T>(backend: TfBackend, fit: () => T): () => Promise<T> {
  return async () => {
    await tf.setBackend(backend);
    return fit();
  };
}

/**
 * Least squares by the normal equation on the centred data, as linfit's 'normal' solver does.
 * TF.js has no Cholesky or triangular solve: the d×d Gram matrix goes through tf.linalg.qr
 * (built from tf ops), and the back substitution R w = Qᵀb runs in JS on the downloaded R.
 */
export function tfNormalEquation(backend: TfBackend, M: Matrix, y: Float64Array): () => Promise<Linear> {
  const x32 = Float32Array.from(M.data), y32 = Float32Array.from(y);
  const d = M.cols;
  return onBackend(backend, () => {
    const [R, qtb, means, yMean] = tf.tidy(() => {
      const X = tf.tensor2d(x32, [M.rows, d]);
      const Y = tf.tensor2d(y32, [M.rows, 1]);
      const means = tf.mean(X, 0), yMean = tf.mean(Y);
      const Xc = tf.sub(X, means), yc = tf.sub(Y, yMean);
      // Measured here: the wasm backend's transposeA path is ~7× slower than materialising Xcᵀ
      // first; on 'cpu' the flag is the faster of the two.
      const XcT = backend === 'wasm' ? tf.transpose(Xc) : null;
      const gram = XcT ? tf.matMul(XcT, Xc) : tf.matMul(Xc, Xc, true, false);
      const xty = XcT ? tf.matMul(XcT, yc) : tf.matMul(Xc, yc, true, false);
      const [q, r] = tf.linalg.qr(gram);
      return [r, tf.matMul(q, xty, true, false), means, yMean];
    });
    const r = R.dataSync(), b = qtb.dataSync(), mu = means.dataSync(), ym = yMean.dataSync()[0];
    tf.dispose([R, qtb, means, yMean]);
    const coef = new Float64Array(d);
    for (let i = d - 1; i >= 0; i--) {
      let s = b[i];
      for (let j = i + 1; j < d; j++) s -= r[i * d + j] * coef[j];
      coef[i] = s / r[i * d + i];
    }
    let intercept = ym;
    for (let j = 0; j < d; j++) intercept -= mu[j] * coef[j];
    return { coef, intercept };
  });
}

export interface TfLogisticOptions {
  optimizer: 'adam' | 'sgd';
  learningRate: number;
  /** Rows per step; the full data set for full-batch gradient descent. */
  batchSize: number;
  epochs: number;
}

/**
 * Binary logistic regression (one weight vector and a bias, mean sigmoid cross-entropy) with a
 * tf.train optimizer: the low-level fast path, a manual loop of optimizer.minimize over
 * mini-batches gathered from a shuffled index list. (model.fit with a one-unit sigmoid dense
 * layer does the same per batch plus the Layers bookkeeping and an await per batch.)
 */
export function tfLogistic(backend: TfBackend, M: Matrix, labels: ArrayLike<number>, o: TfLogisticOptions): () => Promise<Linear> {
  const x32 = Float32Array.from(M.data), y32 = Float32Array.from(labels);
  const n = M.rows, d = M.cols;
  const order = new Int32Array(n).map((_, i) => i);
  return onBackend(backend, () => {
    const X = tf.tensor2d(x32, [n, d]);
    const Y = tf.tensor2d(y32, [n, 1]);
    const w = tf.variable(tf.zeros([d, 1])), b = tf.variable(tf.zeros([1]));
    // Adam with PyTorch's (and linfit's) ε = 1e-8 rather than TF.js's default 1e-7.
    const optimizer = o.optimizer === 'adam' ? tf.train.adam(o.learningRate, 0.9, 0.999, 1e-8) : tf.train.sgd(o.learningRate);
    const fullBatch = o.batchSize >= n;
    for (let epoch = 0; epoch < o.epochs; epoch++) {
      if (!fullBatch) tf.util.shuffle(order);
      for (let start = 0; start < n; start += o.batchSize) {
        tf.tidy(() => {
          let xb = X, yb = Y;
          if (!fullBatch) {
            const rows = tf.tensor1d(order.subarray(start, Math.min(start + o.batchSize, n)), 'int32');
            xb = tf.gather(X, rows);
            yb = tf.gather(Y, rows);
          }
          optimizer.minimize(() => tf.losses.sigmoidCrossEntropy(yb, tf.add(tf.matMul(xb, w), b)), false, [w, b]);
        });
      }
    }
    const result = { coef: Float64Array.from(w.dataSync()), intercept: b.dataSync()[0] };
    tf.dispose([X, Y, w, b]);
    optimizer.dispose();
    return result;
  });
}
