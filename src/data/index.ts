export { readCsv, type ReadCsvOptions, type CsvData } from './csv.js';
export {
  trainTestSplit, kFold,
  type Target, type TrainTestSplitOptions, type TrainTestSplit, type KFoldOptions, type Fold,
} from './split.js';
export {
  crossValScore,
  type CrossValidatable, type CrossValScoreOptions, type ScoringName, type ScoringFunction,
} from './cross-validation.js';
