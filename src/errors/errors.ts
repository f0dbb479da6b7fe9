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
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  RATE_LIMITED: 'RATE_LIMITED',
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

/** Too much work already running or waiting: 503 with Retry-After, so a client backs off and retries. */
export class ServerBusyError extends GraphQLError {
  constructor(retryAfterSeconds = 1) {
    super('The server is busy; try again shortly', {
      extensions: {
        code: ErrorCode.SERVICE_UNAVAILABLE,
        http: { status: 503, headers: new Map([['retry-after', String(retryAfterSeconds)]]) },
      },
    });
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

/**
 * No credentials where a role is needed, or credentials that do not verify. `httpStatus` (401) is set
 * for request-level refusals; a field-level one leaves the HTTP status alone (the rest of the data stands).
 */
export class UnauthenticatedError extends GraphQLError {
  constructor(message = 'Authentication is required', httpStatus?: number) {
    super(message, {
      extensions: { code: ErrorCode.UNAUTHENTICATED, ...(httpStatus ? { http: { status: httpStatus } } : {}) },
    });
  }
}

/** Valid credentials without the role this operation or field needs (`httpStatus` 403 as above). */
export class ForbiddenError extends GraphQLError {
  constructor(message = 'Your role does not allow this', httpStatus?: number) {
    super(message, {
      extensions: { code: ErrorCode.FORBIDDEN, ...(httpStatus ? { http: { status: httpStatus } } : {}) },
    });
  }
}

/** Too many requests from one API key or address in the current window (HTTP 429). */
export class RateLimitedError extends GraphQLError {
  constructor(message = 'Too many requests; slow down and retry later') {
    super(message, { extensions: { code: ErrorCode.RATE_LIMITED, http: { status: 429 } } });
  }
}
