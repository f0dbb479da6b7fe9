import { ENTITY_LABEL } from '../graph/ontology';
import { assertKind, assertType } from '../graph/statements';

/** Statements of the mutations; labels and types pass the allowlist, values are parameters. */

export const FIND_ENTITY_CYPHER = `OPTIONAL MATCH (n:${ENTITY_LABEL} {id: $id})
RETURN n, [l IN labels(n) WHERE l <> '${ENTITY_LABEL}'][0] AS kind`;

export const ARTICLE_EXISTS_CYPHER = `OPTIONAL MATCH (a:${ENTITY_LABEL}:Article {id: $articleId})
RETURN a IS NOT NULL AS exists`;

export function createEntityCypher(kind: string): string {
  return `CREATE (n:${ENTITY_LABEL}:${assertKind(kind)})
SET n = $props
RETURN n`;
}

/** Names may have changed: the derived resolution keys follow. */
export const SET_KEYS_CYPHER = `MATCH (n:${ENTITY_LABEL} {id: $id})
SET n.resolutionKeys = $keys
RETURN n`;

export const UPDATE_ENTITY_CYPHER = `MATCH (n:${ENTITY_LABEL} {id: $id})
SET n += $props
RETURN n`;

/** The article names the entity: the MENTIONS fact is the provenance of its properties. */
export const MENTION_CYPHER = `MATCH (a:${ENTITY_LABEL}:Article {id: $articleId})
UNWIND $entityIds AS entityId
MATCH (n:${ENTITY_LABEL} {id: entityId})
MERGE (a)-[m:MENTIONS {id: $articleId + '~mentions~' + entityId}]->(n)
ON CREATE SET m += $provenance
RETURN count(m) AS mentions`;

/** Facts citing the entity as their source (when it is an article), found from what it mentions. */
export const CITED_FACTS_CYPHER = `MATCH (a:${ENTITY_LABEL} {id: $id})-[:MENTIONS]->(:${ENTITY_LABEL})-[r]-()
WHERE type(r) <> 'MENTIONS' AND r.source = $id
RETURN count(DISTINCT r) AS cited`;

export const DELETE_ENTITY_CYPHER = `MATCH (n:${ENTITY_LABEL} {id: $id})
WITH n, COUNT { (n)--() } AS relationships
DETACH DELETE n
RETURN relationships`;

export function findFactCypher(type: string): string {
  return `OPTIONAL MATCH (a)-[r:${assertType(type)} {id: $id}]->(b)
RETURN r, a, b`;
}

export function createFactCypher(type: string): string {
  return `MATCH (a:${ENTITY_LABEL} {id: $from}), (b:${ENTITY_LABEL} {id: $to})
CREATE (a)-[r:${assertType(type)}]->(b)
SET r = $props
RETURN r, a, b`;
}

export function updateFactCypher(type: string): string {
  return `MATCH (a)-[r:${assertType(type)} {id: $id}]->(b)
SET r += $props
RETURN r, a, b`;
}

export function deleteFactCypher(type: string): string {
  return `MATCH ()-[r:${assertType(type)} {id: $id}]->()
DELETE r
RETURN count(*) AS deleted`;
}
