import { isToken, LbkitValidationError } from '../errors';

/**
 * Throws unless value is a whole number with min ≤ value ≤ max. Undefined (not set) and
 * engine tokens (known only at deploy time) pass.
 */
export function requireRange(path: string, option: string, value: number | undefined, min: number, max: number): void {
  if (value === undefined || isToken(value)) return;
  if (!Number.isFinite(value) || !Number.isInteger(value) || value < min || value > max) {
    throw new LbkitValidationError(path, option, `must be a whole number from ${min} to ${max}`, value);
  }
}
