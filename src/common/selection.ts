import { Kind, type FragmentDefinitionNode, type GraphQLResolveInfo, type SelectionNode } from 'graphql';

/** Names of the fields selected directly under the current field (fragments flattened, any type condition). */
export function selectedNames(info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'>): Set<string> {
  const names = new Set<string>();
  const visit = (selections: readonly SelectionNode[], fragments: Record<string, FragmentDefinitionNode>) => {
    for (const sel of selections) {
      if (sel.kind === Kind.FIELD) names.add(sel.name.value);
      else if (sel.kind === Kind.INLINE_FRAGMENT) visit(sel.selectionSet.selections, fragments);
      else {
        const fragment = fragments[sel.name.value];
        if (fragment) visit(fragment.selectionSet.selections, fragments);
      }
    }
  };
  for (const node of info.fieldNodes) visit(node.selectionSet?.selections ?? [], info.fragments);
  return names;
}

/** A connection asked only for its totalCount: no page needs to be read. */
export function countOnly(info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'>): boolean {
  const names = selectedNames(info);
  return !names.has('edges') && !names.has('pageInfo');
}
