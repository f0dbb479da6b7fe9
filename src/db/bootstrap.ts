import net from 'node:net';
import path from 'node:path';
import type { Config } from '../config';
import { REPO_ROOT } from '../config';
import { createExecutor } from '../app';
import type { Logger } from '../logger';
import type { Executor } from './executor';
import { ensureLauncherBuilt, startLocalNeo4j, type LocalNeo4j } from './local-neo4j';
import { migrate } from './migrate';
import { assertProcedures } from '../analytics/procedures.check';

export const MIGRATIONS_DIR = path.join(REPO_ROOT, 'schema', 'migrations');
/** How long to wait for the local Neo4j (given by NEO4J_URI with reuseRunning) to answer. */
const CONNECT_TIMEOUT_MS = 60_000;
/** Pause between attempts to reach a database that is not answering yet. */
const CONNECT_RETRY_MS = 1_000;

export interface Database {
  executor: Executor;
  /** Set when this process started the local Neo4j (and so must stop it). */
  local?: LocalNeo4j;
  /** True once the database has been reached and migrated. */
  isReady(): boolean;
  /** Settles when isReady() turns true (never rejects for an external database; it keeps retrying). */
  ready: Promise<void>;
  close(): Promise<void>;
}

/**
 * Reach the database: NEO4J_URI when set (start nothing), else the project's local Neo4j, started
 * here unless `reuseRunning` and one already answers on NEO4J_BOLT_PORT. Then apply migrations
 * (for a tolerated external database, in the background once it answers).
 */
export async function openDatabase(
  config: Config,
  logger: Logger,
  reuseRunning = false,
  /** The server passes true: an unreachable NEO4J_URI must not stop it from starting (see openExternal). */
  tolerateUnreachable = false,
): Promise<Database> {
  let uri = config.NEO4J_URI;
  let local: LocalNeo4j | undefined;
  if (!uri && reuseRunning && (await portAnswers(config.NEO4J_BOLT_PORT))) {
    uri = `bolt://127.0.0.1:${config.NEO4J_BOLT_PORT}`;
  }
  if (!uri) {
    await ensureLauncherBuilt({ log: (msg) => logger.info(msg) });
    local = await startLocalNeo4j({
      dataDir: config.NEO4J_DATA_DIR,
      boltPort: config.NEO4J_BOLT_PORT,
      heap: config.NEO4J_HEAP,
      pageCache: config.NEO4J_PAGECACHE,
      gcLog: config.NEO4J_GC_LOG,
      jvmArgs: config.NEO4J_JVM_ARGS,
      log: (line) => logger.debug({ neo4j: line }),
    });
    uri = local.uri;
    logger.info({ uri, pid: local.pid }, 'local Neo4j started');
  }
  const executor = createExecutor(config, uri);
  if (tolerateUnreachable && !local && config.NEO4J_URI) return openExternal(executor, logger);
  try {
    await waitUntilReachable(executor);
    const applied = await migrate(executor, MIGRATIONS_DIR, (msg) => logger.info(msg));
    if (applied.length) logger.info({ applied }, 'migrations applied');
    // GDS and APOC must be registered: say which procedures are missing instead of failing per request.
    await assertProcedures(executor);
  } catch (err) {
    await executor.close();
    await local?.stop();
    throw err;
  }
  return {
    executor,
    local,
    isReady: () => true,
    ready: Promise.resolve(),
    close: async () => {
      await executor.close();
      await local?.stop();
    },
  };
}

/**
 * A database we do not run may be down when we start, or go away later: start anyway (the API answers
 * SERVICE_UNAVAILABLE and /readyz 503), and keep trying in the background until it answers and is migrated.
 */
function openExternal(executor: Executor, logger: Logger): Database {
  let ready = false;
  let closed = false;
  const readyPromise = (async () => {
    for (let attempt = 1; !closed; attempt++) {
      try {
        await executor.ping();
        const applied = await migrate(executor, MIGRATIONS_DIR, (msg) => logger.info(msg));
        if (applied.length) logger.info({ applied }, 'migrations applied');
        await assertProcedures(executor);
        ready = true;
        return;
      } catch (err) {
        if (attempt === 1) logger.warn({ err }, 'database unreachable at start; retrying in the background');
        await new Promise((r) => setTimeout(r, CONNECT_RETRY_MS));
      }
    }
  })();
  return {
    executor,
    isReady: () => ready,
    ready: readyPromise,
    close: async () => {
      closed = true;
      await executor.close();
    },
  };
}

async function waitUntilReachable(executor: Executor): Promise<void> {
  const deadline = Date.now() + CONNECT_TIMEOUT_MS;
  for (;;) {
    try {
      await executor.ping();
      return;
    } catch (err) {
      if (Date.now() > deadline) throw err;
      await new Promise((r) => setTimeout(r, CONNECT_RETRY_MS));
    }
  }
}

function portAnswers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
