import { Kind, type FieldNode, type GraphQLResolveInfo, type SelectionNode } from 'graphql';

/** Answers per field of a parsed operation: the same field nodes always select the same names. */
const known = new WeakMap<readonly FieldNode[], ReadonlySet<string>>();

/**
 * Names of the fields selected directly under the current field (fragments flattened, any type
 * condition). Remembered per field of the operation: a nested read asks once per parent entity
 * (1,000 times in the benchmark's P2), always with the same field nodes.
 */
export function selectedNames(info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'>): ReadonlySet<string> {
  const hit = known.get(info.fieldNodes);
  if (hit) return hit;
  const names = namesAt(info, []);
  known.set(info.fieldNodes, names);
  return names;
}

/** A connection that selects these fields needs no page of items (totalCount alone, or nothing). */
export function countOnly(names: ReadonlySet<string>): boolean {
  return !names.has('edges') && !names.has('pageInfo');
}

/**
 * Names of the fields selected at `path` below the current field (e.g. ['edges', 'from']),
 * fragments flattened. Fields under @skip/@include count as selected: a caller deciding what it
 * may leave unread must not be told a field is absent when a variable can bring it back.
 */
export function namesAt(
  info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'>,
  path: readonly string[],
): Set<string> {
  const flatten = (selections: readonly SelectionNode[], out: FieldNode[] = []): FieldNode[] => {
    for (const sel of selections) {
      if (sel.kind === Kind.FIELD) out.push(sel);
      else {
        const fragment = sel.kind === Kind.INLINE_FRAGMENT ? sel : info.fragments[sel.name.value];
        if (fragment) flatten(fragment.selectionSet.selections, out);
      }
    }
    return out;
  };
  let current: FieldNode[] = [...info.fieldNodes];
  for (const name of path) {
    current = flatten(current.flatMap((node) => node.selectionSet?.selections ?? [])).filter(
      (node) => node.name.value === name,
    );
  }
  return new Set(flatten(current.flatMap((node) => node.selectionSet?.selections ?? [])).map((n) => n.name.value));
}
