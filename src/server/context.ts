import DataLoader from 'dataloader';
import { ANONYMOUS, type Principal } from '../auth/roles';
import type { EntityRecord } from '../entity/entity.type';
import type { ClaimsKey } from '../ingest/claims.service';
import type { PropertyClaim } from '../ingest/claims.type';
import type { Services } from '../services';
import type { FactsKey, RelatedKey, RelatedPage } from '../relation/relation.service';

/** Per-request batching: every loader lives exactly as long as one GraphQL request. */
export interface Loaders {
  entity: DataLoader<string, EntityRecord | null>;
  related: DataLoader<RelatedKey, RelatedPage, string>;
  facts: DataLoader<FactsKey, RelatedPage, string>;
  claims: DataLoader<ClaimsKey, PropertyClaim[], string>;
}

export interface Context {
  services: Services;
  loaders: Loaders;
  /** Who is calling (anonymous unless an API key or bearer token verified). */
  auth: Principal;
}

export function createLoaders(services: Services): Loaders {
  return {
    entity: new DataLoader((ids) => services.entities.byIds(ids)),
    related: new DataLoader((keys) => services.relations.relatedBatch(keys), {
      cacheKeyFn: (key) =>
        JSON.stringify([key.id, key.spec.types, key.spec.direction, key.limit, key.after, key.withTotal, key.asOf]),
    }),
    facts: new DataLoader((keys) => services.relations.factsBatch(keys), {
      cacheKeyFn: (key) => JSON.stringify([key.articleId, key.types, key.limit, key.after]),
    }),
    claims: new DataLoader((keys) => services.claims.claimsBatch(keys), {
      cacheKeyFn: (key) => JSON.stringify([key.id, key.property, key.asOf]),
    }),
  };
}

export function createContext(services: Services, auth: Principal = ANONYMOUS): Context {
  return { services, loaders: createLoaders(services), auth };
}
