import {
  getArgumentValues,
  isInterfaceType,
  isObjectType,
  Kind,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLResolveInfo,
  type GraphQLSchema,
  type SelectionNode,
} from 'graphql';
import { pageWindow } from '../common/paging';
import { countOnly, namesAt } from '../common/selection';
import { isoDay } from '../common/scalars';
import { Direction } from '../graph/enums';
import { isEntityKind, type EntityKind, type RelationshipType } from '../graph/ontology';
import { RELATION_FIELDS } from '../relation/relation-fields';
import type { RelationSpec } from '../relation/relation.cypher';
import type { RelatedKey } from '../relation/relation.service';
import { mergeSamePages } from './prefetch.merge';
import { NAME_PROPS, SLIM_ENTITY_FIELDS, SLIM_FACT_FIELDS, type NameProp } from './slim-fields';

/**
 * Look ahead from a root field to the facts its entities select, so the root can fetch the whole
 * tree in one round trip (as @neo4j/graphql does) while the field resolvers stay as they are: the
 * root primes the per-request `related` loader with each page, and a resolver whose key was
 * primed gets its page without a query. Anything the plan does not cover (cursors, @skip/@include,
 * `from`/`to`, facts past MAX_DEPTH) is simply not prefetched and falls back to the batched loader,
 * so a plan can make a query cheaper but never change its answer.
 */
export interface RelatedPlan {
  /** Only entities of this kind have the field (typed relation fields); null = every entity. */
  kind: EntityKind | null;
  spec: RelationSpec;
  size: number;
  withTotal: boolean;
  asOf: string | null;
  /** `relationships { totalCount }` alone: the count, no page. */
  countOnly: boolean;
  /** The facts' selection needs only id, type and direction: their other properties stay in the store. */
  slimFacts: boolean;
  /** The other ends' selection needs only their id, kind and names (and facts of their own). */
  slimOthers: boolean;
  /** With `slimOthers`: the names the other ends select; only these are read, in this order. */
  otherProps: readonly NameProp[];
  /** What the facts' `other` ends select in turn. */
  child: EntityPlan;
}

export interface EntityPlan {
  related: RelatedPlan[];
}

/** The loader page a plan fills for entity `id`: the key its field resolver will ask for (first page). */
export function relatedKeyOf(plan: RelatedPlan, id: string): RelatedKey {
  const { spec, size, withTotal, asOf, countOnly } = plan;
  return { id, spec, limit: size, after: null, withTotal, asOf, countOnly };
}

/** Levels of facts fetched in the root's query; deeper ones go through the loader. */
export const MAX_DEPTH = 3;

interface Walk {
  schema: GraphQLSchema;
  fragments: Record<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
}

let lookahead = true;

/** Set once at start from QUERY_LOOKAHEAD; off = every level through the loader (for comparison). */
export function setLookahead(enabled: boolean): void {
  lookahead = enabled;
}

/** The plan for the entities reached at `path` (e.g. ['edges', 'node']) below the root field. */
export function planFromInfo(info: GraphQLResolveInfo, path: string[]): EntityPlan {
  if (!lookahead) return { related: [] };
  const walk: Walk = { schema: info.schema, fragments: info.fragments, variables: info.variableValues };
  const roots = info.fieldNodes.flatMap((node) => node.selectionSet?.selections ?? []);
  return entityPlan(walk, descend(walk, roots, path), 1);
}

export function isEmptyPlan(plan: EntityPlan): boolean {
  return plan.related.length === 0;
}

/** Fields of a selection set, fragments flattened; a selection under @skip/@include is left out. */
function fields(
  walk: Walk,
  selections: readonly SelectionNode[],
  kind: EntityKind | null,
  out: [FieldNode, EntityKind | null][] = [],
) {
  for (const sel of selections) {
    if (sel.directives?.length) continue;
    if (sel.kind === Kind.FIELD) out.push([sel, kind]);
    else {
      const frag = sel.kind === Kind.INLINE_FRAGMENT ? sel : walk.fragments[sel.name.value];
      if (!frag) continue;
      const on = frag.typeCondition?.name.value;
      fields(walk, frag.selectionSet.selections, on && isEntityKind(on) ? on : kind, out);
    }
  }
  return out;
}

/** The selections reached by following field names (through fragments) from `selections`. */
function descend(walk: Walk, selections: readonly SelectionNode[], path: string[]): SelectionNode[] {
  let current = [...selections];
  for (const name of path) {
    current = fields(walk, current, null)
      .filter(([node]) => node.name.value === name)
      .flatMap(([node]) => node.selectionSet?.selections ?? []);
  }
  return current;
}

function entityPlan(walk: Walk, selections: readonly SelectionNode[], depth: number): EntityPlan {
  if (depth > MAX_DEPTH) return { related: [] };
  const groups = new Map<string, { kind: EntityKind | null; nodes: FieldNode[] }>();
  for (const [node, kind] of fields(walk, selections, null)) {
    const name = node.name.value;
    const typed = kind !== null && RELATION_FIELDS[kind]?.[name] !== undefined;
    if (name !== 'relationships' && !typed) continue;
    const key = `${typed ? kind : ''}.${node.alias?.value ?? name}`;
    const group = groups.get(key) ?? { kind: typed ? kind : null, nodes: [] };
    group.nodes.push(node);
    groups.set(key, group);
  }
  const related: RelatedPlan[] = [];
  for (const { kind, nodes } of groups.values()) {
    const plan = relatedPlan(walk, kind, nodes, depth);
    if (plan) related.push(plan);
  }
  return { related: mergeSamePages(related) };
}

/** One relation field's plan, or null when its arguments are not plain enough to prefetch. */
function relatedPlan(walk: Walk, kind: EntityKind | null, nodes: FieldNode[], depth: number): RelatedPlan | null {
  const first = nodes[0] as FieldNode;
  const name = first.name.value;
  const type = walk.schema.getType(kind ?? 'Entity');
  const def = isObjectType(type) || isInterfaceType(type) ? type.getFields()[name] : undefined;
  if (!def) return null;
  let args: Record<string, unknown>;
  try {
    args = getArgumentValues(def, first, walk.variables);
  } catch {
    return null; // the resolver reports the error where it belongs
  }
  const subs = nodes.flatMap((n) => n.selectionSet?.selections ?? []);
  try {
    if (kind !== null) {
      const field = RELATION_FIELDS[kind]?.[name];
      if (!field) return null;
      const { size } = pageWindow({ first: args.first as number });
      const spec = { types: [...field.types].sort(), direction: field.direction };
      const child = entityPlan(walk, descend(walk, subs, ['other']), depth + 1);
      const slim = slimness(walk, nodes, []);
      return { kind, spec, size, withTotal: false, asOf: null, countOnly: false, ...slim, child };
    }
    if (args.after != null) return null;
    const { size } = pageWindow({ first: args.first as number });
    const types = [...new Set((args.types as RelationshipType[] | null) ?? [])].sort();
    const spec = { types, direction: (args.direction as Direction | undefined) ?? Direction.BOTH };
    const child = entityPlan(walk, descend(walk, subs, ['edges', 'node', 'other']), depth + 1);
    const names = new Set(fields(walk, subs, null).map(([node]) => node.name.value));
    const asOf = isoDay(args.asOf as string | Date | null);
    const slim = slimness(walk, nodes, ['edges', 'node']);
    // Counted only when asked for, as the resolver keys its page (see EntityRelationshipsResolver).
    const withTotal = names.has('totalCount');
    return { kind: null, spec, size, withTotal, asOf, countOnly: countOnly(names), ...slim, child };
  } catch {
    return null;
  }
}

/**
 * Whether the facts and their other ends can be fetched as projections (a few properties)
 * instead of whole relationships and nodes: a large nested read then moves a fraction of the
 * bytes. `from`/`to`, `provenance`, `properties` or any other stored field need the whole thing.
 * A slim other end reads only the names its selection asks for.
 */
function slimness(
  walk: Walk,
  fieldNodes: readonly FieldNode[],
  factPath: readonly string[],
): Pick<RelatedPlan, 'slimFacts' | 'slimOthers' | 'otherProps'> {
  // Every field the facts may read, @skip/@include or not: a variable can bring a guarded field
  // back, and a slim page would then answer it from properties that were never read.
  const at = { fieldNodes, fragments: walk.fragments };
  const factNames = namesAt(at, factPath);
  const otherNames = namesAt(at, [...factPath, 'other']);
  return {
    slimFacts: [...factNames].every((n) => SLIM_FACT_FIELDS.has(n)),
    slimOthers:
      !factNames.has('from') && !factNames.has('to') && [...otherNames].every((n) => SLIM_ENTITY_FIELDS.has(n)),
    otherProps: NAME_PROPS.filter((p) => otherNames.has(p)),
  };
}
