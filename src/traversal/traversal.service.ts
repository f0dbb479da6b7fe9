import { toNeo4jInt } from '../db/values';
import type { Executor } from '../db/executor';
import type { PlainNode, PlainRelationship } from '../db/values';
import type { EntityRecord } from '../entity/entity.type';
import { BadUserInputError, NotFoundError } from '../errors/errors';
import { ENTITY_LABEL, type EntityKind, type RelationshipType } from '../graph/ontology';
import { toEntityRecord, toRelationshipRecord } from '../graph/records';
import { assertKind, assertType } from '../graph/statements';
import type { Path, Subgraph } from './traversal.type';
import { DEFAULT_TRAVERSAL_TYPES, MAX_DEPTH, MAX_NEIGHBORHOOD_NODES, MAX_PATH_LENGTH } from './traversal.limits';

interface RelRow {
  rel: PlainRelationship;
  from: string;
  to: string;
}

/**
 * Both ends and the path in one round trip: a missing end comes back null (NOT_FOUND, not an
 * empty path), the same end twice skips the search. Length and types cannot be parameters of a
 * var-length pattern: both are validated first.
 */
export function shortestPathCypher(types: readonly RelationshipType[], maxLength: number): string {
  if (!Number.isInteger(maxLength) || maxLength < 1 || maxLength > MAX_PATH_LENGTH) throw new RangeError('maxLength');
  return `OPTIONAL MATCH (a:${ENTITY_LABEL} {id: $from})
OPTIONAL MATCH (b:${ENTITY_LABEL} {id: $to})
OPTIONAL CALL (a, b) {
  WITH a, b WHERE a <> b
  MATCH p = shortestPath((a)-[:${types.map(assertType).join('|')}*..${maxLength}]-(b))
  RETURN nodes(p) AS nodes, [r IN relationships(p) | {rel: r, from: startNode(r).id, to: endNode(r).id}] AS rels
}
RETURN a, b, nodes, rels`;
}

/** APOC expands breadth-first with its own filters (given as parameters) and a node cap. */
export const NEIGHBORHOOD_CYPHER = `MATCH (start:${ENTITY_LABEL} {id: $id})
CALL apoc.path.subgraphAll(start, {
  maxLevel: $depth, relationshipFilter: $relationshipFilter, labelFilter: $labelFilter, limit: $limit
}) YIELD nodes, relationships
RETURN nodes, [r IN relationships | {rel: r, from: startNode(r).id, to: endNode(r).id}] AS rels`;

export class TraversalService {
  constructor(private readonly executor: Executor) {}

  async shortestPath(
    from: string,
    to: string,
    types: RelationshipType[] | null | undefined,
    maxLength: number,
  ): Promise<Path | null> {
    if (!Number.isInteger(maxLength) || maxLength < 1 || maxLength > MAX_PATH_LENGTH) {
      throw new BadUserInputError(`'maxLength' must be between 1 and ${MAX_PATH_LENGTH}`, 'maxLength');
    }
    const allowed = types?.length ? types : DEFAULT_TRAVERSAL_TYPES;
    const [row] = await this.executor.read(shortestPathCypher(allowed, maxLength), { from, to }, 'shortestPath');
    if (!row?.a) throw new NotFoundError('Entity', from, 'from');
    if (!row.b) throw new NotFoundError('Entity', to, 'to');
    if (from === to) return { nodes: [toEntityRecord(row.a as unknown as PlainNode)], relationships: [], length: 0 };
    if (!row.nodes) return null;
    const nodes = (row.nodes as unknown as PlainNode[]).map(toEntityRecord);
    return {
      nodes,
      relationships: toRelationships(row.rels as unknown as RelRow[], nodes),
      length: nodes.length - 1,
    };
  }

  async neighborhood(
    id: string,
    depth: number,
    types: RelationshipType[] | null | undefined,
    kinds: EntityKind[] | null | undefined,
    limit: number,
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
      relationshipFilter: (types?.length ? types : DEFAULT_TRAVERSAL_TYPES).map(assertType).join('|'),
      labelFilter: kinds?.length ? kinds.map((k) => `+${assertKind(k)}`).join('|') : '',
    };
    const [row] = await this.executor.read(NEIGHBORHOOD_CYPHER, params, 'neighborhood');
    if (!row) return null;
    const nodes = (row.nodes as unknown as PlainNode[]).map(toEntityRecord);
    return {
      nodes,
      edges: toRelationships(row.rels as unknown as RelRow[], nodes),
      truncated: nodes.length >= limit,
    };
  }
}

function toRelationships(rows: RelRow[], nodes: EntityRecord[]) {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  return rows.flatMap(({ rel, from, to }) => {
    const a = byId.get(from);
    const b = byId.get(to);
    return a && b ? [toRelationshipRecord(rel, a, b)] : [];
  });
}
