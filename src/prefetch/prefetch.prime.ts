import type DataLoader from 'dataloader';
import type { Plain, PlainNode, PlainRelationship } from '../db/values';
import type { EntityRecord } from '../entity/entity.type';
import { toEntityRecord, toRelationshipRecord } from '../graph/records';
import type { RelatedKey, RelatedPage } from '../relation/relation.service';
import type { EntityPlan, RelatedPlan } from './prefetch.plan';

/** A slim fact, as prefetch.cypher.ts projects it: `[type, id]`. */
type SlimFact = [type: string, id: Plain];
/** A slim other end: `[labels, id, name, nameKo, aliases]`. */
type SlimEntity = [labels: string[], id: Plain, name: Plain, nameKo: Plain, aliases: Plain];
/** One prefetched fact: the fact, whether it leaves the entity it was reached from, its other end, nested answers. */
type Item = [fact: PlainRelationship | SlimFact, outgoing: boolean, other: PlainNode | SlimEntity, subs: Plain[]];
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
    const items = found.slice(0, related.size).map(([fact, outgoing, end, nested]) => {
      const other = entity(related, end);
      primeFields(loader, other, related.child, nested);
      const rel = relationship(related, fact);
      return outgoing
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

function entity(plan: RelatedPlan, end: PlainNode | SlimEntity): EntityRecord {
  if (!plan.slimOthers) return toEntityRecord(end as PlainNode);
  const [labels, id, name, nameKo, aliases] = end as SlimEntity;
  return toEntityRecord({ labels, properties: { id, name, nameKo, aliases } });
}

function relationship(
  plan: RelatedPlan,
  fact: PlainRelationship | SlimFact,
): Pick<PlainRelationship, 'type' | 'properties'> {
  if (!plan.slimFacts) return fact as PlainRelationship;
  const [type, id] = fact as SlimFact;
  return { type, properties: { id } };
}
