import type { GraphQLError } from 'graphql';
import { Neo4jError } from 'neo4j-driver';
import { ConflictError, InternalError, ServiceUnavailableError, TimeoutError } from '../errors/errors';

/** Neo4j error codes (or prefixes) that mean the database cannot be reached right now. */
const UNAVAILABLE_CODES = ['ServiceUnavailable', 'SessionExpired', 'Neo.TransientError.General.DatabaseUnavailable'];
const TIMEOUT_CODES = [
  'Neo.ClientError.Transaction.TransactionTimedOut',
  'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration',
  'Neo.TransientError.Transaction.LockClientStopped',
];

/**
 * Map a driver error to a coded GraphQL error. The Neo4j message never reaches the client; the
 * original is kept as `originalError` for the server log.
 */
export function mapDatabaseError(err: unknown): GraphQLError {
  const code = err instanceof Neo4jError ? err.code : undefined;
  let mapped: GraphQLError;
  if (isUnreachable(err)) {
    mapped = new ServiceUnavailableError();
  } else if (code && TIMEOUT_CODES.includes(code)) {
    mapped = new TimeoutError();
  } else if (code === 'Neo.ClientError.Schema.ConstraintValidationFailed') {
    mapped = new ConflictError('That would duplicate an existing id');
  } else {
    mapped = new InternalError();
  }
  Object.defineProperty(mapped, 'cause', { value: err, enumerable: false });
  return mapped;
}

/** The database cannot be reached right now (down, restarting, or the connection dropped). */
export function isUnreachable(err: unknown): boolean {
  const code = err instanceof Neo4jError ? err.code : undefined;
  if (code && UNAVAILABLE_CODES.some((c) => code === c || code.startsWith(c))) return true;
  const text = err instanceof Error ? err.message : '';
  return /ECONNREFUSED|ECONNRESET|Failed to connect|Connection was closed|Pool is closed/i.test(text);
}
