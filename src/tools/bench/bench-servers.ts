import path from 'node:path';
import { REPO_ROOT } from '../../config';
import { YOUNG_GENERATION_FLAG } from '../../server/heap';
import { P1_CONTROL } from './p1.goal';
import type { Servers } from './scenarios.http';
import { freePort, startServer, type RunningServer } from './servers';
import type { BenchDb } from './types';

/** Settings our server runs the benchmark with; the report lists them. */
export const OUR_BENCH_ENV = {
  RATE_LIMIT_REQUESTS: '0',
  MAX_PAGE_SIZE: '10000',
  MAX_QUERY_COST: '1000000',
  LOG_LEVEL: 'warn',
  SEED_ON_START: 'false',
};

const PEER_DIR = path.join(REPO_ROOT, 'tools', 'bench', 'peer');
const DIST = path.join(REPO_ROOT, 'dist', 'src');
const OUR_SCRIPT = path.join(DIST, 'index.js');
const FLOOR_SCRIPT = path.join(DIST, 'tools', 'bench', 'floor-server.js');

/** Start every server of the HTTP scenarios against the benchmark's Neo4j, one at a time. */
export async function startBenchServers(
  db: BenchDb,
  log: (line: string) => void,
): Promise<Servers & { stopPeers: () => Promise<void>; stopAll: () => Promise<void> }> {
  const dbEnv = {
    NEO4J_URI: db.uri,
    NEO4J_USERNAME: db.user,
    NEO4J_PASSWORD: db.password,
    NEO4J_DATABASE: db.database,
  };
  const started: RunningServer[] = [];
  const start = async (name: string, script: string, readyPath: string, extra: Record<string, string> = {}) => {
    // Our servers (METRICS_ENABLED is on by default) and the floor answer /metrics with the same
    // process figures; the GraphQL peers have none.
    const metrics = script === OUR_SCRIPT || script === FLOOR_SCRIPT ? '/metrics' : undefined;
    // Ours starts as `npm start` starts it, with its young generation's bound (heap.ts).
    const args = script === OUR_SCRIPT ? [YOUNG_GENERATION_FLAG, script] : [script];
    const server = await startServer(name, args, { ...dbEnv, ...extra }, await freePort(), readyPath, metrics);
    started.push(server);
    log(`  ${name} ready (pid ${server.pid})`);
    return server;
  };
  try {
    const ours = await start('ours', OUR_SCRIPT, '/readyz', OUR_BENCH_ENV);
    const oursBatched = await start('ours, batched', OUR_SCRIPT, '/readyz', {
      ...OUR_BENCH_ENV,
      QUERY_LOOKAHEAD: 'false',
    });
    const oursUnadmitted = await start('ours, no admission', OUR_SCRIPT, '/readyz', {
      ...OUR_BENCH_ENV,
      MAX_INFLIGHT_COST: '0',
    });
    const neo4jGraphql = await start('@neo4j/graphql', path.join(PEER_DIR, 'neo4j-graphql-server.mjs'), '/graphql');
    const naive = await start('naive', path.join(PEER_DIR, 'naive-server.mjs'), '/graphql');
    const floor = await start('floor', FLOOR_SCRIPT, '/');
    const floorControl = await start(P1_CONTROL, FLOOR_SCRIPT, '/');
    const warmer = await start('warm-up', FLOOR_SCRIPT, '/');
    const peers = [oursBatched, oursUnadmitted, neo4jGraphql, naive, floorControl, warmer];
    return {
      ours,
      oursBatched,
      oursUnadmitted,
      neo4jGraphql,
      naive,
      floor,
      floorControl,
      warmer,
      stopPeers: async () => {
        await Promise.all(peers.map((s) => s.stop()));
      },
      stopAll: async () => {
        await Promise.all(started.map((s) => s.stop()));
      },
    };
  } catch (err) {
    await Promise.all(started.map((s) => s.stop()));
    throw err;
  }
}
