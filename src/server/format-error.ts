import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { Logger } from '../logger';

/** Codes a client may see as they are; anything else is masked as INTERNAL_SERVER_ERROR. */
const PUBLIC_CODES = new Set([
  'BAD_USER_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'RATE_LIMITED',
  'NOT_FOUND',
  'CONFLICT',
  'SERVICE_UNAVAILABLE',
  'TIMEOUT',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);

/** graphql's "Did you mean …?" hints map the schema for a caller who has no introspection. */
const SUGGESTION = /\s*Did you mean [^?]*\?/g;
/**
 * graphql's own token-limit message names the limit, and limits are not echoed back. (graphql 16
 * spells it "more that"; a later fix to "than" must not bring the number back.)
 */
const TOKEN_LIMIT = /^Syntax Error: Document contains more tha[nt] \d+ tokens\. Parsing aborted\.$/;

/** Strip what a message may say about the schema or the server's limits. */
export function redactMessage(message: string): string {
  if (TOKEN_LIMIT.test(message)) return 'Syntax Error: The query exceeds a server limit; simplify it';
  return message.replace(SUGGESTION, '');
}

/**
 * Keep coded errors, mask the rest: no Neo4j message, driver text or stack ever reaches a client.
 * The original is logged with its cause for the operator.
 */
export function makeFormatError(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    const code = formatted.extensions?.code;
    const cause = (original as { cause?: unknown } | null)?.cause;
    if (typeof code === 'string' && PUBLIC_CODES.has(code) && (original instanceof GraphQLError || !original)) {
      if (cause) logger.warn({ err: cause, code, path: formatted.path }, 'database error');
      const { stacktrace: _stack, ...extensions } = formatted.extensions ?? {};
      void _stack;
      return { ...formatted, message: redactMessage(formatted.message), extensions };
    }
    logger.error({ err: cause ?? original, path: formatted.path }, 'internal error');
    return {
      message: 'Internal server error',
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  };
}
