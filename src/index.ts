import 'reflect-metadata';
import { startApp } from './app';
import { ConfigError, loadConfig } from './config';
import { openDatabase } from './db/bootstrap';
import { createLogger } from './logger';
import { isGraphEmpty, loadSeeds } from './seed/seed-runner';

/** Grace period for in-flight requests and the database to close on SIGTERM/SIGINT. */
const SHUTDOWN_TIMEOUT_MS = 30_000;

async function main(): Promise<void> {
  const started = performance.now();
  const config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL);
  const db = await openDatabase(config, logger);
  const dbReadyMs = Math.round(performance.now() - started);
  if (config.SEED_ON_START && (await isGraphEmpty(db.executor))) {
    const loaded = await loadSeeds(db.executor);
    logger.info(loaded, 'graph was empty: seed loaded');
  }
  const app = await startApp(config, db.executor, logger);
  logger.info(
    {
      url: `${app.url}/graphql`,
      dbReadyMs,
      readyMs: Math.round(performance.now() - started),
    },
    'ready',
  );

  let stopping = false;
  const shutdown = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), SHUTDOWN_TIMEOUT_MS);
    force.unref();
    void app
      .stop()
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
