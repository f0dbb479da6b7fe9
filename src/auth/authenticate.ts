import type { IncomingHttpHeaders } from 'node:http';
import { UnauthenticatedError } from '../errors/errors';
import { loadApiKeys, verifyApiKey, type ApiKeyEntry } from './api-keys';
import { createJwtVerifier, type JwtSettings, type JwtVerifier } from './jwt';
import { ANONYMOUS, type Principal } from './roles';

export type AuthSettings = JwtSettings & { API_KEYS: string; API_KEYS_FILE?: string };
/**
 * The principal at once for no credentials or an API key (a bad key throws at once); a promise only
 * for a bearer token, whose verification may fetch keys. Most requests carry no token: answering
 * them without a promise saves the handler chain two microtask turns per request.
 */
export type Authenticator = (headers: IncomingHttpHeaders) => Principal | Promise<Principal>;

/**
 * Credentials from `x-api-key: <key>` or `authorization: Bearer <jwt>`. None = anonymous; credentials
 * that do not verify are refused outright (UNAUTHENTICATED), never downgraded to anonymous.
 */
export async function createAuthenticator(settings: AuthSettings): Promise<Authenticator> {
  const keys: ApiKeyEntry[] = loadApiKeys(settings);
  const verifyJwt: JwtVerifier | undefined = await createJwtVerifier(settings);
  return (headers) => {
    const apiKey = headers['x-api-key'];
    if (typeof apiKey === 'string' && apiKey) {
      const principal = verifyApiKey(keys, apiKey);
      if (!principal) throw new UnauthenticatedError('The API key is not valid', 401);
      return principal;
    }
    const bearer = /^Bearer\s+(\S+)$/i.exec(headers.authorization ?? '')?.[1];
    if (bearer) {
      if (!verifyJwt) throw new UnauthenticatedError('Bearer tokens are not accepted here', 401);
      return verifyJwt(bearer).catch(() => {
        throw new UnauthenticatedError('The bearer token is not valid', 401);
      });
    }
    return ANONYMOUS;
  };
}
