import type { GraphQLResolveInfo } from 'graphql';
import { namesAt } from '../common/selection';
import { NAME_PROPS, SLIM_ENTITY_FIELDS, SLIM_FACT_FIELDS, type NameProp } from '../prefetch/slim-fields';

/**
 * What a traversal reads of the nodes and facts it reaches. A client drawing a graph asks for ids,
 * names and types; whole nodes and relationships would carry every stored property, element ids
 * and provenance across Bolt for nothing (measured, lab, 1e5 entities: a 3-hop neighbourhood of
 * 500 nodes answered by the driver in 3.4 ms as projections, 13 ms as whole nodes and facts).
 */
export interface TraversalShape {
  /** Whole nodes (null), or their kind, id and these names. */
  nodeNames: readonly NameProp[] | null;
  /** Facts as their type, id and ends only. */
  slimFacts: boolean;
}

/** Everything: for callers without a selection. */
export const WHOLE: TraversalShape = { nodeNames: null, slimFacts: false };

const known = new WeakMap<GraphQLResolveInfo['fieldNodes'], TraversalShape>();

/**
 * The shape a traversal field's selection needs: `nodes` plus the facts' `from` and `to` (answered
 * from the same nodes), and the facts under `factsField`. Any field outside the slim sets, on any
 * of them, reads the whole thing. Remembered per field of a parsed operation.
 */
export function traversalShape(
  info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'>,
  factsField: 'edges' | 'relationships',
): TraversalShape {
  const hit = known.get(info.fieldNodes);
  if (hit) return hit;
  const nodeFields = new Set([
    ...namesAt(info, ['nodes']),
    ...namesAt(info, [factsField, 'from']),
    ...namesAt(info, [factsField, 'to']),
  ]);
  const factFields = namesAt(info, [factsField]);
  const shape: TraversalShape = {
    nodeNames: [...nodeFields].every((n) => SLIM_ENTITY_FIELDS.has(n))
      ? NAME_PROPS.filter((p) => nodeFields.has(p))
      : null,
    slimFacts: [...factFields].every((n) => n === 'from' || n === 'to' || SLIM_FACT_FIELDS.has(n)),
  };
  known.set(info.fieldNodes, shape);
  return shape;
}
