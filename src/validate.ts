/**
 * Validation at the edges: every public entry point turns user input into clean arrays here,
 * or throws a LinfitError that names the argument, row, column or option at fault.
 */
import { LinfitError, nonFiniteError } from './errors.js';
import { Matrix } from './matrix.js';

export type MatrixLike = Matrix | ArrayLike<ArrayLike<number>>;

/** X as a Matrix (no copy when it already is one), rectangular and non-empty. */
export function asMatrix(X: MatrixLike, what = 'X'): Matrix {
  if (X == null || typeof X !== 'object') {
    throw new LinfitError('BAD_INPUT', `${what} must be a Matrix or an array of rows, got ${describe(X)}`);
  }
  let M: Matrix;
  if (X instanceof Matrix) {
    M = X;
  } else {
    if (X.length > 0 && (X[0] == null || typeof X[0] !== 'object')) {
      throw new LinfitError('BAD_INPUT', `${what} must be 2-D (an array of rows); row 0 is ${describe(X[0])}`);
    }
    try {
      M = Matrix.from(X);
    } catch (err) {
      if (err instanceof LinfitError) throw new LinfitError(err.code, `${what}: ${err.message}`);
      throw err;
    }
  }
  if (M.rows === 0) throw new LinfitError('EMPTY', `${what} has no rows`);
  if (M.cols === 0) throw new LinfitError('EMPTY', `${what} has no columns`);
  return M;
}

/** X as a finite Matrix (a JS scan; the fit paths scan with a kernel after copying instead). */
export function asFiniteMatrix(X: MatrixLike, what = 'X'): Matrix {
  const M = asMatrix(X, what);
  const data = M.data;
  for (let i = 0; i < data.length; i++) {
    if (!Number.isFinite(data[i])) throw nonFiniteError(what, i, M.cols, data[i]);
  }
  return M;
}

/** A numeric vector as Float64Array (copied), finite, with `length` entries when given. */
export function asVector(y: ArrayLike<number>, what: string, length?: number): Float64Array {
  if (y == null || typeof y !== 'object' || typeof y.length !== 'number') {
    throw new LinfitError('BAD_INPUT', `${what} must be an array of numbers, got ${describe(y)}`);
  }
  if (y.length === 0) throw new LinfitError('EMPTY', `${what} is empty`);
  if (length !== undefined && y.length !== length) {
    throw new LinfitError('SHAPE_MISMATCH', `${what} has ${y.length} values but X has ${length} rows`);
  }
  const out = new Float64Array(y.length);
  for (let i = 0; i < y.length; i++) {
    const v = y[i];
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      throw new LinfitError('NON_FINITE', `${what}[${i}] is ${describe(v)}; expected a finite number`);
    }
    out[i] = v;
  }
  return out;
}


export function assertColumns(M: Matrix, expected: number, what = 'X'): void {
  if (M.cols !== expected) {
    throw new LinfitError('SHAPE_MISMATCH', `${what} has ${M.cols} columns but the model was fitted with ${expected}`);
  }
}

/**
 * Rejects options this constructor does not know (a typo should not be silently ignored) and
 * returns the given options.
 */
export function checkOptionNames<T extends object>(options: T | undefined, allowed: readonly string[], where: string): T {
  const given = (options ?? {}) as T;
  if (typeof given !== 'object' || Array.isArray(given)) throw new LinfitError('BAD_OPTION', `${where}: options must be an object`);
  for (const key of Object.keys(given)) {
    if (!allowed.includes(key)) {
      throw new LinfitError('BAD_OPTION', `${where}: unknown option '${key}'; allowed: ${allowed.join(', ')}`);
    }
  }
  return given;
}

export function oneOf<T extends string>(value: unknown, allowed: readonly T[], option: string, where: string): T {
  if (!allowed.includes(value as T)) {
    throw new LinfitError('BAD_OPTION', `${where}: ${option} must be one of ${allowed.map((a) => `'${a}'`).join(', ')}; got ${describe(value)}`);
  }
  return value as T;
}

/** A finite number within [min, max] (bounds inclusive unless stated). */
export function numberIn(
  value: unknown, option: string, where: string,
  { min = -Infinity, max = Infinity, minExclusive = false, integer = false } = {},
): number {
  const ok =
    typeof value === 'number' && Number.isFinite(value) &&
    (minExclusive ? value > min : value >= min) && value <= max &&
    (!integer || Number.isInteger(value));
  if (!ok) {
    const kind = integer ? 'an integer' : 'a number';
    const lower = min === -Infinity ? '' : `${minExclusive ? '>' : '≥'} ${min}`;
    const upper = max === Infinity ? '' : `≤ ${max}`;
    const range = [lower, upper].filter(Boolean).join(' and ');
    throw new LinfitError('BAD_OPTION', `${where}: ${option} must be ${kind}${range ? ` ${range}` : ''}; got ${describe(value)}`);
  }
  return value as number;
}

export function booleanOption(value: unknown, option: string, where: string): boolean {
  if (typeof value !== 'boolean') throw new LinfitError('BAD_OPTION', `${where}: ${option} must be true or false; got ${describe(value)}`);
  return value;
}

export function describe(value: unknown): string {
  if (typeof value === 'string') return `'${value}'`;
  if (Array.isArray(value)) return `an array of length ${value.length}`;
  if (value === null) return 'null';
  if (typeof value === 'object') return value.constructor?.name ?? 'an object';
  return String(value);
}

/** A class label: classifiers and classification metrics take numbers or strings. */
export type Label = number | string;

/**
 * Class labels copied into a plain array: non-empty, all finite numbers or all strings (never
 * a mix, as in scikit-learn), with `length` entries (the rows of X) when given.
 */
export function asLabels(y: ArrayLike<Label>, what: string, length?: number): Label[] {
  if (y == null || typeof y !== 'object' || typeof y.length !== 'number') {
    throw new LinfitError('BAD_INPUT', `${what} must be an array of labels (numbers or strings), got ${describe(y)}`);
  }
  if (y.length === 0) throw new LinfitError('EMPTY', `${what} is empty`);
  if (length !== undefined && y.length !== length) {
    throw new LinfitError('SHAPE_MISMATCH', `${what} has ${y.length} values but X has ${length} rows`);
  }
  const kind = typeof y[0];
  const out: Label[] = new Array(y.length);
  for (let i = 0; i < y.length; i++) {
    const v = y[i];
    if (typeof v === 'number' && !Number.isFinite(v)) {
      throw new LinfitError('NON_FINITE', `${what}[${i}] is ${v}; labels must be finite numbers or strings`);
    }
    if (typeof v !== 'number' && typeof v !== 'string') {
      throw new LinfitError('BAD_LABELS', `${what}[${i}] is ${describe(v)}; labels must be numbers or strings`);
    }
    if (typeof v !== kind) {
      throw new LinfitError('BAD_LABELS', `${what}[${i}] is ${describe(v)} but ${what}[0] is ${describe(y[0])}; labels must be all numbers or all strings`);
    }
    out[i] = v;
  }
  return out;
}

/** The distinct labels, sorted (numbers ascending, strings by code unit), as scikit-learn's classes_. */
export function uniqueLabels(labels: readonly Label[]): Label[] {
  const distinct = [...new Set(labels)];
  return typeof distinct[0] === 'number'
    ? (distinct as number[]).sort((a, b) => a - b)
    : (distinct as string[]).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
