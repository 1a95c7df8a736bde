import { LbkitValidationError } from '../errors';

/** A closed set of values: an enum object or a list. */
export type Choices<T extends string | number> = Readonly<Record<string, T>> | readonly T[];

function listOf<T extends string | number>(allowed: Choices<T>): readonly T[] {
  return Array.isArray(allowed) ? allowed : Object.values(allowed);
}

/**
 * Returns value when it is one of the allowed values, else throws. JavaScript callers can
 * pass any string where TypeScript expects an enum member, so every enum option is checked.
 * @param problem what the error says; by default `must be one of <the values>`
 */
export function requireOneOf<T extends string | number>(
  path: string, option: string, value: T, allowed: Choices<T>, problem?: string,
): T {
  const values = listOf(allowed);
  if (!values.includes(value)) {
    throw new LbkitValidationError(path, option, problem ?? `must be one of ${values.join(', ')}`, value);
  }
  return value;
}
