import { GraphQLError } from 'graphql';

/**
 * The stable error codes a client may see. Each is a GraphQLError subclass with `extensions.code`;
 * no database or stack text ever goes into their messages.
 */
export const ErrorCode = {
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  SERVICE_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
  TIMEOUT: 'TIMEOUT',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export class BadUserInputError extends GraphQLError {
  constructor(message: string, field?: string, details?: Record<string, unknown>) {
    super(message, {
      extensions: {
        code: ErrorCode.BAD_USER_INPUT,
        ...(field ? { field } : {}),
        ...details,
      },
    });
  }
}

export class NotFoundError extends GraphQLError {
  constructor(what: string, id: string, field?: string) {
    super(`${what} '${id}' does not exist`, {
      extensions: {
        code: ErrorCode.NOT_FOUND,
        id,
        ...(field ? { field } : {}),
      },
    });
  }
}

export class ConflictError extends GraphQLError {
  constructor(message: string, field?: string) {
    super(message, {
      extensions: { code: ErrorCode.CONFLICT, ...(field ? { field } : {}) },
    });
  }
}

export class ServiceUnavailableError extends GraphQLError {
  constructor(message = 'The database is unavailable; try again shortly') {
    super(message, { extensions: { code: ErrorCode.SERVICE_UNAVAILABLE } });
  }
}

export class TimeoutError extends GraphQLError {
  constructor(message = 'The query took too long and was stopped; narrow it down') {
    super(message, { extensions: { code: ErrorCode.TIMEOUT } });
  }
}

export class InternalError extends GraphQLError {
  constructor(message = 'Internal server error') {
    super(message, { extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } });
  }
}
