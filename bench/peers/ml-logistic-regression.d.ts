/** ml-logistic-regression ships no types; the part the benchmark uses. */
declare module 'ml-logistic-regression' {
  import type { Matrix } from 'ml-matrix';

  export default class LogisticRegression {
    constructor(options?: { numSteps?: number; learningRate?: number });
    classifiers: { weights: Matrix }[];
    train(X: Matrix, Y: Matrix): void;
    predict(X: Matrix): number[];
  }
}
