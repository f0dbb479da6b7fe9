import 'reflect-metadata';
import { syntheticGraph } from '../analytics/synthetic';
import { countNamespace, deleteNamespace, writeSyntheticGraph } from '../analytics/synthetic.writer';
import { loadConfig } from '../config';
import { openDatabase } from '../db/bootstrap';
import { createLogger } from '../logger';
import { genOptions } from './gen.options';

async function main(): Promise<void> {
  const opts = genOptions(process.argv.slice(2));
  const config = loadConfig();
  const db = await openDatabase(config, createLogger(config.LOG_LEVEL), true);
  const log = (line: string) => process.stderr.write(`${line}\n`);
  try {
    const existing = await countNamespace(db.executor, opts.namespace);
    if (existing && !opts.replace) {
      throw new Error(`namespace '${opts.namespace}' already holds ${existing} entities; pass --replace`);
    }
    if (existing) {
      log(`deleting ${existing} entities of namespace '${opts.namespace}' ...`);
      await deleteNamespace(db.executor, opts.namespace);
    }
    const started = Date.now();
    let entities = 0;
    let facts = 0;
    const graph = syntheticGraph(opts.namespace, opts.entities, opts.seed, opts.batch, {
      factsPerEntity: opts.factsPerEntity,
    });
    try {
      await writeSyntheticGraph(db.executor, opts.namespace, graph, {
        concurrency: opts.concurrency,
        onWritten: (batch) => {
          entities += batch.entities.length;
          facts += batch.facts.length;
          const secs = (Date.now() - started) / 1000;
          const pct = ((100 * entities) / opts.entities).toFixed(1);
          log(
            `gen ${opts.namespace}: ${entities}/${opts.entities} entities (${pct}%), ${facts} facts, ${secs.toFixed(1)} s`,
          );
        },
      });
    } catch (err) {
      const why = err instanceof Error ? err.message : String(err);
      throw new Error(
        `${why}\nnamespace '${opts.namespace}' holds a partial graph (${entities} entities written in full); ` +
          'run again with --replace',
        { cause: err },
      );
    }
    process.stdout.write(`Generated ${entities} entities and ${facts} facts in namespace '${opts.namespace}'.\n`);
  } finally {
    await db.close();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
