import type { ApolloServerPlugin } from '@apollo/server';
import { hasRole } from '../../auth/roles';
import { UnauthenticatedError, ForbiddenError } from '../../errors/errors';
import type { Context } from '../context';

/**
 * When reads are not public (AUTH_PUBLIC_READS=false), every operation needs at least `reader`.
 * Mutations are guarded field by field with @Authorized whatever this says.
 */
export function readAccessPlugin(publicReads: boolean): ApolloServerPlugin<Context> {
  // Public reads: no hook at all, rather than one per request that does nothing.
  if (publicReads) return {};
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue }) {
          if (contextValue.auth.via === 'anonymous') throw new UnauthenticatedError(undefined, 401);
          if (!hasRole(contextValue.auth, ['reader'])) throw new ForbiddenError(undefined, 403);
        },
      };
    },
  };
}
