import { ENTITY_LABEL } from '../graph/ontology';

export const RESOLUTION_INDEX = 'entity_resolution_keys';

/**
 * Candidates for every mention at once: the entity holding its id (or its `sameAs`), and those
 * sharing a resolution key, found through the keyword full-text index (exact, index-backed).
 */
export const CANDIDATES_CYPHER = `UNWIND $rows AS row
OPTIONAL MATCH (byId:${ENTITY_LABEL} {id: coalesce(row.sameAs, row.id)})
CALL (row) {
  WITH row WHERE row.lucene IS NOT NULL
  CALL db.index.fulltext.queryNodes('${RESOLUTION_INDEX}', row.lucene) YIELD node
  RETURN collect(DISTINCT {id: node.id, kind: [l IN labels(node) WHERE l <> '${ENTITY_LABEL}'][0]}) AS byKey
}
RETURN row.ref AS ref,
  CASE WHEN byId IS NULL THEN null
    ELSE {id: byId.id, kind: [l IN labels(byId) WHERE l <> '${ENTITY_LABEL}'][0]} END AS byId,
  byKey`;

/** The entities mentions resolved to, with every claim made about them so far. */
export const TARGETS_CYPHER = `UNWIND $ids AS id
MATCH (n:${ENTITY_LABEL} {id: id})
OPTIONAL MATCH (:${ENTITY_LABEL}:Article)-[m:MENTIONS]->(n)
RETURN id, n, collect(properties(m)) AS mentions`;
