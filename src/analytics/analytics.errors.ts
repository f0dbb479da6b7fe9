import { GraphQLError } from 'graphql';
import { ErrorCode, TimeoutError } from '../errors/errors';

/**
 * GDS stops an algorithm whose transaction hit the timeout with its own "terminated" procedure
 * error, which the executor maps to INTERNAL_SERVER_ERROR; for the client it is a TIMEOUT.
 */
const TERMINATED = /terminated|timed out|TransactionTimedOut/i;

export function asAnalyticsError(err: unknown): unknown {
  if (!(err instanceof GraphQLError) || err.extensions.code !== ErrorCode.INTERNAL_SERVER_ERROR) return err;
  const cause = (err as { cause?: unknown }).cause;
  const text = cause instanceof Error ? `${(cause as { code?: string }).code ?? ''} ${cause.message}` : '';
  if (!TERMINATED.test(text)) return err;
  const mapped = new TimeoutError();
  Object.defineProperty(mapped, 'cause', { value: cause, enumerable: false });
  return mapped;
}
