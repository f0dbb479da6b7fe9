import neo4j, {
  isDate,
  isDateTime,
  isInt,
  isNode,
  isRelationship,
  type Integer,
  type QueryResult,
  type Record as Neo4jRecord,
} from 'neo4j-driver';
import type { PropertyType } from '../graph/ontology';

/**
 * The one place where values cross between JavaScript and Neo4j.
 *
 * Out of Neo4j: INTEGER becomes a number when it is a safe integer and a bigint otherwise (so
 * 600,000,000,000 stays exact and nothing silently rounds), DATE becomes 'YYYY-MM-DD', DATETIME an
 * ISO 8601 string, nodes and relationships plain objects of their properties.
 * Into Neo4j: by the ontology's declared type, since a JS number would otherwise be stored as FLOAT.
 */

export type Plain = null | boolean | number | bigint | string | Plain[] | { [key: string]: Plain };

export interface PlainNode {
  elementId: string;
  labels: string[];
  properties: Record<string, Plain>;
}

export interface PlainRelationship {
  type: string;
  startId: string;
  endId: string;
  properties: Record<string, Plain>;
}

/** 2^21: an Integer whose high word lies strictly within ±this is a safe JS integer. */
const SAFE_HIGH = 0x200000;

/**
 * The high word alone settles most integers: |high| < 2^21 means |value| < 2^53, so the number is
 * exact. The driver's `inSafeRange()` compares by subtraction and allocates several Integers per
 * call, which showed in nested answers' allocation profiles (one count per listed field); only the
 * edge of the range still goes through it.
 */
export function integerToPlain(value: Integer): number | bigint {
  const high = value.high;
  if (high > -SAFE_HIGH && high < SAFE_HIGH) return high * 0x100000000 + (value.low >>> 0);
  return value.inSafeRange() ? value.toNumber() : value.toBigInt();
}

export function fromNeo4j(value: unknown): Plain {
  if (value === null || value === undefined) return null;
  const type = typeof value;
  if (type === 'string' || type === 'number' || type === 'boolean' || type === 'bigint') return value as Plain;
  // Lists and maps come fresh from the driver for each record and are converted in place: a nested
  // answer holds thousands of them, and copying each one doubled the garbage per request. They are
  // tested first, before the driver's type predicates, because they are most of what arrives.
  if (Array.isArray(value)) {
    // Strings (ids, names, types) and floats (a traversal's fact ends) are most of a list's items
    // and need nothing: not even the call.
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      if (typeof item !== 'string' && typeof item !== 'number') value[i] = fromNeo4j(item);
    }
    return value as Plain[];
  }
  if ((value as object).constructor === Object) return plainProps(value as Record<string, unknown>);
  if (isInt(value)) return integerToPlain(value as Integer);
  if (isDate(value) || isDateTime(value)) return value.toString();
  if (isNode(value)) {
    return {
      elementId: value.elementId,
      labels: value.labels,
      properties: plainProps(value.properties),
    } as unknown as Plain;
  }
  if (isRelationship(value)) {
    return {
      type: value.type,
      startId: value.startNodeElementId,
      endId: value.endNodeElementId,
      properties: plainProps(value.properties),
    } as unknown as Plain;
  }
  if (typeof value === 'object') {
    if ('toString' in value && value.constructor?.name?.match(/^(LocalDateTime|LocalTime|Time|Duration|Point)$/)) {
      return String(value);
    }
    return plainProps(value as Record<string, unknown>);
  }
  return String(value);
}

/** A driver map or property bag as plain values, converted in place (see fromNeo4j). */
export function plainProps(props: Record<string, unknown>): Record<string, Plain> {
  for (const key in props) props[key] = fromNeo4j(props[key]);
  return props as Record<string, Plain>;
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATETIME_RE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2})$/;

export function toNeo4jInt(value: unknown): Integer {
  if (typeof value === 'bigint') return neo4j.int(value.toString());
  if (typeof value === 'number' && Number.isSafeInteger(value)) return neo4j.int(value);
  if (typeof value === 'string' && /^-?\d+$/.test(value)) return neo4j.int(value);
  throw new TypeError(`not an integer: ${String(value)}`);
}

export function toNeo4jDate(value: string): unknown {
  const m = DATE_RE.exec(value);
  if (!m) throw new TypeError(`not an ISO date: ${value}`);
  return new neo4j.types.Date(Number(m[1]), Number(m[2]), Number(m[3]));
}

export function toNeo4jDateTime(value: string): unknown {
  const m = DATETIME_RE.exec(value);
  if (!m) throw new TypeError(`not an ISO date-time with offset: ${value}`);
  const offset = m[8] === 'Z' || m[8] === undefined ? 0 : offsetSeconds(m[8]);
  const nanos = m[7] ? Number(m[7].padEnd(9, '0')) : 0;
  return new neo4j.types.DateTime(
    Number(m[1]),
    Number(m[2]),
    Number(m[3]),
    Number(m[4]),
    Number(m[5]),
    Number(m[6] ?? 0),
    nanos,
    offset,
  );
}

function offsetSeconds(offset: string): number {
  const sign = offset.startsWith('-') ? -1 : 1;
  const [h, m] = offset.slice(1).split(':').map(Number);
  return sign * ((h ?? 0) * 3600 + (m ?? 0) * 60);
}

/** Convert one property value for storage according to its declared type. */
export function toNeo4j(type: PropertyType, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  switch (type) {
    case 'int':
      return toNeo4jInt(value);
    case 'date':
      return toNeo4jDate(String(value));
    case 'datetime':
      return toNeo4jDateTime(String(value));
    case 'float':
      return Number(value);
    default:
      return value;
  }
}

/** Convert a property map for storage, by a spec of declared types (unknown keys are refused). */
export function propsToNeo4j(
  specs: Record<string, { type: PropertyType }>,
  props: Record<string, unknown>,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(props)) {
    const spec = specs[key];
    if (!spec) throw new TypeError(`property '${key}' is not in the ontology`);
    out[key] = toNeo4j(spec.type, value);
  }
  return out;
}

/** Every row out of Neo4j, as plain values. */
export function toRows(result: QueryResult): Record<string, Plain>[] {
  return result.records.map(toRow);
}

/** One row out of Neo4j, as plain values. */
export function toRow(record: Neo4jRecord): Record<string, Plain> {
  const row: Record<string, Plain> = {};
  for (const key of record.keys) row[String(key)] = fromNeo4j(record.get(key));
  return row;
}
