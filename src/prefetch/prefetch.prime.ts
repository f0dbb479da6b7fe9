import type DataLoader from 'dataloader';
import type { Plain, PlainNode, PlainRelationship } from '../db/values';
import type { EntityRecord } from '../entity/entity.type';
import { toEntityRecord, toRelationshipRecord } from '../graph/records';
import type { RelatedKey, RelatedPage } from '../relation/relation.service';
import type { EntityPlan } from './prefetch.plan';

interface PrefetchedItem {
  rel: PlainRelationship;
  other: PlainNode;
  subs: Plain[];
}

interface PrefetchedField {
  items: PrefetchedItem[];
  total: number;
}

/**
 * Turn one entity's prefetched answers into loader pages, keyed exactly as the field resolvers
 * will ask (same spec, size, cursor, counting, date), and prime the request's loader with them,
 * recursively for the facts' other ends. Returns the entity's record.
 */
export function primeRelated(
  loader: DataLoader<RelatedKey, RelatedPage, string>,
  node: PlainNode,
  plan: EntityPlan,
  subs: Plain[],
): EntityRecord {
  const self = toEntityRecord(node);
  plan.related.forEach((related, i) => {
    if (related.kind && !node.labels.includes(related.kind)) return;
    const answer = subs[i] as unknown as PrefetchedField | undefined;
    if (!answer) return;
    const items = answer.items.slice(0, related.size).map(({ rel, other, subs: nested }) => {
      const otherRecord = primeRelated(loader, other, related.child, nested);
      return rel.startId === node.elementId
        ? toRelationshipRecord(rel, self, otherRecord, self.id)
        : toRelationshipRecord(rel, otherRecord, self, self.id);
    });
    const key: RelatedKey = {
      id: self.id,
      spec: related.spec,
      limit: related.size,
      after: null,
      withTotal: related.withTotal,
      asOf: related.asOf,
      countOnly: related.countOnly,
    };
    loader.prime(key, { items, hasMore: answer.items.length > related.size, total: Number(answer.total) });
  });
  return self;
}
