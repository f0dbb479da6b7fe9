import type { Executor } from '../db/executor';
import { ENTITY_KINDS, RELATIONSHIP_TYPE_NAMES } from '../graph/ontology';
import { assertKind, assertType } from '../graph/statements';

export interface GraphStats {
  entities: number;
  relationships: number;
  byKind: Record<string, number>;
  byType: Record<string, number>;
}

/**
 * Counts by kind and by relationship type. One label or one type per statement, so each count is
 * answered from Neo4j's count store, not by scanning the graph.
 */
export async function graphStats(executor: Executor): Promise<GraphStats> {
  return executor.readTx(async (tx) => {
    const byKind: Record<string, number> = {};
    for (const kind of ENTITY_KINDS) {
      const [row] = await tx.run(`MATCH (n:${assertKind(kind)}) RETURN count(n) AS n`);
      byKind[kind] = Number(row?.n ?? 0);
    }
    const byType: Record<string, number> = {};
    for (const type of RELATIONSHIP_TYPE_NAMES) {
      const [row] = await tx.run(`MATCH ()-[r:${assertType(type)}]->() RETURN count(r) AS n`);
      byType[type] = Number(row?.n ?? 0);
    }
    const sum = (o: Record<string, number>) => Object.values(o).reduce((a, b) => a + b, 0);
    return { entities: sum(byKind), relationships: sum(byType), byKind, byType };
  }, 'stats');
}

export function formatStats(stats: GraphStats): string {
  const rows = (o: Record<string, number>) =>
    Object.entries(o)
      .filter(([, n]) => n > 0)
      .map(([k, n]) => `  ${k.padEnd(24)} ${n.toLocaleString('en-US').padStart(12)}`);
  return [
    `entities       ${stats.entities.toLocaleString('en-US')}`,
    ...rows(stats.byKind),
    `relationships  ${stats.relationships.toLocaleString('en-US')}`,
    ...rows(stats.byType),
    '',
  ].join('\n');
}
