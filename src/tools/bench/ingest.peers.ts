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
  /** Wall time of generation plus writes, summed over the peer's turns. */
  seconds: number;
}

/** A peer's two writes of a batch into a namespace, one transaction each. */
export type PeerWrites = (namespace: string) => BatchWrites;

/** Progress lines about every tenth of the way. */
const PROGRESS_STEPS = 10;

/**
 * One peer writing the plan's graph into its namespace, some batches at a time, scheduled as the
 * project's bulk path schedules them (writeBatchesPipelined, the same concurrency for every peer);
 * its time is the sum of its turns.
 */
export class IngestPeer {
  private entities = 0;
  private relationships = 0;
  private seconds = 0;
  private readonly batches: Iterator<SyntheticBatch>;
  private readonly step: number;
  private nextLog: number;

  constructor(
    readonly namespace: string,
    private readonly plan: IngestPlan,
    private readonly writes: BatchWrites,
    private readonly log: (line: string) => void,
  ) {
    const graph = syntheticGraph(namespace, plan.entities, plan.seed, plan.batch, {
      factsPerEntity: plan.factsPerEntity,
    });
    this.batches = graph[Symbol.iterator]();
    this.step = Math.max(plan.batch, Math.ceil(plan.entities / PROGRESS_STEPS));
    this.nextLog = this.step;
  }

  /** Write the next `count` batches (fewer at the graph's end), the writes in flight drained at the end. */
  async write(count: number): Promise<void> {
    const started = performance.now();
    try {
      await writeBatchesPipelined(take(this.batches, count), this.writes, {
        concurrency: this.plan.concurrency,
        onWritten: (batch) => this.written(batch, started),
      });
    } finally {
      this.seconds += (performance.now() - started) / 1000;
    }
  }

  get done(): boolean {
    return this.entities >= this.plan.entities;
  }

  run(): IngestRun {
    return { entities: this.entities, relationships: this.relationships, seconds: this.seconds };
  }

  private written(batch: SyntheticBatch, turnStarted: number): void {
    this.entities += batch.entities.length;
    this.relationships += batch.facts.length;
    if (this.entities >= this.nextLog || this.entities === this.plan.entities) {
      const secs = this.seconds + (performance.now() - turnStarted) / 1000;
      this.log(
        `  ${this.namespace}: ${this.entities}/${this.plan.entities} entities, ${this.relationships} relationships, ` +
          `${secs.toFixed(0)} s`,
      );
      this.nextLog += this.step;
    }
  }
}

/** The next `count` items of `items`, leaving the rest to a later call (a break here does not close it). */
function* take<T>(items: Iterator<T>, count: number): Generator<T> {
  for (let i = 0; i < count; i++) {
    const next = items.next();
    if (next.done) return;
    yield next.value;
  }
}

/**
 * The first `batches` batches of every peer, written in turns of `perTurn` batches, the peers
 * alternating at going first (a b, b a, ...): a slower minute of the shared machine, or a pause of
 * Neo4j's, then falls on every peer rather than on whichever was writing in it. One after the
 * other, the same builds read 1.01x and 0.61x in two runs of one morning.
 */
export async function ingestInTurns(peers: readonly IngestPeer[], batches: number, perTurn: number): Promise<void> {
  if (!Number.isInteger(perTurn) || perTurn < 1) throw new RangeError('perTurn must be an integer >= 1');
  for (let turn = 0, written = 0; written < batches; turn++, written += perTurn) {
    const order = turn % 2 ? [...peers].reverse() : peers;
    for (const peer of order) await peer.write(Math.min(perTurn, batches - written));
  }
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
