import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { centralityCypher } from '../analytics/analytics.cypher';
import { CentralityMeasure } from '../analytics/analytics.enums';
import { CentralityService } from '../analytics/centrality.service';
import { PAGERANK_DAMPING, PAGERANK_MAX_ITERATIONS } from '../analytics/analytics.limits';
import { projectionCypher } from '../analytics/projection.cypher';
import { resolveScope, scopeParams } from '../analytics/scope';
import { loadConfig } from '../config';
import { openDatabase } from '../db/bootstrap';
import { toNeo4jInt } from '../db/values';
import { createLogger } from '../logger';

/** Runs per variant: the median of a few damps the noise of a shared machine. */
const RUNS = 5;
const NAMED = 'bench-named-projection';

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

async function time(fn: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

/**
 * `node dist/src/tools/bench-analytics.js [--namespace NAME]`: a centrality request computed over a
 * per-request projection (project + algorithm + drop) against the same algorithm over a named
 * projection kept in memory (project once). Prints medians in ms.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { namespace: { type: 'string' } } });
  const config = loadConfig();
  const db = await openDatabase(config, createLogger(config.LOG_LEVEL), true);
  const executor = db.executor;
  const scope = resolveScope({ namespace: values.namespace ?? null });
  const service = new CentralityService(executor);
  const algo = {
    top: toNeo4jInt(10),
    rankKinds: null,
    perKind: false,
    maxIterations: toNeo4jInt(PAGERANK_MAX_ITERATIONS),
    damping: PAGERANK_DAMPING,
  };
  try {
    const [size] = await executor.read(
      `${projectionCypher(scope)}`.replace('$graphName', "'bench-size'"),
      scopeParams(scope),
    );
    await executor.read("CALL gds.graph.drop('bench-size')");
    process.stdout.write(`graph: ${String(size?.nodeCount)} nodes, ${String(size?.relationshipCount)} relationships\n`);
    for (const measure of [CentralityMeasure.DEGREE, CentralityMeasure.PAGERANK]) {
      const perRequest: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        perRequest.push(
          await time(() => service.centrality(measure, scope, { top: 10, rankKinds: null, perKind: false })),
        );
      }
      const project = await time(() =>
        executor.read(projectionCypher(scope), { ...scopeParams(scope), graphName: NAMED }),
      );
      const named: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        named.push(await time(() => executor.read(centralityCypher(measure), { ...algo, graphName: NAMED })));
      }
      await executor.read('CALL gds.graph.drop($g)', { g: NAMED });
      process.stdout.write(
        `${measure}: per-request median ${median(perRequest).toFixed(0)} ms; ` +
          `named: project ${project.toFixed(0)} ms once, then median ${median(named).toFixed(0)} ms\n`,
      );
    }
  } finally {
    await db.close();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
