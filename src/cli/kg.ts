import 'reflect-metadata';
import { loadConfig } from '../config';
import { openDatabase } from '../db/bootstrap';
import pino from 'pino';
import { SeedValidationError } from '../seed/seed.errors';
import { USAGE, UsageError, runKg } from './kg-command';

/**
 * `npm run kg -- import|export|stats|check`. Uses NEO4J_URI when set, else the local Neo4j already
 * running on NEO4J_BOLT_PORT, else starts one for the command's duration.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  // Logs go to stderr, at warn unless asked: stdout carries the command's own output (an export).
  const level = config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL;
  const logger = pino({ level, base: { app: 'kg-hyperscale', cli: 'kg' } }, pino.destination(2));
  const code = await runKg(process.argv.slice(2), {
    stdout: process.stdout,
    stderr: process.stderr,
    withExecutor: async (work) => {
      const db = await openDatabase(config, logger, true);
      try {
        return await work(db.executor);
      } finally {
        await db.close();
      }
    },
  });
  process.exitCode = code;
}

main().catch((err: unknown) => {
  if (err instanceof UsageError) process.stderr.write(`${err.message}\n\n${USAGE}`);
  else
    process.stderr.write(`${err instanceof SeedValidationError || err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = err instanceof UsageError ? 2 : 1;
});
