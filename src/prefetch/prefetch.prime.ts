import type DataLoader from 'dataloader';
import type { Plain, PlainNode, PlainRelationship } from '../db/values';
import type { EntityRecord } from '../entity/entity.type';
import { toEntityRecord, toRelationshipRecord } from '../graph/records';
import type { RelatedKey, RelatedPage } from '../relation/relation.service';
import { outgoingSlot } from './prefetch.cypher';
import type { EntityPlan, RelatedPlan } from './prefetch.plan';

/** One prefetched fact as a flat list (see itemSlots in prefetch.cypher.ts), its last slot `subs`. */
type Item = Plain[];
/** One field's answer: its items (one more than the page when there is a next page) and total. */
type Answer = [items: Item[], total: number];

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
  primeFields(loader, self, plan, subs);
  return self;
}

function primeFields(
  loader: DataLoader<RelatedKey, RelatedPage, string>,
  self: EntityRecord,
  plan: EntityPlan,
  subs: Plain[],
): void {
  plan.related.forEach((related, i) => {
    if (related.kind && self.kind !== related.kind) return;
    const answer = subs[i] as unknown as Answer | undefined;
    if (!answer) return;
    const [found, total] = answer;
    const at = outgoingSlot(related);
    const items = found.slice(0, related.size).map((item) => {
      const other = entity(related, item, at + 1);
      primeFields(loader, other, related.child, item[item.length - 1] as Plain[]);
      const rel = relationship(related, item);
      return item[at] === true
        ? toRelationshipRecord(rel, self, other, self.id)
        : toRelationshipRecord(rel, other, self, self.id);
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
    loader.prime(key, { items, hasMore: found.length > related.size, total: Number(total) });
  });
}

function entity(plan: RelatedPlan, item: Item, at: number): EntityRecord {
  if (!plan.slimOthers) return toEntityRecord(item[at] as unknown as PlainNode);
  const properties: Record<string, Plain> = { id: item[at + 1] ?? null };
  plan.otherProps.forEach((prop, i) => (properties[prop] = item[at + 2 + i] ?? null));
  return toEntityRecord({ labels: item[at] as string[], properties });
}

function relationship(plan: RelatedPlan, item: Item): Pick<PlainRelationship, 'type' | 'properties'> {
  if (!plan.slimFacts) return item[0] as unknown as PlainRelationship;
  return { type: String(item[0]), properties: { id: item[1] ?? null } };
}
