import { Direction } from '../graph/enums';
import { ENTITY_LABEL, type RelationshipType } from '../graph/ontology';
import { assertType } from '../graph/statements';

/** Which facts a relation field follows: types (empty = all) and direction from the entity. */
export interface RelationSpec {
  types: readonly RelationshipType[];
  direction: Direction;
}

/** `[r:A|B]` (types checked against the allowlist) drawn in the spec's direction. */
export function relPattern(spec: RelationSpec, variable = 'r', from = 'n', to = 'm'): string {
  const types = spec.types.map(assertType);
  const rel = types.length > 0 ? `[${variable}:${types.join('|')}]` : `[${variable}]`;
  if (spec.direction === Direction.OUT) return `(${from})-${rel}->(${to})`;
  if (spec.direction === Direction.IN) return `(${from})<-${rel}-(${to})`;
  return `(${from})-${rel}-(${to})`;
}

/**
 * Facts around many entities in one round trip: each row `{id, afterId, afterType}` gets at most
 * `$limit` facts after its cursor, ordered by (fact id, type) so pages are stable. With `withTotal`,
 * each entity's matching degree is counted too (COUNT {} reads the degree, it collects nothing).
 */
export function relatedCypher(spec: RelationSpec, withTotal: boolean): string {
  const lines = [
    'UNWIND $rows AS row',
    `MATCH (n:${ENTITY_LABEL} {id: row.id})`,
    'OPTIONAL CALL (n, row) {',
    `  MATCH ${relPattern(spec, 'r', 'n', `m:${ENTITY_LABEL}`)}`,
    '  WHERE row.afterId IS NULL OR r.id > row.afterId OR (r.id = row.afterId AND type(r) > row.afterType)',
    '  RETURN r, m',
    '  ORDER BY r.id, type(r)',
    '  LIMIT $limit',
    '}',
    'WITH row, n, collect(CASE WHEN r IS NULL THEN null ELSE {rel: r, other: m} END) AS rels',
  ];
  if (withTotal) {
    lines.push(`RETURN row.id AS id, n, rels, COUNT { ${relPattern(spec, '', 'n', '')} } AS total`);
  } else {
    lines.push('RETURN row.id AS id, n, rels');
  }
  return lines.join('\n');
}
