import neo4j, { type Driver } from 'neo4j-driver';
import { syntheticGraph } from '../../analytics/synthetic';
import { writeBatchesPipelined, type BatchWrites } from '../../analytics/synthetic.pipeline';
import {
  SYNTHETIC_ENTITIES_CYPHER,
  SYNTHETIC_FACTS_CYPHER,
  syntheticParams,
  type SyntheticBatch,
} from '../../analytics/synthetic.writer';
import type { BenchDb } from './types';

/** What both peers write: the same generator, seed and batches. */
export interface IngestPlan {
  entities: number;
  factsPerEntity: number;
  seed: number;
  /** Entities per batch: its entities in one transaction, then the facts they add in another. */
  batch: number;
  /** Facts transactions in flight (see writeBatchesPipelined). */
  concurrency: number;
}

export interface IngestRun {
  entities: number;
  relationships: number;
  /** Wall time of generation plus writes, all batches. */
  seconds: number;
  /** The same figures when `splitAt` entities were written (the graph's first part is the same for any size). */
  split?: IngestRun;
}

/** A peer's two writes of a batch into a namespace, one transaction each. */
export type PeerWrites = (namespace: string) => BatchWrites;

/** Progress lines about every tenth of the way. */
const PROGRESS_STEPS = 10;

/**
 * Generate the plan's graph into `namespace` through the peer's writes, scheduled as the project's
 * bulk path schedules them (writeBatchesPipelined, the same concurrency for every peer), and time it.
 */
export async function timeIngest(
  plan: IngestPlan,
  namespace: string,
  writes: PeerWrites,
  log: (line: string) => void,
  splitAt?: number,
): Promise<IngestRun> {
  const started = performance.now();
  const step = Math.max(plan.batch, Math.ceil(plan.entities / PROGRESS_STEPS));
  let entities = 0;
  let relationships = 0;
  let nextLog = step;
  let split: IngestRun | undefined;
  const graph = syntheticGraph(namespace, plan.entities, plan.seed, plan.batch, {
    factsPerEntity: plan.factsPerEntity,
  });
  const onWritten = (batch: SyntheticBatch): void => {
    entities += batch.entities.length;
    relationships += batch.facts.length;
    if (splitAt !== undefined && !split && entities >= splitAt) {
      split = { entities, relationships, seconds: (performance.now() - started) / 1000 };
    }
    if (entities >= nextLog || entities === plan.entities) {
      const secs = (performance.now() - started) / 1000;
      log(
        `  ${namespace}: ${entities}/${plan.entities} entities, ${relationships} relationships, ${secs.toFixed(0)} s`,
      );
      nextLog += step;
    }
  };
  await writeBatchesPipelined(graph, writes(namespace), { concurrency: plan.concurrency, onWritten });
  return { entities, relationships, seconds: (performance.now() - started) / 1000, split };
}

/** The raw peer's transaction timeout: as generous as the project path's. */
const RAW_TX_TIMEOUT_MS = 600_000;

/**
 * The raw peer: its own driver, one `executeWrite` per statement, the same two UNWIND statements
 * with the same parameters as the project path, no Executor in between (no row conversion, events
 * or error mapping).
 */
export function rawWriter(db: BenchDb): { writes: PeerWrites; close: () => Promise<void> } {
  const driver: Driver = neo4j.driver(db.uri, neo4j.auth.basic(db.user, db.password));
  const run = async (cypher: string, params: Record<string, unknown>): Promise<void> => {
    const session = driver.session({ database: db.database, defaultAccessMode: neo4j.session.WRITE });
    try {
      await session.executeWrite((tx) => tx.run(cypher, params), { timeout: RAW_TX_TIMEOUT_MS });
    } finally {
      await session.close();
    }
  };
  const writes: PeerWrites = (namespace) => ({
    entities: async (batch) => {
      const { entities } = syntheticParams(namespace, { entities: batch.entities, facts: [] });
      if (batch.entities.length) await run(SYNTHETIC_ENTITIES_CYPHER, entities);
    },
    facts: async (batch) => {
      const { facts } = syntheticParams(namespace, { entities: [], facts: batch.facts });
      if (batch.facts.length) await run(SYNTHETIC_FACTS_CYPHER, facts);
    },
  });
  return { writes, close: () => driver.close() };
}
