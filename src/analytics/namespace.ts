import { BadUserInputError } from '../errors/errors';

/**
 * Namespaces keep generated graphs apart from the article graph in Community edition's single user
 * database: generated entities carry `namespace: '<name>'`; the article graph has none. Names are
 * values (always parameters), restricted to short slugs so they stay readable in ids and logs.
 */
export const NAMESPACE_PROPERTY = 'namespace';
export const NAMESPACE_PATTERN = /^[a-z][a-z0-9-]{0,47}$/;

export function assertNamespace(value: string, field = 'namespace'): string {
  if (!NAMESPACE_PATTERN.test(value)) {
    throw new BadUserInputError(`'${field}' must be a lowercase slug (a-z, 0-9, -), at most 48 characters`, field);
  }
  return value;
}
