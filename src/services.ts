import { createAnalyticsServices, type AnalyticsServices } from './analytics/analytics.service';
import type { Executor } from './db/executor';
import { EntityService } from './entity/entity.service';
import { publishFactEvent } from './events/pubsub';
import { ClaimsService } from './ingest/claims.service';
import { IngestService } from './ingest/ingest.service';
import { MutationService } from './mutation/mutation.service';
import { RelationService } from './relation/relation.service';
import { SearchService } from './search/search.service';
import { TraversalService } from './traversal/traversal.service';

/** The service layer: each builds parameterized Cypher and runs it through the one executor. */
export interface Services {
  entities: EntityService;
  relations: RelationService;
  search: SearchService;
  traversal: TraversalService;
  mutations: MutationService;
  analytics: AnalyticsServices;
  ingest: IngestService;
  claims: ClaimsService;
}

export function createServices(executor: Executor): Services {
  return {
    entities: new EntityService(executor),
    relations: new RelationService(executor),
    search: new SearchService(executor),
    traversal: new TraversalService(executor),
    mutations: new MutationService(executor, publishFactEvent),
    analytics: createAnalyticsServices(executor),
    ingest: new IngestService(executor, publishFactEvent),
    claims: new ClaimsService(executor),
  };
}
