import type { AuthCheckerFn } from 'type-graphql';
import { ForbiddenError, UnauthenticatedError } from '../errors/errors';
import type { Context } from '../server/context';
import { hasRole } from './roles';

/**
 * type-graphql's check for `@Authorized(...roles)`: nobody → UNAUTHENTICATED, the wrong role →
 * FORBIDDEN (thrown, so the client sees the code rather than type-graphql's generic message).
 */
export const authChecker: AuthCheckerFn<Context> = ({ context }, roles) => {
  const principal = context.auth;
  if (principal.via === 'anonymous') throw new UnauthenticatedError();
  if (!hasRole(principal, roles)) throw new ForbiddenError();
  return true;
};
