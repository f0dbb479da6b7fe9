import { groupBy } from '../common/group-by';
import type { Executor } from '../db/executor';
import { toNeo4jDate } from '../db/values';
import { BadUserInputError } from '../errors/errors';
import { CLAIM_PREFIX, KIND_PROPERTIES } from '../graph/ontology';
import { CLAIMS_CYPHER } from './claims.cypher';
import { ClaimPolicy, type PropertyClaim } from './claims.type';

export interface ClaimsKey {
  id: string;
  property: string;
  asOf: string | null;
}

const CLAIMABLE = new Set(Object.values(KIND_PROPERTIES).flatMap((p) => Object.keys(p)));

export function checkClaimProperty(property: string): string {
  if (!CLAIMABLE.has(property)) {
    throw new BadUserInputError(`'${property}' is not a property claims are kept for`, 'property');
  }
  return property;
}

/** Claims about entity properties, batched per (property, asOf). */
export class ClaimsService {
  constructor(private readonly executor: Executor) {}

  async claimsBatch(keys: readonly ClaimsKey[]): Promise<PropertyClaim[][]> {
    const groups = groupBy(keys, (k) => JSON.stringify([k.property, k.asOf]));
    const found = new Map<string, PropertyClaim[]>();
    for (const group of groups.values()) {
      const { property, asOf } = group[0] as ClaimsKey;
      const rows = await this.executor.read(
        CLAIMS_CYPHER,
        { ids: group.map((k) => k.id), key: `${CLAIM_PREFIX}${property}`, asOf: asOf ? toNeo4jDate(asOf) : null },
        'claims',
      );
      for (const r of rows) {
        const id = `${String(r.id)}|${property}|${asOf}`;
        const value = typeof r.value === 'bigint' ? r.value.toString() : r.value;
        const claim = {
          property,
          value,
          articleId: String(r.articleId),
          quote: String(r.quote ?? ''),
          sourceDate: (r.sourceDate as string | null) ?? null,
          support: 0,
        };
        found.set(id, [...(found.get(id) ?? []), claim]);
      }
    }
    return keys.map((k) => withSupport(found.get(`${k.id}|${k.property}|${k.asOf}`) ?? []));
  }
}

function withSupport(claims: PropertyClaim[]): PropertyClaim[] {
  const counts = new Map<string, number>();
  for (const c of claims) counts.set(JSON.stringify(c.value), (counts.get(JSON.stringify(c.value)) ?? 0) + 1);
  return claims.map((c) => ({ ...c, support: counts.get(JSON.stringify(c.value)) ?? 1 }));
}

/** Claims arrive newest first; pick by policy. */
export function applyPolicy(claims: PropertyClaim[], policy: ClaimPolicy): PropertyClaim[] {
  if (policy === ClaimPolicy.ALL || claims.length === 0) return claims;
  if (policy === ClaimPolicy.LATEST) return claims.slice(0, 1);
  const best = claims.reduce((a, b) => (b.support > a.support ? b : a));
  return [best];
}
