import { toNeo4jDate, toNeo4jInt } from '../db/values';
import { groupBy } from '../common/group-by';
import type { Executor } from '../db/executor';
import type { PlainNode, PlainRelationship } from '../db/values';
import type { EntityRecord } from '../entity/entity.type';
import { toEntityRecord, toRelationshipRecord } from '../graph/records';
import { FACTS_BY_SOURCE_CYPHER } from './facts.cypher';
import { relatedCypher, type RelationSpec } from './relation.cypher';
import type { Relationship } from './relationship.type';

export interface RelatedKey {
  id: string;
  spec: RelationSpec;
  /** Page size; one more is fetched to know whether there is a next page. */
  limit: number;
  after: { id: string; type: string } | null;
  withTotal: boolean;
  /** Only facts from sources published on or before this day (YYYY-MM-DD); null = all. */
  asOf?: string | null;
  /** Only the total is wanted (with `withTotal`): no page is read. */
  countOnly?: boolean;
}

export interface RelatedPage {
  items: Relationship[];
  hasMore: boolean;
  total: number;
}

export interface FactsKey {
  articleId: string;
  types: readonly string[] | null;
  limit: number;
  after: { id: string; type: string } | null;
}

interface FactsRow {
  id: string;
  facts: { rel: PlainRelationship; from: PlainNode; to: PlainNode }[];
  total: number;
}

interface RelatedRow {
  id: string;
  /** Absent when only counts were asked for. */
  n?: PlainNode;
  rels: { rel: PlainRelationship; other: PlainNode }[];
  total?: number;
}

/** Reads the facts around entities; built for batching (one query per distinct spec per tick). */
export class RelationService {
  constructor(private readonly executor: Executor) {}

  /** Answer many keys at once; keys with the same spec, size and counting share one query. */
  async relatedBatch(keys: readonly RelatedKey[]): Promise<RelatedPage[]> {
    const groups = groupIndexes(keys, (key) => [
      key.spec.types,
      key.spec.direction,
      key.limit,
      key.withTotal,
      key.asOf ?? null,
      key.countOnly === true,
    ]);
    const results: RelatedPage[] = new Array<RelatedPage>(keys.length);
    await Promise.all(
      [...groups.values()].map(async (indexes) => {
        const first = keys[indexes[0] as number] as RelatedKey;
        const rows = indexes.map((i) => {
          const k = keys[i] as RelatedKey;
          return {
            id: k.id,
            afterId: k.after?.id ?? null,
            afterType: k.after?.type ?? null,
          };
        });
        // Each entity's row becomes its page as it arrives (see Executor.readEach).
        const pages = await this.executor.readEach(
          relatedCypher(first.spec, first.withTotal, !!first.asOf, first.countOnly === true && first.withTotal),
          { rows, limit: toNeo4jInt(first.limit + 1), asOf: first.asOf ? toNeo4jDate(first.asOf) : null },
          'related',
          (row) => [String(row.id), toPage(row as unknown as RelatedRow, first.limit)] as const,
        );
        const byId = new Map(pages);
        for (const i of indexes) results[i] = byId.get((keys[i] as RelatedKey).id) ?? toPage(undefined, first.limit);
      }),
    );
    return results;
  }

  /** The facts each article states, a page per article, one query per (types, size). */
  async factsBatch(keys: readonly FactsKey[]): Promise<RelatedPage[]> {
    const groups = groupIndexes(keys, (key) => [key.types, key.limit]);
    const results: RelatedPage[] = new Array<RelatedPage>(keys.length);
    await Promise.all(
      [...groups.values()].map(async (indexes) => {
        const first = keys[indexes[0] as number] as FactsKey;
        const rows = indexes.map((i) => {
          const k = keys[i] as FactsKey;
          return {
            id: k.articleId,
            afterId: k.after?.id ?? null,
            afterType: k.after?.type ?? null,
          };
        });
        const params = {
          rows,
          types: first.types?.length ? first.types : null,
          limit: toNeo4jInt(first.limit + 1),
        };
        const found = (await this.executor.read(FACTS_BY_SOURCE_CYPHER, params, 'facts')) as unknown as FactsRow[];
        const byId = new Map(found.map((r) => [r.id, r]));
        for (const i of indexes) {
          const row = byId.get((keys[i] as FactsKey).articleId);
          const items = (row?.facts ?? [])
            .slice(0, first.limit)
            .map(({ rel, from, to }) => toRelationshipRecord(rel, toEntityRecord(from), toEntityRecord(to)));
          results[i] = {
            items,
            hasMore: (row?.facts.length ?? 0) > first.limit,
            total: Number(row?.total ?? 0),
          };
        }
      }),
    );
    return results;
  }
}

/** Positions of the keys that can share one query, grouped by what the query text depends on. */
function groupIndexes<K>(keys: readonly K[], shape: (key: K) => unknown): Map<string, number[]> {
  return groupBy(
    keys.map((_, i) => i),
    (i) => JSON.stringify(shape(keys[i] as K)),
  );
}

function toPage(row: RelatedRow | undefined, limit: number): RelatedPage {
  if (!row) return { items: [], hasMore: false, total: 0 };
  if (row.rels.length === 0) return { items: [], hasMore: false, total: Number(row.total ?? 0) };
  const node = row.n as PlainNode;
  const self: EntityRecord = toEntityRecord(node);
  const items = row.rels.slice(0, limit).map(({ rel, other }) => {
    const otherRecord = toEntityRecord(other);
    return rel.startId === node.elementId
      ? toRelationshipRecord(rel, self, otherRecord, self.id)
      : toRelationshipRecord(rel, otherRecord, self, self.id);
  });
  return {
    items,
    hasMore: row.rels.length > limit,
    total: Number(row.total ?? 0),
  };
}
