import { decodeCursor, encodeCursor } from '../common/cursor';
import { pageWindow, type PageWindow } from '../common/paging';
import type { RelatedPage } from './relation.service';
import type { RelationshipConnection } from './relationship-connection.type';

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

export function toConnection(page: RelatedPage, hadCursor: boolean): RelationshipConnection {
  // Cursors are encoded when a client selects them, not for every fact of a nested answer.
  const edges = page.items.map((node) => ({
    node,
    get cursor() {
      return encodeCursor([node.id, node.type]);
    },
  }));
  return {
    edges,
    totalCount: page.total,
    pageInfo: {
      hasNextPage: page.hasMore,
      hasPreviousPage: hadCursor,
      get startCursor() {
        return edges[0]?.cursor ?? null;
      },
      get endCursor() {
        return edges[edges.length - 1]?.cursor ?? null;
      },
    },
  };
}
