import type { RequestHandler, Response } from 'express';
import type { Authenticator } from '../../auth/authenticate';
import { UnauthenticatedError } from '../../errors/errors';

/**
 * Verify credentials before anything else touches the request: the principal goes to
 * `res.locals.principal` (for the rate limiter and the GraphQL context). Bad credentials are only
 * noted here, so the rate limiter still counts them (by address) before `rejectBadCredentials`
 * answers 401: guessing keys is rate-limited like anything else.
 */
export function authenticate(authenticator: Authenticator): RequestHandler {
  const refused = (res: Response, err: unknown) => {
    res.locals.authError = err instanceof UnauthenticatedError ? err : new UnauthenticatedError();
  };
  return (req, res, next) => {
    let principal: ReturnType<Authenticator>;
    try {
      principal = authenticator(req.headers);
    } catch (err) {
      refused(res, err);
      return next();
    }
    if (!(principal instanceof Promise)) {
      res.locals.principal = principal;
      return next();
    }
    return principal.then(
      (verified) => {
        res.locals.principal = verified;
        next();
      },
      (err: unknown) => {
        refused(res, err);
        next();
      },
    );
  };
}

/** 401 UNAUTHENTICATED for credentials that did not verify (never downgraded to anonymous). */
export const rejectBadCredentials: RequestHandler = (_req, res, next) => {
  const error = res.locals.authError as UnauthenticatedError | undefined;
  if (!error) return next();
  res.status(401).json({ errors: [{ message: error.message, extensions: { code: error.extensions.code } }] });
};
