import { parseArgs } from 'node:util';
import { assertNamespace } from '../analytics/namespace';
import { BULK_BATCH, BULK_FACTS, bulkBatch } from '../analytics/synthetic.writer';

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
  unset, 1..3 picks (~1.6 facts). --batch B: entities per transaction (default ${BULK_BATCH}, fewer for
  denser graphs: at most ${BULK_FACTS} facts per transaction). --concurrency C: facts transactions
  in flight (default ${DEFAULT_CONCURRENCY}). --replace deletes an existing graph of that namespace first.`;

/** `npm run gen`'s arguments, checked: a bad one throws with the usage text. */
export function genOptions(args: string[]) {
  const { values } = parseArgs({
    args,
    options: {
      entities: { type: 'string' },
      namespace: { type: 'string', default: 'gen' },
      seed: { type: 'string', default: '1' },
      batch: { type: 'string' },
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
  const batch = values.batch === undefined ? bulkBatch(factsPerEntity) : Number(values.batch);
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
