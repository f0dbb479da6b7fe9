import { loadConfig } from '../config';
import { ensureLauncherBuilt, startLocalNeo4j } from '../db/local-neo4j';

/**
 * `npm run neo4j`: builds the launcher if needed and runs a local Neo4j in the foreground until
 * Ctrl-C / SIGTERM. Settings: NEO4J_DATA_DIR (default .neo4j/data), NEO4J_BOLT_PORT (7687),
 * NEO4J_HEAP (512m), NEO4J_PAGECACHE (128m), NEO4J_JVM_ARGS (none) - see src/config.ts.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const log = (line: string): void => console.error(line);
  await ensureLauncherBuilt({ log });
  const neo4j = await startLocalNeo4j({
    dataDir: config.NEO4J_DATA_DIR,
    boltPort: config.NEO4J_BOLT_PORT,
    heap: config.NEO4J_HEAP,
    pageCache: config.NEO4J_PAGECACHE,
    jvmArgs: config.NEO4J_JVM_ARGS,
    log: (line) => console.error(`[neo4j] ${line}`),
  });
  console.log(neo4j.uri);
  console.error(`Neo4j ready at ${neo4j.uri} (pid ${neo4j.pid}, data ${config.NEO4J_DATA_DIR}); Ctrl-C stops it.`);

  let stopping = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      stopping = true;
      console.error(`${signal}: stopping Neo4j...`);
      void neo4j.stop().then(() => process.exit(0));
    });
  }
  const code = await neo4j.exited;
  if (!stopping) {
    console.error(`Neo4j exited unexpectedly (code ${code})`);
    process.exit(1);
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
