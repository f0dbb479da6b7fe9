import type { Executor } from '../db/executor';
import { toNeo4jInt, type PlainNode } from '../db/values';
import { BadUserInputError, NotFoundError } from '../errors/errors';
import type { EntityKind } from '../graph/ontology';
import { toEntityRecord } from '../graph/records';
import { assertKind } from '../graph/statements';
import { SIMILARITY_CYPHER, endpointsCypher } from './analytics.cypher';
import { MAX_SIMILAR } from './analytics.limits';
import type { SimilarEntity } from './analytics.type';
import { checkRange } from './args.check';
import { withProjection } from './projection';
import { scopeParams, type Scope } from './scope';

/** "Who resembles KT?": GDS node similarity (Jaccard of neighbours) from one entity. */
export class SimilarityService {
  constructor(private readonly executor: Executor) {}

  async similar(id: string, scope: Scope, top: number, rankKinds: EntityKind[] | null): Promise<SimilarEntity[]> {
    const params = {
      id,
      top: toNeo4jInt(checkRange(top, MAX_SIMILAR, 'top')),
      rankKinds: rankKinds?.length ? rankKinds.map(assertKind) : null,
    };
    const [row] = await this.executor.read(
      endpointsCypher(scope),
      { ...scopeParams(scope), from: id, to: id },
      'similarEntities.check',
    );
    if (!row?.fromExists) throw new NotFoundError('Entity', id, 'id');
    if (!row.fromInScope) throw new BadUserInputError(`'${id}' is outside the scope (kinds/namespace)`, 'id');
    return withProjection(this.executor, scope, 'similarEntities', async (tx, graphName) => {
      const rows = await tx.run(SIMILARITY_CYPHER, { ...params, graphName });
      return rows.map((r) => ({ entity: toEntityRecord(r.node as unknown as PlainNode), score: Number(r.score) }));
    });
  }
}
