import type { Plain, PlainNode, PlainRelationship } from '../db/values';
import type { EntityRecord } from '../entity/entity.type';
import { slimEntityRecord, slimFactRecord, toEntityRecord, toRelationshipRecord } from '../graph/records';
import type { Relationship } from '../relation/relationship.type';
import type { TraversalShape } from './traversal.shape';

/** Map a traversal's `nodes` and `rels` (traversal.cypher.ts) to records, in the shape they were read. */

/** Nodes as read: whole nodes, or `[kind, id, ...names]` with the shape's names in that order. */
export function toNodes(values: Plain[], shape: TraversalShape): EntityRecord[] {
  const names = shape.nodeNames;
  if (!names) return (values as unknown as PlainNode[]).map(toEntityRecord);
  return (values as Plain[][]).map((slots) => slimEntityRecord(slots, 0, names));
}

interface WholeFact {
  rel: PlainRelationship;
  from: string;
  to: string;
}

/**
 * The facts between nodes that were reached (a fact to a node past the cap is left out). Hot: a
 * drawn 3-hop neighbourhood has hundreds of facts, each looked up by both ends; the loops are
 * per shape, and a fact whose first end is missing is not looked up again.
 */
export function toFacts(rows: Plain[], nodes: EntityRecord[], shape: TraversalShape): Relationship[] {
  const byId = new Map<string, EntityRecord>();
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i] as EntityRecord;
    byId.set(node.id, node);
  }
  const facts: Relationship[] = [];
  if (shape.slimFacts) {
    // [type, id, fromId, toId]
    for (let i = 0; i < rows.length; i++) {
      const slots = rows[i] as Plain[];
      const a = byId.get(String(slots[2]));
      if (a === undefined) continue;
      const b = byId.get(String(slots[3]));
      if (b !== undefined) facts.push(slimFactRecord(slots[0], slots[1], a, b));
    }
    return facts;
  }
  for (let i = 0; i < rows.length; i++) {
    const { rel, from, to } = rows[i] as unknown as WholeFact;
    const a = byId.get(from);
    if (a === undefined) continue;
    const b = byId.get(to);
    if (b !== undefined) facts.push(toRelationshipRecord(rel, a, b));
  }
  return facts;
}
