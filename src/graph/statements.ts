import { ENTITY_LABEL, isEntityKind, isRelationshipType, type EntityKind, type RelationshipType } from './ontology';

/**
 * Write statements shared by the seed loader, the importers and the mutations. Labels and types are
 * interpolated only after an allowlist check (Cypher cannot take them as parameters); every value is
 * a parameter. Tests pin the text of each statement.
 */

export function assertKind(kind: string): EntityKind {
  if (!isEntityKind(kind)) throw new TypeError(`'${kind}' is not an entity kind of the ontology`);
  return kind;
}

export function assertType(type: string): RelationshipType {
  if (!isRelationshipType(type)) throw new TypeError(`'${type}' is not a relationship type of the ontology`);
  return type;
}

/** An entity's kind label, as one string (an entity has exactly one besides ENTITY_LABEL). */
export function kindExpr(node: string): string {
  return `[l IN labels(${node}) WHERE l <> '${ENTITY_LABEL}'][0]`;
}

/** Rows `{id, props}`: create or update entities of one kind. */
export function upsertEntitiesCypher(kind: string): string {
  const label = assertKind(kind);
  return [
    'UNWIND $rows AS row',
    `MERGE (n:${ENTITY_LABEL} {id: row.id})`,
    `SET n:${label}, n += row.props`,
    'RETURN count(n) AS written',
  ].join('\n');
}

/** Rows `{id, from, to, props}`: create or update facts of one type; endpoints must exist. */
export function upsertFactsCypher(type: string): string {
  const relType = assertType(type);
  return [
    'UNWIND $rows AS row',
    `MATCH (a:${ENTITY_LABEL} {id: row.from})`,
    `MATCH (b:${ENTITY_LABEL} {id: row.to})`,
    `MERGE (a)-[r:${relType} {id: row.id}]->(b)`,
    'SET r += row.props',
    'RETURN count(r) AS written',
  ].join('\n');
}

/** Ids among `$ids` that exist, with their kind label (to refuse changing an entity's kind). */
export const EXISTING_KINDS_CYPHER = [
  'UNWIND $ids AS id',
  `MATCH (n:${ENTITY_LABEL} {id: id})`,
  `RETURN n.id AS id, ${kindExpr('n')} AS kind`,
].join('\n');
