import 'reflect-metadata';
import { loadConfig } from '../config';
import { openDatabase } from '../db/bootstrap';
import { createLogger } from '../logger';
import { SeedValidationError } from '../seed/seed.errors';
import { loadSeeds, seedFiles } from '../seed/seed-runner';

/** `npm run seed [file.json ...]`: (re)load seed files into the configured or running local Neo4j. */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL);
  const files = process.argv.slice(2);
  const db = await openDatabase(config, logger, true);
  try {
    const result = await loadSeeds(db.executor, files.length ? files : await seedFiles());
    process.stdout.write(
      `Loaded ${result.entities} entities and ${result.facts} facts (MERGE: reloading changes nothing).\n`,
    );
  } finally {
    await db.close();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof SeedValidationError || err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
