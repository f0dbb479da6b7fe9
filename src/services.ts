import type { Executor } from './db/executor';
import { EntityService } from './entity/entity.service';
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
}

export function createServices(executor: Executor): Services {
  return {
    entities: new EntityService(executor),
    relations: new RelationService(executor),
    search: new SearchService(executor),
    traversal: new TraversalService(executor),
    mutations: new MutationService(executor),
  };
}
