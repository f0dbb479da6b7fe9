import type { Executor } from '../db/executor';
import { toNeo4jInt } from '../db/values';
import { ENTITY_LABEL, RELATIONSHIP_TYPE_NAMES } from '../graph/ontology';
import { assertKind, assertType } from '../graph/statements';
import { assertNamespace } from './namespace';
import type { SyntheticEntity, SyntheticFact } from './synthetic';
import { writeBatchesPipelined, type BatchWrites, type PipelineOptions } from './synthetic.pipeline';

/**
 * Most entities per batch of a bulk load (`npm run gen`, the benchmark's graphs): each batch is one
 * entities transaction, then one facts transaction. A facts transaction's state lives on Neo4j's
 * heap until it commits, and at 10,000 entities (50,000 facts) G1 worked six times as hard: its
 * threads used 48-53 s of CPU over the write below, against 7-8 s at 2,000. Lab (300,000 entities
 * with 1.5 million facts into a fresh Neo4j with the benchmark's JVM settings, two facts
 * transactions in flight; the 200,000 after the first 100,000): 10,000 per batch 92-106 s with
 * 25-31 s of G1 pauses over the whole write, 5,000 89 s (25 s), 2,000 77-82 s (4-5 s), 1,000 77 s
 * (1.6 s); 40,000 stalled Neo4j until the driver's 5 s connection timeout failed the write. At the
 * generator's sparse default (about 1.6 facts per entity, some 3,100 facts per batch of 2,000) the cap
 * stays: 200,000 entities per write, sizes in alternation, three writes each. On `npm run neo4j`'s
 * default 512 MB heap (after a warm-up write) 2,000 took 16.0 and 16.6 s (23.5 in the first
 * write), 3,000 17.5-19.4, 4,000 20.2-22.1; on the benchmark's 4 GB heap 2,000 21.0 and 21.1 s
 * (28.1 in the first write, on a heap just started), 4,000 17.3-22.4, 1,000 21.6-23.2.
 */
export const BULK_BATCH = 2_000;
/**
 * Most facts in one facts transaction of a bulk load: G1's work follows the facts a transaction
 * holds, so a denser graph takes fewer entities per batch (bulkBatch). Lab (150,000-200,000
 * entities, sizes in alternation on one Neo4j, two facts transactions in flight; the write after
 * its first quarter, and G1's threads' CPU over it). On `npm run neo4j`'s default 512 MB heap, 10
 * facts per entity: 20,000 facts per transaction 62.2-70.7 s (G1 63-66 s of CPU), 10,000 50.5-58.5
 * s (44-46 s), 5,000 47.9 s (25 s); 5 per entity: 10,000 28.0-31.9 s (24-29 s), 5,000 26.4-30.9 s
 * (15-17 s). On the benchmark's fixed 4 GB heap G1 used 0.7-3.7 s from 20,000 down (12.5 s in the
 * first write on a heap just started) and the sizes write alike (5 per entity: 10,000 29.8-36.0 s,
 * 5,000 29.6-32.0; 10 per entity: 20,000 38.8-43.4 s, 10,000 36.5-41.2, 5,000 42.2), while 40,000
 * took 56.7 s (G1 23 s).
 */
export const BULK_FACTS = 5_000;

/**
 * Entities per batch for a graph of `factsPerEntity` facts per entity on average: as many as keep a
 * facts transaction within BULK_FACTS, at most BULK_BATCH. Unset is the generator's sparse default
 * (about 1.6 facts per entity), which takes BULK_BATCH.
 */
export function bulkBatch(factsPerEntity?: number): number {
  if (factsPerEntity === undefined) return BULK_BATCH;
  return Math.max(1, Math.min(BULK_BATCH, Math.floor(BULK_FACTS / factsPerEntity)));
}

/** Entities deleted per transaction when a namespace is cleared: bounded memory for 1e6 nodes. */
const DELETE_BATCH = 10_000;
/** Facts deleted per transaction, before the entities (see deleteNamespace). */
const DELETE_FACT_BATCH = 20_000;
/** A bulk transaction may take seconds on a busy 2-core box (10,000 entities with 5 facts took ~10 s): above the API's timeout. */
const BATCH_TX_TIMEOUT_MS = 600_000;

/**
 * All entities of a batch in one statement: the kind label is dynamic (`$(row.kind)`), a parameter
 * checked against the ontology's allowlist (assertKind) for every row before it is sent, so the text
 * is constant (one cached plan) and there is one round trip per batch instead of one per kind.
 */
export const SYNTHETIC_ENTITIES_CYPHER = `UNWIND $rows AS row
CREATE (n:${ENTITY_LABEL}:$(row.kind) {id: row.id, name: row.name, namespace: $namespace})
RETURN count(n) AS written`;

/**
 * All facts of a batch in one statement, the type dynamic and allowlisted (assertType) like the
 * kind above. Both ends are found through the unique `Entity.id` index (NodeUniqueIndexSeek).
 */
export const SYNTHETIC_FACTS_CYPHER = `UNWIND $rows AS row
MATCH (a:${ENTITY_LABEL} {id: row.from})
MATCH (b:${ENTITY_LABEL} {id: row.to})
CREATE (a)-[r:$(row.type) {id: row.id, source: $namespace, quote: '',
  validFrom: date(row.validFrom), validTo: date(row.validTo)}]->(b)
RETURN count(r) AS written`;

export interface SyntheticBatch {
  entities: SyntheticEntity[];
  facts: SyntheticFact[];
}

/** The parameters of the two statements, kinds and types checked against the allowlist. */
export function syntheticParams(
  namespace: string,
  batch: SyntheticBatch,
): { entities: Record<string, unknown>; facts: Record<string, unknown> } {
  assertNamespace(namespace);
  const entities = batch.entities.map(({ id, kind, name }) => ({ id, kind: assertKind(kind), name }));
  const facts = batch.facts.map((f) => ({ ...f, type: assertType(f.type) }));
  return { entities: { namespace, rows: entities }, facts: { namespace, rows: facts } };
}

/** Write one batch (entities first, then facts) in one write transaction through the executor. */
export async function writeSyntheticBatch(executor: Executor, namespace: string, batch: SyntheticBatch): Promise<void> {
  const params = syntheticParams(namespace, batch);
  await executor.writeTx(
    async (tx) => {
      if (batch.entities.length) await tx.run(SYNTHETIC_ENTITIES_CYPHER, params.entities);
      if (batch.facts.length) await tx.run(SYNTHETIC_FACTS_CYPHER, params.facts);
    },
    'gen.batch',
    BATCH_TX_TIMEOUT_MS,
  );
}

/** A batch's entities alone, in one write transaction (see writeSyntheticGraph). */
export async function writeSyntheticEntities(
  executor: Executor,
  namespace: string,
  batch: SyntheticBatch,
): Promise<void> {
  if (!batch.entities.length) return;
  const { entities } = syntheticParams(namespace, { entities: batch.entities, facts: [] });
  await executor.writeTx((tx) => tx.run(SYNTHETIC_ENTITIES_CYPHER, entities), 'gen.entities', BATCH_TX_TIMEOUT_MS);
}

/** A batch's facts alone, in one write transaction; their ends must be committed before. */
export async function writeSyntheticFacts(executor: Executor, namespace: string, batch: SyntheticBatch): Promise<void> {
  if (!batch.facts.length) return;
  const { facts } = syntheticParams(namespace, { entities: [], facts: batch.facts });
  await executor.writeTx((tx) => tx.run(SYNTHETIC_FACTS_CYPHER, facts), 'gen.facts', BATCH_TX_TIMEOUT_MS);
}

/** The project's two writes of a batch into `namespace`, for writeBatchesPipelined. */
export function syntheticWrites(executor: Executor, namespace: string): BatchWrites {
  assertNamespace(namespace);
  return {
    entities: (batch) => writeSyntheticEntities(executor, namespace, batch),
    facts: (batch) => writeSyntheticFacts(executor, namespace, batch),
  };
}

/**
 * A generated graph, batch by batch, with the facts of up to `concurrency` batches in flight
 * (see writeBatchesPipelined): the bulk path of `npm run gen` and of the benchmark's graphs.
 */
export function writeSyntheticGraph(
  executor: Executor,
  namespace: string,
  graph: Iterable<SyntheticBatch>,
  options: PipelineOptions,
): Promise<void> {
  return writeBatchesPipelined(graph, syntheticWrites(executor, namespace), options);
}

/** How many entities the namespace holds. */
export async function countNamespace(executor: Executor, namespace: string): Promise<number> {
  const [row] = await executor.read(
    `MATCH (n:${ENTITY_LABEL} {namespace: $namespace}) RETURN count(n) AS n`,
    { namespace: assertNamespace(namespace) },
    'gen.count',
  );
  return Number(row?.n ?? 0);
}

/** Run a batched delete until a batch deletes nothing. */
async function deleteInBatches(executor: Executor, cypher: string, params: Record<string, unknown>): Promise<void> {
  for (;;) {
    const [row] = await executor.write(cypher, params, 'gen.delete');
    if (Number(row?.deleted ?? 0) === 0) return;
  }
}

/**
 * Delete a namespace's entities and their facts, a batch per transaction. Generated facts go first,
 * by type through their `source` index (they carry source = namespace, and start at an entity of the
 * namespace): a batch of nodes that holds hubs would otherwise delete hundreds of thousands of facts
 * in one transaction and exceed its memory. Then the entities, with any fact left.
 */
export async function deleteNamespace(executor: Executor, namespace: string): Promise<void> {
  assertNamespace(namespace);
  for (const type of RELATIONSHIP_TYPE_NAMES) {
    await deleteInBatches(
      executor,
      `MATCH (a:${ENTITY_LABEL})-[r:${assertType(type)}]->()
WHERE r.source = $namespace AND a.namespace = $namespace
WITH r LIMIT $batch DELETE r RETURN count(*) AS deleted`,
      { namespace, batch: toNeo4jInt(DELETE_FACT_BATCH) },
    );
  }
  await deleteInBatches(
    executor,
    `MATCH (n:${ENTITY_LABEL} {namespace: $namespace}) WITH n LIMIT $batch DETACH DELETE n RETURN count(*) AS deleted`,
    { namespace, batch: toNeo4jInt(DELETE_BATCH) },
  );
}
