import { Direction } from '../graph/enums';
import { ENTITY_LABEL } from '../graph/ontology';
import { assertType } from '../graph/statements';
import { factCost, factInScope, nodeInScope, type FactWeight } from './projection.cypher';
import type { Scope } from './scope';

/**
 * Statement text of the analytics algorithms, each run against the request's projection
 * `$graphName`. GDS node ids are turned back into nodes with gds.util.asNode. An entity deleted
 * after the projection was made (a write committed meanwhile) comes back as null there: it is left
 * out of rankings and communities, and a path through it is not returned.
 */

export type CentralityMeasure = 'DEGREE' | 'PAGERANK' | 'BETWEENNESS' | 'CLOSENESS';
export type CommunityAlgorithmName = 'LOUVAIN' | 'LEIDEN' | 'WCC';

const CENTRALITY_CALLS: Record<CentralityMeasure, string> = {
  DEGREE: 'CALL gds.degree.stream($graphName) YIELD nodeId, score',
  PAGERANK:
    'CALL gds.pageRank.stream($graphName, {maxIterations: $maxIterations, dampingFactor: $damping}) YIELD nodeId, score',
  BETWEENNESS: 'CALL gds.betweenness.stream($graphName) YIELD nodeId, score',
  // Wasserman-Faust closeness stays meaningful on graphs with several components.
  CLOSENESS: 'CALL gds.closeness.stream($graphName, {useWassermanFaust: true}) YIELD nodeId, score',
};

/** Top `$top` by score (per kind when `$perKind`), among kinds `$rankKinds` (null = all); ties by id. */
export function centralityCypher(measure: CentralityMeasure): string {
  return `${CENTRALITY_CALLS[measure]}
WITH gds.util.asNode(nodeId) AS node, score
WHERE node IS NOT NULL AND ($rankKinds IS NULL OR any(l IN labels(node) WHERE l IN $rankKinds))
WITH node, score, CASE WHEN $perKind THEN [l IN labels(node) WHERE l <> '${ENTITY_LABEL}'][0] END AS bucket
ORDER BY score DESC, node.id
WITH bucket, collect({node: node, score: score})[..$top] AS ranked
UNWIND range(0, size(ranked) - 1) AS i
RETURN ranked[i].node AS node, ranked[i].score AS score, i + 1 AS rank
ORDER BY bucket, rank`;
}

const COMMUNITY_CALLS: Record<CommunityAlgorithmName, string> = {
  LOUVAIN: 'CALL gds.louvain.stream($graphName) YIELD nodeId, communityId',
  LEIDEN: 'CALL gds.leiden.stream($graphName) YIELD nodeId, communityId',
  WCC: 'CALL gds.wcc.stream($graphName) YIELD nodeId, componentId AS communityId',
};

/** One row: how many communities, and the `$top` largest with up to `$maxMembers` members (by id). */
export function communitiesCypher(algorithm: CommunityAlgorithmName): string {
  return `${COMMUNITY_CALLS[algorithm]}
WITH communityId, collect(nodeId) AS ids
WITH communityId, ids, size(ids) AS size
ORDER BY size DESC, communityId
WITH count(*) AS total, collect({id: communityId, size: size, ids: ids[..$maxMembers]})[..$top] AS top
RETURN total, [c IN top | {id: c.id, size: c.size,
  members: apoc.coll.sortNodes([m IN [n IN c.ids | gds.util.asNode(n)] WHERE m IS NOT NULL], '^id')}] AS communities`;
}

/** Entities most similar to `$id` by shared neighbours (Jaccard > 0, GDS's default cutoff), among kinds `$rankKinds`. */
export const SIMILARITY_CYPHER = `MATCH (a:${ENTITY_LABEL} {id: $id})
CALL gds.nodeSimilarity.filtered.stream($graphName, {sourceNodeFilter: [a], topK: $top})
YIELD node2, similarity
WITH gds.util.asNode(node2) AS node, similarity
WHERE node IS NOT NULL AND ($rankKinds IS NULL OR any(l IN labels(node) WHERE l IN $rankKinds))
RETURN node, similarity AS score
ORDER BY score DESC, node.id`;

/**
 * Paths cheapest first. GDS numbers paths of equal cost in no fixed order (it varies from run to
 * run), so ties are broken by the paths' entity ids: the same question gets the same answer.
 */
const PATH_YIELD = `YIELD index, totalCost, nodeIds, costs
WITH index, totalCost, [n IN nodeIds | gds.util.asNode(n)] AS nodes, costs
WHERE none(n IN nodes WHERE n IS NULL)
RETURN index, totalCost, nodes, costs
ORDER BY totalCost, [n IN nodes | n.id]`;

/** Cheapest path by Dijkstra over the projection's `cost`. */
export const DIJKSTRA_CYPHER = `MATCH (a:${ENTITY_LABEL} {id: $from}), (b:${ENTITY_LABEL} {id: $to})
CALL gds.shortestPath.dijkstra.stream($graphName, {sourceNode: a, targetNode: b, relationshipWeightProperty: 'cost'})
${PATH_YIELD}`;

/** The `$k` cheapest loopless paths by Yen's algorithm. */
export const YENS_CYPHER = `MATCH (a:${ENTITY_LABEL} {id: $from}), (b:${ENTITY_LABEL} {id: $to})
CALL gds.shortestPath.yens.stream($graphName, {sourceNode: a, targetNode: b, k: $k, relationshipWeightProperty: 'cost'})
${PATH_YIELD}`;

function hopPattern(direction: Direction, types: string): string {
  if (direction === Direction.OUT) return `(x)-[r:${types}]->(y)`;
  if (direction === Direction.IN) return `(x)<-[r:${types}]-(y)`;
  return `(x)-[r:${types}]-(y)`;
}

/** For each hop `{from, to}` of a found path, the cheapest fact in scope that makes it (ties by id). */
export function hopFactsCypher(scope: Scope, weight: FactWeight): string {
  const types = scope.types.map(assertType).join('|');
  return `UNWIND $hops AS hop
MATCH (x:${ENTITY_LABEL} {id: hop.from}), (y:${ENTITY_LABEL} {id: hop.to})
MATCH ${hopPattern(scope.direction, types)}
WHERE ${factInScope('r', scope)}
WITH hop, r ORDER BY ${factCost('r', weight)}, r.id
WITH hop, collect(r)[0] AS r
RETURN hop.from AS hopFrom, hop.to AS hopTo, {rel: r, from: startNode(r).id, to: endNode(r).id} AS fact`;
}

/** Every shortest path by hop count (Cypher's allShortestPaths), all nodes and facts in scope. */
export function allShortestPathsCypher(scope: Scope, maxLength: number): string {
  const types = scope.types.map(assertType).join('|');
  const arrow = { OUT: ['-', '->'], IN: ['<-', '-'], BOTH: ['-', '-'] }[scope.direction];
  return `MATCH (a:${ENTITY_LABEL} {id: $from}), (b:${ENTITY_LABEL} {id: $to})
MATCH p = allShortestPaths((a)${arrow[0]}[:${types}*..${maxLength}]${arrow[1]}(b))
WHERE all(n IN nodes(p) WHERE ${nodeInScope('n', scope)})
  AND all(r IN relationships(p) WHERE ${factInScope('r', scope)})
WITH p LIMIT $limit
RETURN nodes(p) AS nodes, [r IN relationships(p) | {rel: r, from: startNode(r).id, to: endNode(r).id}] AS rels`;
}

/** Both endpoints: whether each exists and whether it is inside the scope. */
export function endpointsCypher(scope: Scope): string {
  return `OPTIONAL MATCH (a:${ENTITY_LABEL} {id: $from})
OPTIONAL MATCH (b:${ENTITY_LABEL} {id: $to})
RETURN a IS NOT NULL AS fromExists, b IS NOT NULL AS toExists,
  a IS NOT NULL AND ${nodeInScope('a', scope)} AS fromInScope, b IS NOT NULL AND ${nodeInScope('b', scope)} AS toInScope`;
}
