export { meanSquaredError, rootMeanSquaredError, meanAbsoluteError, r2Score } from './regression.js';
export {
  accuracyScore, logLoss, precisionRecallF1, confusionMatrix,
  type LogLossOptions, type Average, type PrecisionRecallF1Options, type ClassificationScores,
  type PerClassScores, type ConfusionMatrixOptions, type ConfusionMatrixResult,
} from './classification.js';
