import 'reflect-metadata';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/config';
import { MIGRATIONS_DIR } from '../../src/db/bootstrap';
import { ensureLauncherBuilt, startLocalNeo4j, type LocalNeo4j } from '../../src/db/local-neo4j';
import { migrate } from '../../src/db/migrate';
import { loadSeeds } from '../../src/seed/seed-runner';
import { createExecutor } from '../../src/app';

declare global {
  var __TEST_NEO4J__: LocalNeo4j | undefined;
}

const TEST_TX_TIMEOUT_MS = 120_000;

/**
 * Start a throwaway Neo4j (temporary folder, free port) unless NEO4J_URI is given, and apply the
 * migrations and the article seed once. Workers inherit NEO4J_URI from here. Each test file then owns its own data.
 */
export default async function globalSetup(): Promise<void> {
  // Tests assert behaviour, not speed: on a loaded 2-core machine a cold query plan alone can take
  // seconds, so the per-transaction cap is raised for the suite (tests of timeouts set their own).
  process.env.NEO4J_TX_TIMEOUT_MS ??= String(TEST_TX_TIMEOUT_MS);
  if (!process.env.NEO4J_URI) {
    await ensureLauncherBuilt({
      log: (msg) => process.stderr.write(`[neo4j] ${msg}\n`),
    });
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'kg-test-neo4j-'));
    const neo4j = await startLocalNeo4j({
      dataDir,
      boltPort: 0,
      heap: '768m',
      pageCache: '64m',
    });
    globalThis.__TEST_NEO4J__ = neo4j;
    process.env.NEO4J_URI = neo4j.uri;
    process.env.TEST_NEO4J_DATA_DIR = dataDir;
  }
  const executor = createExecutor(loadConfig(), process.env.NEO4J_URI as string);
  try {
    await migrate(executor, MIGRATIONS_DIR);
    // The article graph is shared, read-only fixture data: loaded once here (MERGE, idempotent)
    // rather than by several files at once, whose identical MERGEs would only wait on each other.
    await loadSeeds(executor);
  } finally {
    await executor.close();
  }
}
