import neo4j, { type Driver } from 'neo4j-driver';
import { syntheticGraph } from '../../analytics/synthetic';
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
  /** Entities per transaction (with the facts they add). */
  batch: number;
}

export interface IngestRun {
  entities: number;
  relationships: number;
  /** Wall time of generation plus writes, all batches. */
  seconds: number;
  /** The same figures when `splitAt` entities were written (the graph's first part is the same for any size). */
  split?: IngestRun;
}

/** Writes one batch into a namespace; one transaction per call. */
export type BatchWriter = (namespace: string, batch: SyntheticBatch) => Promise<void>;

/** Progress lines about every tenth of the way. */
const PROGRESS_STEPS = 10;

/** Generate the plan's graph into `namespace` through `write`, batch after batch, and time it. */
export async function timeIngest(
  plan: IngestPlan,
  namespace: string,
  write: BatchWriter,
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
  for (const batch of graph) {
    await write(namespace, batch);
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
  }
  return { entities, relationships, seconds: (performance.now() - started) / 1000, split };
}

/** The raw peer's transaction timeout: as generous as the project path's. */
const RAW_TX_TIMEOUT_MS = 600_000;

/**
 * The raw peer: its own driver, one `executeWrite` per batch running the same two UNWIND statements
 * with the same parameters as the project path, no Executor in between (no row conversion, events
 * or error mapping).
 */
export function rawWriter(db: BenchDb): { write: BatchWriter; close: () => Promise<void> } {
  const driver: Driver = neo4j.driver(db.uri, neo4j.auth.basic(db.user, db.password));
  const write: BatchWriter = async (namespace, batch) => {
    const params = syntheticParams(namespace, batch);
    const session = driver.session({ database: db.database, defaultAccessMode: neo4j.session.WRITE });
    try {
      await session.executeWrite(
        async (tx) => {
          if (batch.entities.length) await tx.run(SYNTHETIC_ENTITIES_CYPHER, params.entities);
          if (batch.facts.length) await tx.run(SYNTHETIC_FACTS_CYPHER, params.facts);
        },
        { timeout: RAW_TX_TIMEOUT_MS },
      );
    } finally {
      await session.close();
    }
  };
  return { write, close: () => driver.close() };
}
