/** What went wrong, as a stable code that callers can branch on. */
export type LinfitErrorCode =
  | 'SHAPE_MISMATCH'
  | 'NON_FINITE'
  | 'EMPTY'
  | 'NOT_FITTED'
  | 'SINGULAR'
  | 'DIVERGED'
  | 'BAD_OPTION'
  | 'BAD_LABELS'
  | 'BAD_MODEL'
  | 'BAD_INPUT'
  | 'NOT_INITIALIZED'
  | 'OVERFLOW'
  | 'ABORTED';

/**
 * Every error linfit raises on bad input. The message says what was wrong and where
 * (argument, row, column, option); `code` is for programs.
 */
export class LinfitError extends Error {
  override readonly name = 'LinfitError';

  constructor(
    readonly code: LinfitErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export function notFitted(what: string): LinfitError {
  return new LinfitError('NOT_FITTED', `${what} is not fitted yet; call fit first`);
}

/** The error for a non-finite entry at flat index `index` of a matrix with `cols` columns. */
export function nonFiniteError(what: string, index: number, cols: number, value: number): LinfitError {
  const row = Math.floor(index / cols), col = index % cols;
  return new LinfitError('NON_FINITE', `${what} has ${value} at row ${row}, column ${col}; all values must be finite`);
}
