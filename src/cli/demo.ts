/**
 * `linfit demo`: trains on the bundled data sets and says what it learned and how well.
 * Returns the report as text so the CLI prints it and a test can read it.
 */
import { backendName } from '../runtime/select.js';
import { trainTestSplit } from '../data/split.js';
import { loadCommute, loadIris } from '../datasets/index.js';
import type { Matrix } from '../matrix.js';
import { accuracyScore, confusionMatrix } from '../metrics/classification.js';
import { meanAbsoluteError, r2Score } from '../metrics/regression.js';
import { LinearRegression, Ridge } from '../models/linear-regression.js';
import { LogisticRegression } from '../models/logistic-regression.js';
import { Pipeline } from '../pipeline.js';
import { PolynomialFeatures } from '../preprocessing/polynomial-features.js';
import { StandardScaler } from '../preprocessing/standard-scaler.js';

const SEED_004_W = [6.08613445378149, 6.53361344537816, 2.11274509803922];

export function runDemo(): string {
  const out: string[] = [];
  const line = (text = '') => out.push(text);
  line(`linfit demo — kernels: ${backendName()}`);
  line();

  // The lecture notes: the normal equation on the commute example.
  const commute = loadCommute();
  const ols = new LinearRegression().fit(commute.X, commute.y as Float64Array);
  const w = [ols.intercept, ...ols.coef];
  line('1. Commute time (the lecture notes): minutes ≈ w0 + w1·distance_km + w2·weekday');
  line(`   learned  W* = [${w.map((v) => v.toFixed(14)).join(', ')}]`);
  line(`   notes'  W* = [${SEED_004_W.map((v) => v.toFixed(14)).join(', ')}]`);
  line(`   max |difference| = ${Math.max(...w.map((v, i) => Math.abs(v - SEED_004_W[i]))).toExponential(1)}  (solver: ${ols.solverUsed})`);
  const predicted = ols.predict(commute.X);
  line('   distance  weekday  minutes  predicted');
  for (let i = 0; i < commute.X.rows; i++) {
    const [d, t] = commute.X.row(i);
    line(`   ${d.toFixed(1).padStart(8)}  ${String(t).padStart(7)}  ${String(commute.y![i]).padStart(7)}  ${predicted[i].toFixed(4).padStart(9)}`);
  }
  line(`   R² = ${ols.score(commute.X, commute.y as Float64Array).toFixed(4)}`);
  line();

  // Iris: predict petal width from the other three measurements, on held-out flowers.
  const iris = loadIris();
  const features = selectColumns(iris.X, [0, 1, 2]);
  const petalWidth = Float64Array.from({ length: iris.X.rows }, (_, i) => iris.X.get(i, 3));
  const split = trainTestSplit(features, petalWidth, { testSize: 0.3, seed: 42 });
  const yTrain = split.yTrain as Float64Array, yTest = split.yTest as Float64Array;
  line('2. Iris: petal width (cm) from sepal length, sepal width and petal length');
  line(`   ${split.XTrain.rows} flowers to train on, ${split.XTest.rows} held out`);
  const candidates = [
    { name: 'linear (normal equation)     ', model: new Pipeline([new StandardScaler(), new LinearRegression()]) },
    { name: 'ridge α = 0.01, standardised ', model: new Pipeline([new StandardScaler(), new Ridge({ alpha: 0.01 })]) },
    { name: 'degree-2 polynomial + ridge  ', model: new Pipeline([new PolynomialFeatures({ degree: 2, includeBias: false }), new StandardScaler(), new Ridge({ alpha: 0.01 })]) },
  ];
  for (const { name, model } of candidates) {
    const started = performance.now();
    model.fit(split.XTrain, yTrain);
    const ms = performance.now() - started;
    const pred = model.predict(split.XTest);
    line(`   ${name} test R² = ${r2Score(yTest, pred).toFixed(4)}, MAE = ${meanAbsoluteError(yTest, pred).toFixed(3)} cm  (fit ${ms.toFixed(1)} ms)`);
  }
  const linear = candidates[0].model.model as LinearRegression;
  line(`   standardised weights: ${['sepal length', 'sepal width', 'petal length'].map((f, j) => `${f} ${linear.coef[j].toFixed(3)}`).join(', ')}`);
  line();

  // Iris species: multinomial (softmax) logistic regression on all four measurements.
  const species = trainTestSplit(iris.X, iris.y as string[], { testSize: 0.3, seed: 42, stratify: true });
  line('3. Iris species from the four measurements: softmax logistic regression');
  const classifier = new Pipeline([new StandardScaler(), new LogisticRegression({ solver: 'gd', learningRate: 0.5, alpha: 1e-3, maxIter: 2000, gradTol: 1e-6 })]);
  const started = performance.now();
  classifier.fit(species.XTrain, species.yTrain);
  const ms = performance.now() - started;
  const model = classifier.model as LogisticRegression;
  line(`   full-batch gradient descent: ${model.nIter} epochs, ${model.converged ? 'converged' : 'not converged'}, final loss ${model.history.loss.at(-1)!.toFixed(4)} (${ms.toFixed(1)} ms)`);
  const speciesPredicted = classifier.predict(species.XTest) as string[];
  line(`   held-out accuracy ${(accuracyScore(species.yTest, speciesPredicted) * 100).toFixed(1)}% on ${species.XTest.rows} flowers`);
  const { labels, matrix } = confusionMatrix(species.yTest, speciesPredicted);
  line(`   confusion (rows true, columns predicted): ${labels.join(' / ')}`);
  for (let i = 0; i < labels.length; i++) {
    line(`   ${String(labels[i]).padEnd(12)} ${Array.from(matrix.row(i), (v) => String(v).padStart(3)).join(' ')}`);
  }
  return out.join('\n');
}

function selectColumns(X: Matrix, columns: number[]): number[][] {
  return Array.from({ length: X.rows }, (_, i) => columns.map((j) => X.get(i, j)));
}
