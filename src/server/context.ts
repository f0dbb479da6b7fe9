import DataLoader from 'dataloader';
import type { EntityRecord } from '../entity/entity.type';
import type { Services } from '../services';
import type { FactsKey, RelatedKey, RelatedPage } from '../relation/relation.service';

/** Per-request batching: every loader lives exactly as long as one GraphQL request. */
export interface Loaders {
  entity: DataLoader<string, EntityRecord | null>;
  related: DataLoader<RelatedKey, RelatedPage, string>;
  facts: DataLoader<FactsKey, RelatedPage, string>;
}

export interface Context {
  services: Services;
  loaders: Loaders;
}

export function createLoaders(services: Services): Loaders {
  return {
    entity: new DataLoader((ids) => services.entities.byIds(ids)),
    related: new DataLoader((keys) => services.relations.relatedBatch(keys), {
      cacheKeyFn: (key) =>
        JSON.stringify([key.id, key.spec.types, key.spec.direction, key.limit, key.after, key.withTotal]),
    }),
    facts: new DataLoader((keys) => services.relations.factsBatch(keys), {
      cacheKeyFn: (key) => JSON.stringify([key.articleId, key.types, key.limit, key.after]),
    }),
  };
}

export function createContext(services: Services): Context {
  return { services, loaders: createLoaders(services) };
}
