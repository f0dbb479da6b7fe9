import { Direction } from '../graph/enums';
import { ENTITY_LABEL } from '../graph/ontology';
import { assertType } from '../graph/statements';
import { UNDATED_FACT_AGE_YEARS } from './analytics.limits';
import { NAMESPACE_PROPERTY } from './namespace';
import type { Scope } from './scope';

/**
 * Statement text for the per-request GDS projection. Relationship types are interpolated only
 * after the ontology check; kinds, the date and the namespace are parameters.
 */

/** How a fact is weighted for weighted paths: every fact 1, or 1 + its age in years. */
export type FactWeight = 'HOPS' | 'RECENCY';

/** `v` is in scope: in the requested namespace (none = the article graph), of an allowed kind. */
export function nodeInScope(v: string, scope: Scope): string {
  const ns = scope.namespace ? `${v}.${NAMESPACE_PROPERTY} = $namespace` : `${v}.${NAMESPACE_PROPERTY} IS NULL`;
  const kinds = scope.kinds ? ` AND any(l IN labels(${v}) WHERE l IN $kinds)` : '';
  return ns + kinds;
}

/** Fact `r` holds on $asOf: validFrom <= asOf <= validTo, a missing bound being open (no time = always). */
export function factInScope(r: string, scope: Scope): string {
  if (!scope.asOf) return 'true';
  return `(${r}.validFrom IS NULL OR ${r}.validFrom <= $asOf) AND (${r}.validTo IS NULL OR ${r}.validTo >= $asOf)`;
}

/** Cost of fact `r`: 1, or 1 + years between its validFrom and $asOf (today without one). */
export function factCost(r: string, weight: FactWeight): string {
  if (weight === 'HOPS') return '1.0';
  const age = `duration.inDays(${r}.validFrom, coalesce($asOf, date())).days / 365.25`;
  return `CASE WHEN ${r}.validFrom IS NULL THEN ${1 + UNDATED_FACT_AGE_YEARS}.0 WHEN ${age} < 0 THEN 1.0 ELSE 1.0 + ${age} END`;
}

/**
 * Project the scoped graph into the GDS catalog as `$graphName` with the Cypher aggregation
 * `gds.graph.project` (the procedure gds.graph.project.cypher is deprecated in GDS 2.x).
 * Parallel facts between two entities become one relationship with the lowest cost; with
 * Direction.BOTH the pair is ordered first, so A->B and B->A also collapse, and the projection is
 * undirected. Entities without any fact in scope are still projected (isolated nodes).
 */
export function projectionCypher(scope: Scope, weight: FactWeight = 'HOPS'): string {
  const types = scope.types.map(assertType).join('|');
  // The source of each projected relationship: s (as stored), t (reversed) or the lower element id.
  const sFirst = {
    [Direction.OUT]: 'true',
    [Direction.IN]: 'false',
    [Direction.BOTH]: 'elementId(s) <= elementId(t)',
  }[scope.direction];
  const pair = `WITH CASE WHEN t IS NULL OR ${sFirst} THEN s ELSE t END AS a,
     CASE WHEN t IS NULL THEN null WHEN ${sFirst} THEN t ELSE s END AS b, cost`;
  const undirected = scope.direction === Direction.BOTH ? `, {undirectedRelationshipTypes: ['*']}` : '';
  return `MATCH (s:${ENTITY_LABEL}) WHERE ${nodeInScope('s', scope)}
OPTIONAL MATCH (s)-[r:${types}]->(t:${ENTITY_LABEL}) WHERE ${nodeInScope('t', scope)} AND ${factInScope('r', scope)}
WITH s, t, CASE WHEN r IS NULL THEN null ELSE ${factCost('r', weight)} END AS cost
${pair}
WITH a, b, min(cost) AS cost
WITH gds.graph.project($graphName, a, b, CASE WHEN b IS NULL THEN {} ELSE {relationshipProperties: {cost: cost}} END${undirected}) AS g
RETURN g.nodeCount AS nodeCount, g.relationshipCount AS relationshipCount`;
}

/** Drop the request's projections; a missing one (the projection failed) is not an error. */
export const DROP_PROJECTIONS_CYPHER = `UNWIND $graphNames AS graphName
CALL gds.graph.drop(graphName, false) YIELD graphName AS dropped
RETURN count(dropped) AS dropped`;
