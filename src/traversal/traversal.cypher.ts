import { ENTITY_LABEL, type RelationshipType } from '../graph/ontology';
import { assertType, kindExpr } from '../graph/statements';
import { DEFAULT_TRAVERSAL_TYPES, MAX_PATH_LENGTH } from './traversal.limits';
import type { TraversalShape } from './traversal.shape';

/**
 * The traversals' Cypher. Each answers `nodes` and `rels` in the shape the selection needs
 * (traversal.shape.ts): whole nodes and `{rel, from, to}` maps, or projections
 * `[kind, id, ...names]` and `[type, id, from, to]`. A fact's `from` and `to` are the positions of
 * its ends in `nodes` (null: an end not reached), not their ids: the server takes each end from the
 * list instead of hashing the ids of every fact's ends into a map of the nodes, and Bolt carries a
 * number instead of an id. The positions are sent as floats (exact: at most 500 nodes), which the
 * driver hands over as plain numbers; an integer would arrive as a 64-bit Integer object to be
 * converted, and any client that serializes the driver's values as they are would print it as
 * `{low, high}`. Lab, real 3-hop answers (about 280 nodes, 300 facts): the work after the result
 * 58-63 against 89-94 µs per answer; Neo4j and the driver as fast (2.61 against 2.63 ms, 2.65
 * against 2.70, 200 inputs in turns). In the server, per 3-hop request (two lab runs, each build beside
 * the one before): our main thread 0.08 ms less, and the benchmark's floor, which runs this Cypher
 * too, 0.06-0.09 ms less.
 */

/** The nodes of `list` (a Cypher list expression) as the shape reads them. */
function nodesOf(list: string, shape: TraversalShape): string {
  return shape.nodeNames ? `[n IN ${list} | ${slots('n', shape.nodeNames)}]` : list;
}

function slots(node: string, names: readonly string[]): string {
  return `[${[kindExpr(node), `${node}.id`, ...names.map((p) => `${node}.${p}`)].join(', ')}]`;
}

/** Binds `at`: each node of `list` by its element id to its position in `list`. */
function positionsOf(list: string): string {
  return `apoc.map.fromLists([n IN ${list} | elementId(n)], range(0, size(${list}) - 1)) AS at`;
}

/** The facts of `list`, each with the positions of its ends (`at`, see positionsOf). */
function factsOf(list: string, shape: TraversalShape): string {
  const from = 'toFloat(at[elementId(startNode(r))])';
  const to = 'toFloat(at[elementId(endNode(r))])';
  return shape.slimFacts
    ? `[r IN ${list} | [type(r), r.id, ${from}, ${to}]]`
    : `[r IN ${list} | {rel: r, from: ${from}, to: ${to}}]`;
}

const shapeKeys = new WeakMap<TraversalShape, string>();

/** A memo key for a shape; shapes are remembered per operation (traversal.shape.ts), so is this. */
function key(shape: TraversalShape): string {
  let k = shapeKeys.get(shape);
  if (k === undefined) {
    k = `${shape.nodeNames?.join(',') ?? '*'}|${shape.slimFacts}`;
    shapeKeys.set(shape, k);
  }
  return k;
}

/** A memo key for types: the default set (most requests) is not joined again each time. */
function typesKey(types: readonly RelationshipType[]): string {
  return types === DEFAULT_TRAVERSAL_TYPES ? '*' : types.join('|');
}

/**
 * Both ends and the path in one round trip: a missing end comes back null (NOT_FOUND, not an
 * empty path), the same end twice skips the search. Length and types cannot be parameters of a
 * var-length pattern: both are validated first.
 */
export function shortestPathCypher(
  types: readonly RelationshipType[],
  maxLength: number,
  shape: TraversalShape,
): string {
  const k = `${typesKey(types)}/${maxLength}/${key(shape)}`;
  const hit = paths.get(k);
  if (hit !== undefined) return hit;
  const cypher = buildShortestPath(types, maxLength, shape);
  // Types come in any order and number: the memo is bounded, not keyed by every permutation forever.
  if (paths.size >= MAX_MEMO) paths.clear();
  paths.set(k, cypher);
  return cypher;
}

const paths = new Map<string, string>();
const MAX_MEMO = 256;

function buildShortestPath(types: readonly RelationshipType[], maxLength: number, shape: TraversalShape): string {
  if (!Number.isInteger(maxLength) || maxLength < 1 || maxLength > MAX_PATH_LENGTH) throw new RangeError('maxLength');
  const start = shape.nodeNames ? `CASE WHEN a IS NULL THEN null ELSE ${slots('a', shape.nodeNames)} END` : 'a';
  return `OPTIONAL MATCH (a:${ENTITY_LABEL} {id: $from})
OPTIONAL MATCH (b:${ENTITY_LABEL} {id: $to})
OPTIONAL CALL (a, b) {
  WITH a, b WHERE a <> b
  MATCH p = shortestPath((a)-[:${types.map(assertType).join('|')}*..${maxLength}]-(b))
  WITH nodes(p) AS nodes, relationships(p) AS rels
  WITH nodes, rels, ${positionsOf('nodes')}
  RETURN ${nodesOf('nodes', shape)} AS nodes, ${factsOf('rels', shape)} AS rels
}
RETURN ${start} AS a, b IS NOT NULL AS b, nodes, rels`;
}

const neighborhoods = new Map<string, string>();

/** APOC expands breadth-first with its own filters (given as parameters) and a node cap. */
export function neighborhoodCypher(shape: TraversalShape): string {
  const k = key(shape);
  let cypher = neighborhoods.get(k);
  if (cypher === undefined) {
    cypher = `MATCH (start:${ENTITY_LABEL} {id: $id})
CALL apoc.path.subgraphAll(start, {
  maxLevel: $depth, relationshipFilter: $relationshipFilter, labelFilter: $labelFilter, limit: $limit
}) YIELD nodes, relationships
WITH nodes, relationships, ${positionsOf('nodes')}
RETURN ${nodesOf('nodes', shape)} AS nodes, ${factsOf('relationships', shape)} AS rels`;
    neighborhoods.set(k, cypher);
  }
  return cypher;
}
