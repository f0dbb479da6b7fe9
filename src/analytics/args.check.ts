import { BadUserInputError } from '../errors/errors';

/** An integer argument within [1, max], else BAD_USER_INPUT naming the argument. */
export function checkRange(value: number, max: number, field: string): number {
  if (!Number.isInteger(value) || value < 1 || value > max) {
    throw new BadUserInputError(`'${field}' must be between 1 and ${max}`, field);
  }
  return value;
}
