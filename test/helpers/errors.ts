import { expect } from 'vitest';
import { LinfitError, type LinfitErrorCode } from '../../src/errors.js';

/** Runs fn and checks it throws a LinfitError with this code whose message contains every fragment. */
export function expectLinfitError(fn: () => unknown, code: LinfitErrorCode, ...fragments: string[]): void {
  let caught: unknown;
  try {
    fn();
  } catch (err) {
    caught = err;
  }
  expect(caught, 'expected a LinfitError').toBeInstanceOf(LinfitError);
  expect((caught as LinfitError).code).toBe(code);
  for (const fragment of fragments) expect((caught as Error).message).toContain(fragment);
}
