import { createExecutor } from '../../src/app';
import { loadConfig } from '../../src/config';
import { MIGRATIONS_DIR } from '../../src/db/bootstrap';
import { ensureLauncherBuilt, startLocalNeo4j, type LocalNeo4j } from '../../src/db/local-neo4j';
import { migrate } from '../../src/db/migrate';
import { loadSeeds } from '../../src/seed/seed-runner';
import { percentile } from '../../src/tools/bench/stats';
import { makeTempDir } from './temp-dir';

/** Modest: the article graph is tiny, and two other test runs may share the machine. */
const HEAP = '512m';
const PAGE_CACHE = '64m';
/** A cold JVM start on a machine shared with other test runs (load 10+) can take minutes. */
const START_TIMEOUT_MS = 300_000;
/** Seeding on a machine shared with other test runs can exceed the default 15 s transaction cap. */
const SEED_TX_TIMEOUT_MS = '120000';

/**
 * A Neo4j owned by one test file (so it may kill it): a temporary data folder, migrated and seeded.
 * The caller stops it and then removes `dataDir` (removeTempDir).
 */
export async function startOwnNeo4j(
  dataDir?: string,
  boltPort = 0,
  /** Migrate and seed (a fresh folder only; false leaves an empty database for the server to migrate). */
  prepare = !dataDir,
): Promise<{ neo4j: LocalNeo4j; dataDir: string }> {
  await ensureLauncherBuilt();
  const dir = dataDir ?? (await makeTempDir('kg-own-neo4j-'));
  const neo4j = await startLocalNeo4j({
    dataDir: dir,
    boltPort,
    heap: HEAP,
    pageCache: PAGE_CACHE,
    startTimeoutMs: START_TIMEOUT_MS,
  });
  if (prepare) {
    const executor = createExecutor(loadConfig({ NEO4J_TX_TIMEOUT_MS: SEED_TX_TIMEOUT_MS }), neo4j.uri);
    try {
      await migrate(executor, MIGRATIONS_DIR);
      await loadSeeds(executor);
    } catch (err) {
      await neo4j.stop();
      throw err;
    } finally {
      await executor.close();
    }
  }
  return { neo4j, dataDir: dir };
}

/** Latency percentiles and answers by code, for the figures the load and fault runs print. */
export class Tally {
  readonly latencies: number[] = [];
  readonly codes: Record<string, number> = {};

  add(code: string, ms: number): void {
    this.codes[code] = (this.codes[code] ?? 0) + 1;
    this.latencies.push(ms);
  }

  get count(): number {
    return this.latencies.length;
  }

  percentile(p: number): number {
    return percentile(
      [...this.latencies].sort((a, b) => a - b),
      p,
    );
  }
}

export const mb = (bytes: number): number => Math.round((bytes / 1024 / 1024) * 10) / 10;
