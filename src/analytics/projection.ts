import { randomUUID } from 'node:crypto';
import type { Executor, Tx } from '../db/executor';
import { DROP_PROJECTIONS_CYPHER, projectionCypher, type FactWeight } from './projection.cypher';
import { scopeParams, type Scope } from './scope';
import { asAnalyticsError } from './analytics.errors';

export interface ProjectionSize {
  nodes: number;
  relationships: number;
}

/** Prefix of every per-request projection name, so leftovers are recognisable in gds.graph.list(). */
export const PROJECTION_PREFIX = 'analytics-';

/**
 * Run `work` against a fresh projection of `scope`, all in one read transaction (so the
 * executor's transaction timeout covers projecting and the algorithm), and drop the projection
 * afterwards whatever happened. A retried transaction projects under a new name; all are dropped.
 */
export async function withProjection<T>(
  executor: Executor,
  scope: Scope,
  operation: string,
  work: (tx: Tx, graphName: string, size: ProjectionSize) => Promise<T>,
  weight: FactWeight = 'HOPS',
): Promise<T> {
  const graphNames: string[] = [];
  let failed = false;
  try {
    return await executor.readTx(async (tx) => {
      const graphName = `${PROJECTION_PREFIX}${randomUUID()}`;
      graphNames.push(graphName);
      const [row] = await tx.run(projectionCypher(scope, weight), { ...scopeParams(scope), graphName });
      return work(tx, graphName, {
        nodes: Number(row?.nodeCount ?? 0),
        relationships: Number(row?.relationshipCount ?? 0),
      });
    }, operation);
  } catch (err) {
    failed = true;
    throw asAnalyticsError(err);
  } finally {
    if (graphNames.length) {
      // A failing drop must not hide the request's own error; after a success it is reported.
      await executor.read(DROP_PROJECTIONS_CYPHER, { graphNames }, `${operation}.drop`).catch((err: unknown) => {
        if (!failed) throw err;
      });
    }
  }
}
