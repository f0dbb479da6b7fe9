import type { Plain } from '../../db/values';
import { ENTITY_LABEL, type PropertyType } from '../../graph/ontology';
import type { DumpEntity, DumpRelationship } from './graph-dump';
import { ENTITY_PROPERTY_TYPES, RELATIONSHIP_PROPERTY_TYPES, propertyType } from './property-types';

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;
const name = (key: string): string => (IDENTIFIER.test(key) ? key : `\`${key.replace(/`/g, '``')}\``);

/** A Cypher literal: JSON's string escapes are Cypher's; ints stay exact; dates become date(...). */
export function cypherLiteral(value: Plain, type: PropertyType): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `[${value.map((v) => cypherLiteral(v, 'string')).join(', ')}]`;
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'number') {
    if (type === 'int') return Math.trunc(value).toString();
    return Number.isInteger(value) ? value.toFixed(1) : String(value);
  }
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'string') {
    if (type === 'date') return `date(${JSON.stringify(value)})`;
    if (type === 'datetime') return `datetime(${JSON.stringify(value)})`;
    return JSON.stringify(value);
  }
  return JSON.stringify(JSON.stringify(value));
}

function map(props: Record<string, Plain>, known: Map<string, PropertyType>): string {
  const entries = Object.entries(props).map(([k, v]) => `${name(k)}: ${cypherLiteral(v, propertyType(known, k, v))}`);
  return `{${entries.join(', ')}}`;
}

/** Idempotent statements (MERGE on id), one per line, runnable with cypher-shell. */
export function entityStatement(e: DumpEntity): string {
  return `MERGE (n:${ENTITY_LABEL} {id: ${JSON.stringify(e.id)}}) SET n:${name(e.kind)}, n += ${map(e.properties, ENTITY_PROPERTY_TYPES)};`;
}

export function relationshipStatement(r: DumpRelationship): string {
  return [
    `MATCH (a:${ENTITY_LABEL} {id: ${JSON.stringify(r.from)}}), (b:${ENTITY_LABEL} {id: ${JSON.stringify(r.to)}})`,
    `MERGE (a)-[r:${name(r.type)} {id: ${JSON.stringify(r.id)}}]->(b) SET r += ${map(r.properties, RELATIONSHIP_PROPERTY_TYPES)};`,
  ].join(' ');
}
