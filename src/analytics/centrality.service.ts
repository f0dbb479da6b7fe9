import type { Executor } from '../db/executor';
import { toNeo4jInt, type PlainNode } from '../db/values';
import type { EntityKind } from '../graph/ontology';
import { toEntityRecord } from '../graph/records';
import { assertKind } from '../graph/statements';
import { MAX_COMMUNITIES, MAX_MEMBERS, MAX_TOP, PAGERANK_DAMPING, PAGERANK_MAX_ITERATIONS } from './analytics.limits';
import { centralityCypher, communitiesCypher } from './analytics.cypher';
import { type CentralityMeasure, CommunityAlgorithm } from './analytics.enums';
import type { CentralityScore, CommunityList } from './analytics.type';
import { checkRange } from './args.check';
import { BadUserInputError } from '../errors/errors';
import { Direction } from '../graph/enums';
import { withProjection } from './projection';
import type { Scope } from './scope';

export interface CentralityOptions {
  top: number;
  /** Rank only these kinds (the algorithm still sees the whole scope); null = all. */
  rankKinds: EntityKind[] | null;
  /** Top `top` of each kind instead of overall. */
  perKind: boolean;
}

/** Centrality and community detection: GDS algorithms over a per-request projection of the scope. */
export class CentralityService {
  constructor(private readonly executor: Executor) {}

  centrality(measure: CentralityMeasure, scope: Scope, options: CentralityOptions): Promise<CentralityScore[]> {
    const params = {
      top: toNeo4jInt(checkRange(options.top, MAX_TOP, 'top')),
      rankKinds: options.rankKinds?.length ? options.rankKinds.map(assertKind) : null,
      perKind: options.perKind,
      maxIterations: toNeo4jInt(PAGERANK_MAX_ITERATIONS),
      damping: PAGERANK_DAMPING,
    };
    return withProjection(this.executor, scope, `centrality.${measure}`, async (tx, graphName) => {
      const rows = await tx.run(centralityCypher(measure), { ...params, graphName });
      return rows.map((r) => ({
        entity: toEntityRecord(r.node as unknown as PlainNode),
        score: Number(r.score),
        rank: Number(r.rank),
      }));
    });
  }

  communities(algorithm: CommunityAlgorithm, scope: Scope, top: number, maxMembers: number): Promise<CommunityList> {
    if (algorithm === CommunityAlgorithm.LEIDEN && scope.direction !== Direction.BOTH) {
      throw new BadUserInputError('LEIDEN works on undirected graphs only: use direction BOTH', 'scope.direction');
    }
    const params = {
      top: toNeo4jInt(checkRange(top, MAX_COMMUNITIES, 'top')),
      maxMembers: toNeo4jInt(checkRange(maxMembers, MAX_MEMBERS, 'maxMembers')),
    };
    return withProjection(this.executor, scope, `communities.${algorithm}`, async (tx, graphName, size) => {
      // GDS's Leiden fails (an internal NullPointerException) on a graph with no relationships; there
      // every entity is its own community, which is exactly what WCC answers.
      const run =
        algorithm === CommunityAlgorithm.LEIDEN && size.relationships === 0 ? CommunityAlgorithm.WCC : algorithm;
      const [row] = await tx.run(communitiesCypher(run), { ...params, graphName });
      const communities = (row?.communities ?? []) as unknown as {
        id: number | bigint;
        size: number | bigint;
        members: PlainNode[];
      }[];
      return {
        algorithm,
        count: (row?.total as number | bigint | undefined) ?? 0,
        communities: communities.map((c) => ({ id: c.id, size: c.size, members: c.members.map(toEntityRecord) })),
      };
    });
  }
}
