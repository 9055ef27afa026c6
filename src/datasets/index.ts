/** Small data sets bundled with linfit, for examples, the demo and quick experiments. */
import { readCsv } from '../data/csv.js';
import { COMMUTE_CSV } from './commute.js';
import { IRIS_CSV } from './iris.js';

/** The lecture notes' commute times: X = [distance km, weekday 0/1], y = minutes (5 rows). */
export function loadCommute() {
  return readCsv(COMMUTE_CSV, { target: 'minutes' });
}

/** Fisher's Iris: X = sepal/petal length and width (cm), y = species name (150 rows). */
export function loadIris() {
  return readCsv(IRIS_CSV, { target: 'species' });
}
