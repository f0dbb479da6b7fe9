/** Roles, weakest first: each includes every role before it (an admin may do what an editor may). */
export const ROLES = ['reader', 'editor', 'admin'] as const;

/** Roles that may write: every mutation (and document ingestion) requires one of them. */
export const WRITERS = ['editor', 'admin'];
export type Role = (typeof ROLES)[number];

/** Who is calling: an API key, a token subject, or nobody. */
export interface Principal {
  subject: string;
  roles: readonly Role[];
  via: 'api-key' | 'jwt' | 'anonymous';
}

export const ANONYMOUS: Principal = Object.freeze({ subject: 'anonymous', roles: [], via: 'anonymous' });

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** True when any of the principal's roles is at least one of `required` (empty = any role at all). */
export function hasRole(principal: Principal, required: readonly string[]): boolean {
  const best = Math.max(-1, ...principal.roles.map((r) => ROLES.indexOf(r)));
  if (best < 0) return false;
  if (required.length === 0) return true;
  return required.some((r) => isRole(r) && ROLES.indexOf(r) <= best);
}

/** Roles from a token claim: an array of names or one space-separated string; unknown names are ignored. */
export function rolesFromClaim(claim: unknown): Role[] {
  const names = Array.isArray(claim) ? claim : typeof claim === 'string' ? claim.split(/\s+/) : [];
  return names.filter(isRole);
}
