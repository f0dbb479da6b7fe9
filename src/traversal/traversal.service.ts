import { toNeo4jInt, type Plain } from '../db/values';
import type { Executor } from '../db/executor';
import { BadUserInputError, NotFoundError } from '../errors/errors';
import type { EntityKind, RelationshipType } from '../graph/ontology';
import { assertKind, assertType } from '../graph/statements';
import type { Path, Subgraph } from './traversal.type';
import { neighborhoodCypher, shortestPathCypher } from './traversal.cypher';
import { toFacts, toNodes } from './traversal.records';
import { WHOLE, type TraversalShape } from './traversal.shape';
import {
  DEFAULT_RELATIONSHIP_FILTER,
  DEFAULT_TRAVERSAL_TYPES,
  MAX_DEPTH,
  MAX_NEIGHBORHOOD_NODES,
  MAX_PATH_LENGTH,
} from './traversal.limits';

export class TraversalService {
  constructor(private readonly executor: Executor) {}

  async shortestPath(
    from: string,
    to: string,
    types: RelationshipType[] | null | undefined,
    maxLength: number,
    shape: TraversalShape = WHOLE,
  ): Promise<Path | null> {
    if (!Number.isInteger(maxLength) || maxLength < 1 || maxLength > MAX_PATH_LENGTH) {
      throw new BadUserInputError(`'maxLength' must be between 1 and ${MAX_PATH_LENGTH}`, 'maxLength');
    }
    const allowed = types?.length ? types : DEFAULT_TRAVERSAL_TYPES;
    const cypher = shortestPathCypher(allowed, maxLength, shape);
    const [row] = await this.executor.read(cypher, { from, to }, 'shortestPath');
    if (!row?.a) throw new NotFoundError('Entity', from, 'from');
    if (!row.b) throw new NotFoundError('Entity', to, 'to');
    if (from === to) return { nodes: toNodes([row.a], shape), relationships: [], length: 0 };
    if (!row.nodes) return null;
    const nodes = toNodes(row.nodes as Plain[], shape);
    return { nodes, relationships: toFacts(row.rels as Plain[], nodes, shape), length: nodes.length - 1 };
  }

  async neighborhood(
    id: string,
    depth: number,
    types: RelationshipType[] | null | undefined,
    kinds: EntityKind[] | null | undefined,
    limit: number,
    shape: TraversalShape = WHOLE,
  ): Promise<Subgraph | null> {
    if (!Number.isInteger(depth) || depth < 1 || depth > MAX_DEPTH) {
      throw new BadUserInputError(`'depth' must be between 1 and ${MAX_DEPTH}`, 'depth');
    }
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_NEIGHBORHOOD_NODES) {
      throw new BadUserInputError(`'limit' must be between 1 and ${MAX_NEIGHBORHOOD_NODES}`, 'limit');
    }
    const params = {
      id,
      depth: toNeo4jInt(depth),
      limit: toNeo4jInt(limit),
      relationshipFilter: types?.length ? types.map(assertType).join('|') : DEFAULT_RELATIONSHIP_FILTER,
      labelFilter: kinds?.length ? kinds.map((k) => `+${assertKind(k)}`).join('|') : '',
    };
    const [row] = await this.executor.read(neighborhoodCypher(shape), params, 'neighborhood');
    if (!row) return null;
    const nodes = toNodes(row.nodes as Plain[], shape);
    return { nodes, edges: toFacts(row.rels as Plain[], nodes, shape), truncated: nodes.length >= limit };
  }
}
