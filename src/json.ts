import { LinfitError } from './errors.js';

/** Reads a field of a model's JSON that must be an array of finite numbers. */
export function finiteArray(value: unknown, field: string, type: string, length?: number): Float64Array {
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'number' || !Number.isFinite(v))) {
    throw new LinfitError('BAD_MODEL', `${type} JSON: ${field} must be an array of finite numbers`);
  }
  if (length !== undefined && value.length !== length) {
    throw new LinfitError('BAD_MODEL', `${type} JSON: ${field} has ${value.length} entries, expected ${length}`);
  }
  return Float64Array.from(value);
}

/** Reads a field of a model's JSON that must be a finite number. */
export function finiteNumber(value: unknown, field: string, type: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new LinfitError('BAD_MODEL', `${type} JSON: ${field} must be a finite number`);
  }
  return value;
}
