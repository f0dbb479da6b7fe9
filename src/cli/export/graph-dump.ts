import type { Executor, Row } from '../../db/executor';
import type { Plain } from '../../db/values';
import { toNeo4jInt } from '../../db/values';
import { ENTITY_LABEL } from '../../graph/ontology';

/** Entities per read: pages keep each transaction small on a graph of millions. */
export const EXPORT_PAGE_SIZE = 5_000;

export interface DumpEntity {
  id: string;
  kind: string;
  properties: Record<string, Plain>;
}
export interface DumpRelationship {
  id: string;
  type: string;
  from: string;
  to: string;
  properties: Record<string, Plain>;
}

const ENTITY_PAGE = [
  `MATCH (n:${ENTITY_LABEL}) WHERE n.id > $after`,
  'WITH n ORDER BY n.id LIMIT $limit',
  `RETURN n.id AS id, [l IN labels(n) WHERE l <> '${ENTITY_LABEL}'][0] AS kind, properties(n) AS props`,
].join('\n');

/** Outgoing facts of a page of entities (each fact is listed once, from its start node). */
const RELATIONSHIP_PAGE = [
  'UNWIND $ids AS id',
  `MATCH (a:${ENTITY_LABEL} {id: id})-[r]->(b:${ENTITY_LABEL})`,
  'RETURN r.id AS id, type(r) AS type, a.id AS from, b.id AS to, properties(r) AS props',
  'ORDER BY from, type, r.id',
].join('\n');

function withoutId(props: Plain | undefined): Record<string, Plain> {
  const { id: _id, ...rest } = (props ?? {}) as Record<string, Plain>;
  return rest;
}

/** Every entity, in id order, page by page (one read transaction per page). */
export async function* readEntities(executor: Executor, pageSize = EXPORT_PAGE_SIZE): AsyncGenerator<DumpEntity[]> {
  let after = '';
  for (;;) {
    const rows: Row[] = await executor.read(ENTITY_PAGE, { after, limit: toNeo4jInt(pageSize) }, 'export');
    if (rows.length === 0) return;
    yield rows.map((r) => ({ id: String(r.id), kind: String(r.kind), properties: withoutId(r.props) }));
    after = String(rows[rows.length - 1]?.id);
    if (rows.length < pageSize) return;
  }
}

export async function readRelationshipsFrom(executor: Executor, ids: string[]): Promise<DumpRelationship[]> {
  const rows = await executor.read(RELATIONSHIP_PAGE, { ids }, 'export');
  return rows.map((r) => ({
    id: String(r.id),
    type: String(r.type),
    from: String(r.from),
    to: String(r.to),
    properties: withoutId(r.props),
  }));
}
