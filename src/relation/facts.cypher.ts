import { ENTITY_LABEL } from '../graph/ontology';

/**
 * The facts an article states, for many articles at once. A fact's `source` is not indexed across
 * types, so the search starts from the article and walks only the entities it mentions: local work,
 * however large the graph. Ordered by (fact id, type) for stable keyset pages.
 */
export const FACTS_BY_SOURCE_CYPHER = `UNWIND $rows AS row
MATCH (a:${ENTITY_LABEL}:Article {id: row.id})
OPTIONAL CALL (a, row) {
  MATCH (a)-[:MENTIONS]->(n:${ENTITY_LABEL})-[r]->(m:${ENTITY_LABEL})
  WHERE r.source = a.id AND type(r) <> 'MENTIONS'
    AND ($types IS NULL OR type(r) IN $types)
    AND (row.afterId IS NULL OR r.id > row.afterId OR (r.id = row.afterId AND type(r) > row.afterType))
  WITH DISTINCT r, n, m
  RETURN r, n, m
  ORDER BY r.id, type(r)
  LIMIT $limit
}
WITH row, a, collect(CASE WHEN r IS NULL THEN null ELSE {rel: r, from: n, to: m} END) AS facts
RETURN row.id AS id, facts, COUNT {
  MATCH (a)-[:MENTIONS]->(:${ENTITY_LABEL})-[r]->(:${ENTITY_LABEL})
  WHERE r.source = a.id AND type(r) <> 'MENTIONS' AND ($types IS NULL OR type(r) IN $types)
  RETURN DISTINCT r
} AS total`;
