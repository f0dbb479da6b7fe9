import DataLoader from 'dataloader';
import { toNeo4jInt } from '../db/values';
import { decodeCursor, LazyEdge, type CursorKey } from '../common/cursor';
import { pageWindow, type PageArgs } from '../common/paging';
import type { Executor, Row } from '../db/executor';
import type { Plain, PlainNode } from '../db/values';
import { prefetchCypher } from '../prefetch/prefetch.cypher';
import type { EntityPlan } from '../prefetch/prefetch.plan';
import { ENTITY_LABEL } from '../graph/ontology';
import { toEntityRecord } from '../graph/records';
import type { EntityFilter, EntityOrder } from './entity.args';
import type { EntityConnection } from './entity-connection.type';
import { byIdCypher, countCypher, filterClause, pageCypher, sortSpec } from './entity.cypher';
import type { EntityRecord } from './entity.type';

export const BY_IDS_CYPHER = `MATCH (n:${ENTITY_LABEL}) WHERE n.id IN $ids RETURN n`;

/** A look-ahead plan and what turns each row (node plus its prefetched facts) into a record. */
export interface Prefetch {
  plan: EntityPlan;
  record: (node: PlainNode, prefetched: Plain[]) => EntityRecord;
}

/** An entity edge's cursor key: the sort value, then the id. */
const byIdKey = (node: EntityRecord): CursorKey => [node.id, node.id];
const byNameKey = (node: EntityRecord): CursorKey => [node.name, node.id];

/** The most ids one shared lookup sends: a burst larger than this goes as several queries at once. */
export const MAX_SHARED_LOOKUP = 1000;

/** Reads entities: by id (batched, and shared by the requests in flight), in keyset-paginated pages, and counts. */
export class EntityService {
  /**
   * Point lookups by id from every request in flight, gathered until the event loop has handled
   * the sockets that were ready together (`setImmediate`), then sent as one `BY_IDS_CYPHER`. The
   * per-request loaders (context.ts) keep their cache and hand their batches here; this one caches
   * nothing, so no answer outlives its query. Alone, a lookup waits for nothing but the rest of
   * its own turn of the loop.
   *
   * Why: a query's session, pool checkout and result cost neo4j-driver about 62 KB of allocation
   * and most of a lookup's CPU (lab, V8's sampling heap profiler: 109 KB per point lookup in all),
   * and with hundreds of requests in flight those objects outlived young collections, so the
   * server slowed just when it had a backlog to clear. Lab, the 1e5 graph, the server alone on a
   * core, closed loop: 3,274-3,401 req/s at 8 connections, 4,265-4,288 at 64 and 2,433-2,781 at
   * 512 with a query per lookup; 6,138-6,262, 14,527-15,661 and 10,808-11,242 shared. Stopped
   * for 1 s at 2,300 req/s, its slowest request took 2.1-2.4 s before and 1.2-1.4 s after.
   */
  private readonly lookups = new DataLoader<string, EntityRecord | null>((ids) => this.byIds(ids), {
    cache: false,
    batchScheduleFn: (dispatch) => setImmediate(dispatch),
    maxBatchSize: MAX_SHARED_LOOKUP,
  });

  constructor(private readonly executor: Executor) {}

  /**
   * Entities by id, in the order asked, null where absent, through the shared lookup. A failed
   * query fails every request that shared it, each with the mapped, coded error: one `load` per
   * id rather than `loadMany`, which would return the error in place of each answer.
   */
  lookup(ids: readonly string[]): Promise<(EntityRecord | null)[]> {
    return Promise.all(ids.map((id) => this.lookups.load(id)));
  }

  /**
   * The shared lookup's query: one for many ids; answers in the order asked, null where absent.
   * Private, so no caller can go around the sharing. An id asked twice gets two records: requests
   * that shared the query never share a record.
   */
  private async byIds(ids: readonly string[]): Promise<(EntityRecord | null)[]> {
    const rows = await this.executor.read(BY_IDS_CYPHER, { ids: [...new Set(ids)] }, 'entitiesById');
    const found = new Map<string, PlainNode>();
    for (const row of rows) {
      const node = row.n as unknown as PlainNode;
      found.set(String(node.properties.id), node);
    }
    return ids.map((id) => {
      const node = found.get(id);
      return node === undefined ? null : toEntityRecord(node);
    });
  }

  /** One entity with the facts its selection asks for, in one round trip. */
  async byIdPrefetched(id: string, prefetch: Prefetch): Promise<EntityRecord | null> {
    const params = { id };
    const cypher = byIdCypher(prefetchCypher(prefetch.plan, 'n', params));
    const [record] = await this.executor.readEach(cypher, params, 'entity', (row) =>
      prefetch.record(row.n as unknown as PlainNode, row.prefetched as Plain[]),
    );
    return record ?? null;
  }

  async page(
    filter: EntityFilter | null | undefined,
    order: EntityOrder | null | undefined,
    args: PageArgs,
    prefetch?: Prefetch,
  ): Promise<Omit<EntityConnection, 'totalCount'>> {
    const window = pageWindow(args);
    const sort = sortSpec(order);
    const clause = filterClause(filter);
    const params = { ...clause.params, limit: toNeo4jInt(window.size + 1) };
    if (window.cursor !== null) {
      const field = window.backward ? 'before' : 'after';
      const [key, id] = decodeCursor(window.cursor, field, 2);
      Object.assign(params, { cursorKey: key, cursorId: id });
    }
    const calls = prefetch ? prefetchCypher(prefetch.plan, 'n', params) : undefined;
    const cypher = pageCypher(clause, sort, window.backward, window.cursor !== null, calls);
    // Rows become records as they arrive; the row past the page only says there is a next page.
    const toRecord = (r: Row, i: number): EntityRecord | null =>
      i >= window.size
        ? null
        : prefetch
          ? prefetch.record(r.n as unknown as PlainNode, r.prefetched as Plain[])
          : toEntityRecord(r.n as unknown as PlainNode);
    const found = window.size === 0 ? [] : await this.executor.readEach(cypher, params, 'entities', toRecord);
    const more = found.length > window.size;
    const records = (more ? found.slice(0, window.size) : found) as EntityRecord[];
    if (window.backward) records.reverse();
    const keyOf = sort.property === 'id' ? byIdKey : byNameKey;
    const edges = records.map((node) => new LazyEdge(node, keyOf));
    return {
      edges,
      filter: filter ?? null,
      pageInfo: {
        hasNextPage: window.backward ? window.cursor !== null : more,
        hasPreviousPage: window.backward ? more : window.cursor !== null,
        startCursor: edges[0]?.cursor ?? null,
        endCursor: edges[edges.length - 1]?.cursor ?? null,
      },
    };
  }

  async count(filter: EntityFilter | null | undefined): Promise<number> {
    const clause = filterClause(filter);
    const rows = await this.executor.read(countCypher(clause), clause.params, 'entitiesCount');
    return Number(rows[0]?.total ?? 0);
  }
}
