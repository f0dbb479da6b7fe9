import type { Plain, PlainNode, PlainRelationship } from '../db/values';
import type { EntityRecord } from '../entity/entity.type';
import { nameSlots, slimEntityRecord, slimFactRecord, toEntityRecord, toRelationshipRecord } from '../graph/records';
import type { Relationship } from '../relation/relationship.type';
import type { TraversalShape } from './traversal.shape';

/** Map a traversal's `nodes` and `rels` (traversal.cypher.ts) to records, in the shape they were read. */

/** Nodes as read: whole nodes, or `[kind, id, ...names]` with the shape's names in that order. */
export function toNodes(values: Plain[], shape: TraversalShape): EntityRecord[] {
  const names = shape.nodeNames;
  if (!names) return (values as unknown as PlainNode[]).map(toEntityRecord);
  const slots = nameSlots(names);
  const nodes = new Array<EntityRecord>(values.length);
  for (let i = 0; i < values.length; i++) nodes[i] = slimEntityRecord(values[i] as Plain[], 0, slots);
  return nodes;
}

interface WholeFact {
  rel: PlainRelationship;
  from: Plain;
  to: Plain;
}

/**
 * The facts between nodes that were reached: each end is taken from `nodes` by its position (see
 * traversal.cypher.ts); a fact to a node past the cap has a null position and is left out. Hot: a
 * drawn 3-hop neighbourhood has hundreds of facts; the loops are per shape.
 */
export function toFacts(rows: Plain[], nodes: EntityRecord[], shape: TraversalShape): Relationship[] {
  const facts: Relationship[] = [];
  if (shape.slimFacts) {
    // [type, id, from, to]
    for (let i = 0; i < rows.length; i++) {
      const slots = rows[i] as Plain[];
      const a = endAt(nodes, slots[2]);
      const b = endAt(nodes, slots[3]);
      if (a !== undefined && b !== undefined) facts.push(slimFactRecord(slots[0], slots[1], a, b));
    }
    return facts;
  }
  for (let i = 0; i < rows.length; i++) {
    const { rel, from, to } = rows[i] as unknown as WholeFact;
    const a = endAt(nodes, from);
    const b = endAt(nodes, to);
    if (a !== undefined && b !== undefined) facts.push(toRelationshipRecord(rel, a, b));
  }
  return facts;
}

/** The node at a fact end's position; undefined for an end not reached (null). */
function endAt(nodes: EntityRecord[], position: Plain | undefined): EntityRecord | undefined {
  return typeof position === 'number' ? nodes[position] : undefined;
}
