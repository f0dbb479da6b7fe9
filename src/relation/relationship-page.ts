import { decodeCursor, encodeCursor } from '../common/cursor';
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

/**
 * Edges and page info encode their cursors only when a client selects them, not for every fact of a
 * nested answer; classes, so the getters live once on the prototype instead of once per edge.
 */
class FactEdge {
  constructor(readonly node: Relationship) {}

  get cursor(): string {
    return encodeCursor([this.node.id, this.node.type]);
  }
}

class FactPageInfo {
  constructor(
    private readonly edges: FactEdge[],
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
  const edges = page.items.map((node) => new FactEdge(node));
  return { edges, totalCount: page.total, pageInfo: new FactPageInfo(edges, page.hasMore, hadCursor) };
}
