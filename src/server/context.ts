import DataLoader from 'dataloader';
import { ANONYMOUS, type Principal } from '../auth/roles';
import type { EntityRecord } from '../entity/entity.type';
import type { ClaimsKey } from '../ingest/claims.service';
import type { PropertyClaim } from '../ingest/claims.type';
import type { Services } from '../services';
import type { FactsKey, RelatedKey, RelatedPage } from '../relation/relation.service';
import { RelatedPages } from '../prefetch/related-pages';

/** Per-request batching: every loader lives exactly as long as one GraphQL request. */
export interface Loaders {
  entity: DataLoader<string, EntityRecord | null>;
  related: RelatedPages;
  facts: DataLoader<FactsKey, RelatedPage, string>;
  claims: DataLoader<ClaimsKey, PropertyClaim[], string>;
}

export interface Context {
  services: Services;
  loaders: Loaders;
  /** Who is calling (anonymous unless an API key or bearer token verified). */
  auth: Principal;
  /** True once the caller has hung up (HTTP only): work still waiting to start is then dropped. */
  clientGone?: () => boolean;
}

/** A free-form string in a key: length-prefixed, so no separator inside it can make two keys equal. */
const part = (s: string | null | undefined): string => (s == null ? '~' : `${s.length}:${s}`);

/**
 * The identity of a page of facts: the loader's cache key, and what a look-ahead primes. Built by
 * concatenation: a nested read asks for it once per entity (1,000 times in the benchmark's P2), and
 * JSON.stringify of an array was 2% of that request's server CPU. Types and direction are enum
 * names, so only ids, cursors and dates need the length prefix.
 */
export function relatedCacheKey(key: RelatedKey): string {
  const { id, spec, limit, after, withTotal, asOf, countOnly } = key;
  const cursor = after ? `${part(after.id)}${part(after.type)}` : '~';
  return `${part(id)}|${spec.types.join(',')}|${spec.direction}|${limit}|${cursor}|${withTotal ? 1 : 0}|${part(asOf)}|${countOnly ? 1 : 0}`;
}

export function createLoaders(services: Services): Loaders {
  return {
    entity: new DataLoader((ids) => services.entities.byIds(ids)),
    related: new RelatedPages((keys) => services.relations.relatedBatch(keys), relatedCacheKey),
    facts: new DataLoader((keys) => services.relations.factsBatch(keys), {
      cacheKeyFn: (key) => JSON.stringify([key.articleId, key.types, key.limit, key.after]),
    }),
    claims: new DataLoader((keys) => services.claims.claimsBatch(keys), {
      cacheKeyFn: (key) => JSON.stringify([key.id, key.property, key.asOf]),
    }),
  };
}

export function createContext(services: Services, auth: Principal = ANONYMOUS, clientGone?: () => boolean): Context {
  return { services, loaders: createLoaders(services), auth, clientGone };
}
