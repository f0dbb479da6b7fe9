import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { assertNamespace } from '../analytics/namespace';
import { syntheticGraph } from '../analytics/synthetic';
import { BULK_BATCH, countNamespace, deleteNamespace, writeSyntheticGraph } from '../analytics/synthetic.writer';
import { loadConfig } from '../config';
import { openDatabase } from '../db/bootstrap';
import { createLogger } from '../logger';

/** Largest graph generated: 1e6 entities (5e6 facts with --facts-per-entity 5) is the benchmark size. */
const MAX_ENTITIES = 2_000_000;
/** Most facts per entity on average (5 is the bulk-ingest benchmark's): the generator keeps 2K-1 ends per entity. */
const MAX_FACTS_PER_ENTITY = 10;
/** Facts transactions in flight: two keep two of Neo4j's cores busy (1.5x one at a time, see writeBatchesPipelined). */
const DEFAULT_CONCURRENCY = 2;
const MAX_CONCURRENCY = 16;
const USAGE = `Usage: npm run gen -- --entities N [--namespace NAME] [--seed S] [--batch B] [--facts-per-entity K] [--concurrency C] [--replace]
  Builds a synthetic graph (the ontology's kinds and types, heavy-tailed degrees) whose entities
  carry namespace NAME (default "gen"), leaving the article graph untouched. Query it with
  scope: { namespace: "NAME" }. --facts-per-entity K: K facts per entity on average (1..2K-1 each);
  unset, 1..3 picks (~1.6 facts). --concurrency C: facts transactions in flight (default ${DEFAULT_CONCURRENCY}).
  --replace deletes an existing graph of that namespace first.`;

function options() {
  const { values } = parseArgs({
    options: {
      entities: { type: 'string' },
      namespace: { type: 'string', default: 'gen' },
      seed: { type: 'string', default: '1' },
      batch: { type: 'string', default: String(BULK_BATCH) },
      'facts-per-entity': { type: 'string' },
      concurrency: { type: 'string', default: String(DEFAULT_CONCURRENCY) },
      replace: { type: 'boolean', default: false },
    },
  });
  const k = values['facts-per-entity'];
  const factsPerEntity = k === undefined ? undefined : Number(k);
  const validK = factsPerEntity === undefined || (Number.isInteger(factsPerEntity) && factsPerEntity >= 1);
  if (!validK || (factsPerEntity ?? 1) > MAX_FACTS_PER_ENTITY) {
    throw new Error(`--facts-per-entity must be an integer from 1 to ${MAX_FACTS_PER_ENTITY}\n${USAGE}`);
  }
  const entities = Number(values.entities);
  const batch = Number(values.batch);
  if (!Number.isInteger(entities) || entities < 1 || entities > MAX_ENTITIES) {
    throw new Error(`--entities must be an integer from 1 to ${MAX_ENTITIES}\n${USAGE}`);
  }
  if (!Number.isInteger(batch) || batch < 1) throw new Error(`--batch must be a positive integer\n${USAGE}`);
  const concurrency = Number(values.concurrency);
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > MAX_CONCURRENCY) {
    throw new Error(`--concurrency must be an integer from 1 to ${MAX_CONCURRENCY}\n${USAGE}`);
  }
  return {
    entities,
    batch,
    namespace: assertNamespace(values.namespace),
    seed: Number(values.seed) || 1,
    factsPerEntity,
    concurrency,
    replace: values.replace,
  };
}

async function main(): Promise<void> {
  const opts = options();
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
