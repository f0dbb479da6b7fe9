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

/** Knowledge time: a fact counts "as of" a day when its source was published by then (undated always counts). */
export function knownBy(rel = 'r', param = 'asOf'): string {
  return `${rel}.sourceDate IS NULL OR ${rel}.sourceDate <= $${param}`;
}
const AS_OF = knownBy();

/**
 * The order of a page of facts: (fact id, type), since ids are unique per type only. Over a single
 * type the id alone is unique, and leaving type() out spares Neo4j computing and comparing it for
 * every fact around the entity, before the page is cut.
 */
export function factOrder(spec: RelationSpec, r = 'r'): string {
  return spec.types.length === 1 ? `${r}.id` : `${r}.id, type(${r})`;
}

/**
 * Facts around many entities in one round trip: each row `{id, afterId, afterType}` gets at most
 * `$limit` facts after its cursor, ordered by (fact id, type) so pages are stable. With `withTotal`,
 * each entity's matching degree is counted too (without `asOf`, COUNT {} reads the stored degree
 * and collects nothing). With `asOf`, only facts known by `$asOf` are listed and counted.
 */
export function relatedCypher(spec: RelationSpec, withTotal: boolean, asOf = false, countOnly = false): string {
  if (countOnly) return countOnlyCypher(spec, asOf);
  const lines = [
    'UNWIND $rows AS row',
    `MATCH (n:${ENTITY_LABEL} {id: row.id})`,
    'OPTIONAL CALL (n, row) {',
    `  MATCH ${relPattern(spec, 'r', 'n', `m:${ENTITY_LABEL}`)}`,
    '  WHERE (row.afterId IS NULL OR r.id > row.afterId OR (r.id = row.afterId AND type(r) > row.afterType))',
    ...(asOf ? [`    AND (${AS_OF})`] : []),
    '  RETURN r, m',
    `  ORDER BY ${factOrder(spec)}`,
    '  LIMIT $limit',
    '}',
    'WITH row, n, collect(CASE WHEN r IS NULL THEN null ELSE {rel: r, other: m} END) AS rels',
  ];
  if (!withTotal) lines.push('RETURN row.id AS id, n, rels');
  else if (!asOf) lines.push(`RETURN row.id AS id, n, rels, COUNT { ${relPattern(spec, '', 'n', '')} } AS total`);
  else
    lines.push(
      `RETURN row.id AS id, n, rels, COUNT { MATCH ${relPattern(spec, 'r', 'n', '')} WHERE ${AS_OF} } AS total`,
    );
  return lines.join('\n');
}

/** Only the counts (a connection asked for totalCount alone): no fact or property is read, nothing sorted. */
function countOnlyCypher(spec: RelationSpec, asOf: boolean): string {
  const count = asOf
    ? `COUNT { MATCH ${relPattern(spec, 'r', 'n', '')} WHERE ${AS_OF} }`
    : `COUNT { ${relPattern(spec, '', 'n', '')} }`;
  return [
    'UNWIND $rows AS row',
    `MATCH (n:${ENTITY_LABEL} {id: row.id})`,
    `RETURN row.id AS id, [] AS rels, ${count} AS total`,
  ].join('\n');
}
