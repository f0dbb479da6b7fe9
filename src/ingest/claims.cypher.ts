import { ENTITY_LABEL } from '../graph/ontology';

/**
 * Every article's claim of one property for many entities; `$key` is `claim_<property>`, checked
 * against the ontology first. "As of" is knowledge time: claims published on or before the date.
 */
export const CLAIMS_CYPHER = `UNWIND $ids AS id
MATCH (a:${ENTITY_LABEL}:Article)-[m:MENTIONS]->(n:${ENTITY_LABEL} {id: id})
WHERE m[$key] IS NOT NULL AND ($asOf IS NULL OR m.sourceDate IS NULL OR m.sourceDate <= $asOf)
RETURN id, a.id AS articleId, m[$key] AS value, m.quote AS quote, m.sourceDate AS sourceDate
ORDER BY id, m.sourceDate DESC, a.id`;
