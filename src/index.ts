import 'reflect-metadata';
import { startApp } from './app';
import { ConfigError, loadConfig } from './config';
import { openDatabase } from './db/bootstrap';
import { applyHeapGrowth, applyPretenuring, youngGeneration } from './server/heap';
import { createLogger } from './logger';
import { isGraphEmpty, loadSeeds } from './seed/seed-runner';

/** On top of the drain delay and the request grace period: time for the database to close before a forced exit. */
const SHUTDOWN_TIMEOUT_MS = 30_000;

async function main(): Promise<void> {
  const started = performance.now();
  const config = loadConfig();
  const heapGrowth = applyHeapGrowth(config.HEAP_GROWING_PERCENT);
  const pretenuring = applyPretenuring(config.ALLOCATION_SITE_PRETENURING);
  const logger = createLogger(config.LOG_LEVEL);
  // An external NEO4J_URI may be down: start anyway, answer SERVICE_UNAVAILABLE, migrate when it returns.
  const db = await openDatabase(config, logger, false, true);
  const dbReadyMs = Math.round(performance.now() - started);
  const seed = async (): Promise<void> => {
    if (config.SEED_ON_START && (await isGraphEmpty(db.executor))) {
      const loaded = await loadSeeds(db.executor);
      logger.info(loaded, 'graph was empty: seed loaded');
    }
  };
  if (db.isReady()) await seed();
  else void db.ready.then(seed).catch((err: unknown) => logger.error({ err }, 'seeding failed'));
  const app = await startApp(config, db.executor, logger, { databaseReady: db.isReady });
  logger.info(
    {
      url: `${app.url}/graphql`,
      dbReadyMs,
      heapGrowth,
      pretenuring,
      youngGeneration: youngGeneration(),
      readyMs: Math.round(performance.now() - started),
    },
    'ready',
  );

  let stopping = false;
  const shutdown = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    const force = setTimeout(
      () => process.exit(1),
      config.SHUTDOWN_DRAIN_DELAY_MS + config.SHUTDOWN_GRACE_MS + SHUTDOWN_TIMEOUT_MS,
    );
    force.unref();
    // /readyz turns 503 first, so balancers stop routing here; then the listener closes and
    // in-flight requests get SHUTDOWN_GRACE_MS to finish (Apollo's drain plugin).
    app.readiness.draining = true;
    void new Promise((resolve) => setTimeout(resolve, config.SHUTDOWN_DRAIN_DELAY_MS))
      .then(() => app.stop())
      .then(() => logger.info('http server stopped'))
      .then(() => db.close())
      .then(() => {
        logger.info('database closed');
        process.exit(0);
      })
      .catch((err: unknown) => {
        logger.error({ err }, 'shutdown failed');
        process.exit(1);
      });
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((err: unknown) => {
  const message =
    err instanceof ConfigError ? err.message : err instanceof Error ? (err.stack ?? err.message) : String(err);
  process.stderr.write(`Start-up failed: ${message}\n`);
  process.exit(1);
});
