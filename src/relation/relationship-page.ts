import { decodeCursor, LazyEdge, type CursorKey } from '../common/cursor';
import { pageWindow, type PageWindow } from '../common/paging';
import type { RelatedPage } from './relation.service';
import type { RelationshipConnection } from './relationship-connection.type';
import type { Relationship } from './relationship.type';

/** Forward-only keyset window over facts, ordered by (id, type). */
export function factWindow(
  first: number,
  after: string | null | undefined,
): {
  window: PageWindow;
  after: { id: string; type: string } | null;
} {
  const window = pageWindow({ first, after });
  if (window.cursor === null) return { window, after: null };
  const [id, type] = decodeCursor(window.cursor, 'after', 2);
  return { window, after: { id: String(id), type: String(type) } };
}

/** A fact edge's cursor key: (id, type), the order facts are paged in. */
const factKey = (node: Relationship): CursorKey => [node.id, node.type];

/** Page info whose cursors, like the edges', are encoded only when selected. */
class FactPageInfo {
  constructor(
    private readonly edges: LazyEdge<Relationship>[],
    readonly hasNextPage: boolean,
    readonly hasPreviousPage: boolean,
  ) {}

  get startCursor(): string | null {
    return this.edges[0]?.cursor ?? null;
  }

  get endCursor(): string | null {
    return this.edges[this.edges.length - 1]?.cursor ?? null;
  }
}

export function toConnection(page: RelatedPage, hadCursor: boolean): RelationshipConnection {
  const edges = page.items.map((node) => new LazyEdge(node, factKey));
  return { edges, totalCount: page.total, pageInfo: new FactPageInfo(edges, page.hasMore, hadCursor) };
}
