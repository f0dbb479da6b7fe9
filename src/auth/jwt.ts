import type { JWTVerifyGetKey } from 'jose';
import { rolesFromClaim, type Principal } from './roles';

export interface JwtSettings {
  JWT_SECRET?: string;
  JWT_JWKS_URL?: string;
  JWT_ISSUER?: string;
  JWT_AUDIENCE?: string;
  JWT_ROLES_CLAIM: string;
}

/** Clock skew tolerated on exp/nbf: servers' clocks drift by seconds, not minutes. */
const CLOCK_TOLERANCE_S = 30;
/** Asymmetric algorithms accepted from a JWKS; `none` and HMAC-with-a-public-key confusion are excluded. */
const JWKS_ALGORITHMS = ['RS256', 'PS256', 'ES256', 'EdDSA'];

export type JwtVerifier = (token: string) => Promise<Principal>;

/**
 * A verifier for bearer tokens, or undefined when neither a secret nor a JWKS is configured. jose
 * is loaded by the branch that uses it: it is about 1.4 MB of heap that a server without JWTs
 * would carry for nothing.
 */
export async function createJwtVerifier(settings: JwtSettings): Promise<JwtVerifier | undefined> {
  const options = {
    issuer: settings.JWT_ISSUER,
    audience: settings.JWT_AUDIENCE,
    clockTolerance: CLOCK_TOLERANCE_S,
  };
  const toPrincipal = (payload: Record<string, unknown>): Principal => ({
    subject: `jwt:${typeof payload.sub === 'string' ? payload.sub : 'unknown'}`,
    roles: rolesFromClaim(payload[settings.JWT_ROLES_CLAIM]),
    via: 'jwt',
  });
  if (settings.JWT_SECRET) {
    const { jwtVerify } = await import('jose');
    const key = new TextEncoder().encode(settings.JWT_SECRET);
    return async (token) => toPrincipal((await jwtVerify(token, key, { ...options, algorithms: ['HS256'] })).payload);
  }
  if (settings.JWT_JWKS_URL) {
    const { createRemoteJWKSet, jwtVerify } = await import('jose');
    const jwks: JWTVerifyGetKey = createRemoteJWKSet(new URL(settings.JWT_JWKS_URL));
    return async (token) =>
      toPrincipal((await jwtVerify(token, jwks, { ...options, algorithms: JWKS_ALGORITHMS })).payload);
  }
  return undefined;
}
