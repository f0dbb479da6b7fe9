import DataLoader from 'dataloader';
import { ANONYMOUS, type Principal } from '../auth/roles';
import type { EntityRecord } from '../entity/entity.type';
import type { ClaimsKey } from '../ingest/claims.service';
import type { PropertyClaim } from '../ingest/claims.type';
import type { Services } from '../services';
import type { FactsKey, RelatedKey, RelatedPage } from '../relation/relation.service';
import { RelatedPages } from '../prefetch/related-pages';

/**
 * Per-request batching: every loader lives exactly as long as one GraphQL request. The entity
 * loader's batches go on to the lookup shared by all requests in flight (`EntityService.lookup`).
 */
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

/**
 * A request's loaders, each made on its first use: most operations use one or none (a shortest
 * path uses none), and making all four for every request took about 2 µs of a shortest path's
 * server CPU (lab, CPU profile). The getters are on the class, not in an object literal: V8 kept
 * per-request accessors in its old generation, with everything they reached (jit.ts).
 */
class RequestLoaders implements Loaders {
  private entityLoader?: Loaders['entity'];
  private relatedPages?: Loaders['related'];
  private factsLoader?: Loaders['facts'];
  private claimsLoader?: Loaders['claims'];

  constructor(private readonly services: Services) {}

  get entity(): Loaders['entity'] {
    return (this.entityLoader ??= new DataLoader((ids) => this.services.entities.lookup(ids)));
  }

  get related(): Loaders['related'] {
    return (this.relatedPages ??= new RelatedPages(
      (keys) => this.services.relations.relatedBatch(keys),
      relatedCacheKey,
    ));
  }

  get facts(): Loaders['facts'] {
    return (this.factsLoader ??= new DataLoader((keys) => this.services.relations.factsBatch(keys), {
      cacheKeyFn: (key) => JSON.stringify([key.articleId, key.types, key.limit, key.after]),
    }));
  }

  get claims(): Loaders['claims'] {
    return (this.claimsLoader ??= new DataLoader((keys) => this.services.claims.claimsBatch(keys), {
      cacheKeyFn: (key) => JSON.stringify([key.id, key.property, key.asOf]),
    }));
  }
}

export function createLoaders(services: Services): Loaders {
  return new RequestLoaders(services);
}

export function createContext(services: Services, auth: Principal = ANONYMOUS, clientGone?: () => boolean): Context {
  return { services, loaders: createLoaders(services), auth, clientGone };
}
