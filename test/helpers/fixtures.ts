import { readFileSync } from 'node:fs';
import { readCsv } from '../../src/index.js';

/** A CSV from test/fixtures/ with its last column as the target. */
export function fixture(name: 'commute' | 'iris' | 'wine' | 'breast_cancer') {
  const text = readFileSync(new URL(`../fixtures/${name}.csv`, import.meta.url), 'utf8');
  return readCsv(text, { target: -1 });
}
