import type { Executor } from '../db/executor';
import { CentralityService } from './centrality.service';
import { PathsService } from './paths.service';
import { SimilarityService } from './similarity.service';

/** The analytics services, wired into Services as `analytics`. */
export interface AnalyticsServices {
  centrality: CentralityService;
  paths: PathsService;
  similarity: SimilarityService;
}

export function createAnalyticsServices(executor: Executor): AnalyticsServices {
  return {
    centrality: new CentralityService(executor),
    paths: new PathsService(executor),
    similarity: new SimilarityService(executor),
  };
}
