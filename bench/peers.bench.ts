/**
 * The same fits on linfit (wasm-SIMD and pure-JS backends), ml.js and TensorFlow.js, on the data
 * of fit.bench.ts. Each job's first case is the reference the others are checked and timed against.
 */
import { LinearRegression, LogisticRegression, setBackend, type Matrix } from '../src/index.js';
import { classificationData, regressionData } from './fit.bench.js';
import { mlLogistic, mlOls } from './peers/mljs.js';
import { tfLogistic, tfNormalEquation } from './peers/tfjs.js';
import type { Linear } from './peers/types.js';

export interface PeerCase {
  name: string;
  /** One whole fit, timed; data conversion to the peer's input format happened at setup. */
  fit: () => Linear | Promise<Linear>;
  /** Computes in float32: compared with the float64 reference at a float32 tolerance. */
  float32?: boolean;
}

export interface PeerJob {
  name: string;
  cases: PeerCase[];
  /** Says why a case's fitted model is sensible, or throws. */
  check(c: PeerCase, result: Linear, reference: Linear): string;
}

const N = 100_000, D = 100;

function linfit(backend: 'wasm' | 'js', fit: () => Linear): () => Linear {
  return () => {
    setBackend(backend);
    return fit();
  };
}

/** Coefficients and intercept within a relative tolerance of the reference's (max-norm). */
function sameCoefficients(c: PeerCase, r: Linear, ref: Linear): string {
  const tol = c.float32 ? 1e-4 : 1e-6;
  let diff = Math.abs(r.intercept - ref.intercept), scale = Math.abs(ref.intercept);
  for (let j = 0; j < ref.coef.length; j++) {
    diff = Math.max(diff, Math.abs(r.coef[j] - ref.coef[j]));
    scale = Math.max(scale, Math.abs(ref.coef[j]));
  }
  const rel = diff / scale;
  if (!(rel <= tol)) throw new Error(`${c.name}: coefficients differ from the reference by ${rel.toExponential(1)} (relative), more than ${tol}`);
  return `coefficients within ${rel.toExponential(1)} of the reference (tolerance ${tol}${c.float32 ? ', float32' : ''})`;
}

function trainingAccuracy(X: Matrix, y: ArrayLike<number>) {
  return (c: PeerCase, r: Linear): string => {
    let correct = 0;
    for (let i = 0; i < X.rows; i++) {
      let s = r.intercept;
      for (let j = 0; j < X.cols; j++) s += X.data[i * X.cols + j] * r.coef[j];
      if ((s > 0 ? 1 : 0) === y[i]) correct++;
    }
    const accuracy = correct / X.rows;
    if (!(accuracy > 0.8)) throw new Error(`${c.name}: training accuracy ${accuracy.toFixed(4)} ≤ 0.8`);
    return `training accuracy ${accuracy.toFixed(4)}`;
  };
}

export function peerJobs(): PeerJob[] {
  const reg = regressionData(N, D);
  const cls = classificationData(N, D, 2);
  const olsFit = () => new LinearRegression({ solver: 'normal' }).fit(reg.X, reg.y);
  // penalty 'none' for the gradient solvers: the same objective as the peers (linfit's default is L2, α = 1e-4).
  const adamEpoch = () => new LogisticRegression({ solver: 'sgd', optimizer: 'adam', batchSize: 256, maxIter: 1, tol: null, penalty: 'none' });
  const gdSteps = 5, gdRate = 0.5;
  const gd = () => new LogisticRegression({ solver: 'gd', learningRate: gdRate, maxIter: gdSteps, tol: null, penalty: 'none' });
  const linear = (m: { coef: Matrix; intercept: Float64Array }): Linear => ({ coef: m.coef.data, intercept: m.intercept[0] });
  const adam = { optimizer: 'adam', learningRate: 1e-3, batchSize: 256, epochs: 1 } as const;
  const fullBatch = { optimizer: 'sgd', learningRate: gdRate, batchSize: N, epochs: gdSteps } as const;

  return [
    {
      name: 'OLS, normal equation, 100 000 × 100',
      check: sameCoefficients,
      cases: [
        { name: 'linfit wasm-simd', fit: linfit('wasm', olsFit) },
        { name: 'linfit pure JS', fit: linfit('js', olsFit) },
        { name: 'ml.js (SVD inverse of XᵀX)', fit: mlOls(reg.X, reg.y) },
        { name: 'TF.js wasm (f32, QR of XᵀX)', fit: tfNormalEquation('wasm', reg.X, reg.y), float32: true },
        { name: 'TF.js cpu (f32, QR of XᵀX)', fit: tfNormalEquation('cpu', reg.X, reg.y), float32: true },
      ],
    },
    {
      name: 'logistic, 1 epoch of Adam, batch 256, 100 000 × 100',
      check: trainingAccuracy(cls.X, cls.y),
      cases: [
        { name: 'linfit wasm-simd', fit: linfit('wasm', () => linear(adamEpoch().fit(cls.X, cls.y))) },
        { name: 'linfit pure JS', fit: linfit('js', () => linear(adamEpoch().fit(cls.X, cls.y))) },
        { name: 'TF.js wasm (f32)', fit: tfLogistic('wasm', cls.X, cls.y, adam), float32: true },
        { name: 'TF.js cpu (f32)', fit: tfLogistic('cpu', cls.X, cls.y, adam), float32: true },
        {
          // Not the same job: the exact fit to convergence, for scale (no peer has L-BFGS).
          name: 'reference: linfit wasm-simd L-BFGS to tol 1e-6',
          fit: linfit('wasm', () => {
            const model = new LogisticRegression({ tol: 1e-6 }).fit(cls.X, cls.y);
            if (!model.converged) throw new Error(`L-BFGS did not converge: ${model.warning}`);
            return linear(model);
          }),
        },
      ],
    },
    {
      name: `logistic, ${gdSteps} steps of full-batch gradient descent, 100 000 × 100`,
      check: trainingAccuracy(cls.X, cls.y),
      cases: [
        { name: 'linfit wasm-simd', fit: linfit('wasm', () => linear(gd().fit(cls.X, cls.y))) },
        { name: 'linfit pure JS', fit: linfit('js', () => linear(gd().fit(cls.X, cls.y))) },
        // Summed gradient (rate / n is the same step), no intercept, and 2 × gdSteps steps (one-vs-rest).
        { name: `ml-logistic-regression (2 × ${gdSteps} steps, no intercept)`, fit: mlLogistic(cls.X, cls.y, gdSteps, gdRate / N) },
        { name: 'TF.js wasm (f32)', fit: tfLogistic('wasm', cls.X, cls.y, fullBatch), float32: true },
        { name: 'TF.js cpu (f32)', fit: tfLogistic('cpu', cls.X, cls.y, fullBatch), float32: true },
      ],
    },
  ];
}
