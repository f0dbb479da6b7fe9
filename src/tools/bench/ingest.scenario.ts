import os from 'node:os';
import { bulkBatch, countNamespace, deleteNamespace, syntheticWrites } from '../../analytics/synthetic.writer';
import type { Executor } from '../../db/executor';
import { timeAdminImport } from './ingest.admin';
import { IngestPeer, ingestInTurns, rawWriter, type IngestPlan, type IngestRun } from './ingest.peers';
import type { BenchDb, Measurement, ScenarioResult } from './types';

/**
 * P5, bulk ingest: the same synthetic graph (seeded, heavy-tailed, `relationshipsPerEntity` facts per
 * entity on average) written by the raw peer (its own driver, executeWrite per statement) into
 * `bench-raw` and through the project's path (writeSyntheticEntities/Facts over the Executor, as
 * `npm run gen` does) into `bench-ours`. Both send the same two UNWIND statements per batch, in two
 * transactions, scheduled alike (writeBatchesPipelined, INGEST_CONCURRENCY facts transactions in
 * flight). The compared part is written in turns (ingestInTurns), so both peers meet the same store
 * as it grows and the same minutes of the machine; then ours writes the rest. `bench-ours` stays for
 * P4/P6. `bench-raw` stays too: nothing compared is written after it, P4 and P6's relationship
 * counts read `bench-ours` alone, and the run's store is thrown away at its end; deleting it took
 * about a minute of the 30-minute run on a slow machine.
 */

export const OURS_NAMESPACE = 'bench-ours';
export const RAW_NAMESPACE = 'bench-raw';
const ADMIN_NAMESPACE = 'bench-admin';
const SEED = 5;
/** Facts transactions in flight, for both peers: as `npm run gen`'s default. */
const INGEST_CONCURRENCY = 2;
/** Entities per peer and turn in the compared part: enough batches that the pipeline runs full most of a turn. */
const TURN_ENTITIES = 50_000;
const GOAL_RATIO = 0.8;

export interface IngestOptions {
  entities: number;
  relationshipsPerEntity: number;
  log: (line: string) => void;
  /**
   * Entities the raw peer writes (default: all). Fewer saves time at 1e6: the raw peer then writes the
   * graph's first part (the same for any size) and is compared with ours' time for that same part.
   */
  rawEntities?: number;
}

const load = (): string =>
  os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');

function figures(peer: string, run: IngestRun, note?: string): Measurement[] {
  return [
    { peer, metric: 'entities/s', value: Math.round(run.entities / run.seconds), unit: 'entities/s', note },
    { peer, metric: 'relationships/s', value: Math.round(run.relationships / run.seconds), unit: 'rels/s' },
    { peer, metric: 'total', value: Number(run.seconds.toFixed(1)), unit: 's' },
  ];
}

async function timed(work: () => Promise<void>): Promise<number> {
  const started = performance.now();
  await work();
  return (performance.now() - started) / 1000;
}

export async function runIngestScenario(db: BenchDb, executor: Executor, opts: IngestOptions): Promise<ScenarioResult> {
  const { log } = opts;
  // `npm run gen`'s batch for this density (bulkBatch: at most BULK_FACTS facts per transaction).
  const batch = bulkBatch(opts.relationshipsPerEntity);
  const turnBatches = Math.ceil(TURN_ENTITIES / batch);
  const plan: IngestPlan = {
    entities: opts.entities,
    factsPerEntity: opts.relationshipsPerEntity,
    seed: SEED,
    batch,
    concurrency: INGEST_CONCURRENCY,
  };
  const rawEntities = Math.min(opts.entities, Math.ceil((opts.rawEntities ?? opts.entities) / batch) * batch);
  const partial = rawEntities < opts.entities;
  const notes = [`load average at start: ${load()} (1/5/15 min)`];
  for (const ns of [RAW_NAMESPACE, OURS_NAMESPACE]) {
    const existing = await countNamespace(executor, ns);
    if (!existing) continue;
    log(`P5: deleting ${existing} entities left in '${ns}' ...`);
    const secs = await timed(() => deleteNamespace(executor, ns));
    notes.push(`deleted a leftover '${ns}' (${existing} entities) first: ${secs.toFixed(0)} s`);
  }

  log(
    `P5: raw UNWIND (own driver) -> '${RAW_NAMESPACE}' and ours (writeSyntheticEntities/Facts over the ` +
      `Executor) -> '${OURS_NAMESPACE}', ${rawEntities} entities each in turns of ${turnBatches * batch} ...`,
  );
  const peer = rawWriter(db);
  const raw = new IngestPeer(RAW_NAMESPACE, { ...plan, entities: rawEntities }, peer.writes(RAW_NAMESPACE), log);
  const ours = new IngestPeer(OURS_NAMESPACE, plan, syntheticWrites(executor, OURS_NAMESPACE), log);
  try {
    await ingestInTurns([raw, ours], Math.ceil(rawEntities / batch), turnBatches);
  } finally {
    await peer.close();
  }
  const compared: IngestRun = ours.run();
  if (!ours.done) {
    log(`P5: ours, the rest -> '${OURS_NAMESPACE}' ...`);
    await ours.write(Infinity);
  }
  const oursRun = ours.run();
  const rawRun = raw.run();
  const stored = await countNamespace(executor, OURS_NAMESPACE);
  notes.push(`load average after the two Cypher runs: ${load()}`);

  // Context, not a peer: it imports the part the peers are compared on, 42 s with its CSV at 2e5
  // (6fb218e) against 111 s for the whole 1e6 graph (f47cb6c). Its rate reads lower on the part:
  // the JVM's start weighs more in a shorter import.
  log('P5: neo4j-admin import (context) ...');
  const admin = await timeAdminImport({ ...plan, entities: rawEntities }, ADMIN_NAMESPACE, log);

  const measurements = [...figures('raw UNWIND', rawRun), ...figures('ours', oursRun)];
  if (partial) measurements.push(...figures(`ours, first ${rawEntities} entities`, compared));
  if ('run' in admin) {
    const note = 'offline, empty scratch store, no indexes or constraints; JVM start included';
    const peer = partial ? `neo4j-admin import, first ${rawEntities} entities` : 'neo4j-admin import';
    measurements.push(...figures(peer, admin.run, note));
    notes.push(`neo4j-admin import: CSV writing (${admin.csvSeconds.toFixed(0)} s) not counted; store deleted after`);
  } else {
    notes.push(`neo4j-admin import not measured: ${admin.skipped}`);
  }
  notes.push(
    `order: the first ${rawEntities} entities written by both in turns of ${turnBatches * batch} (raw into ` +
      `'${RAW_NAMESPACE}', ours into '${OURS_NAMESPACE}', alternating which goes first)` +
      `${partial ? ', then ours wrote the rest' : ''}; '${OURS_NAMESPACE}' kept for P4/P6, '${RAW_NAMESPACE}' ` +
      `kept too (so P6's entity counts, the whole store's, include it); ` +
      `same seed, batches of ${batch} entities, the same two UNWIND statements in two transactions per batch ` +
      `(entities committed in order, then the facts, up to ${INGEST_CONCURRENCY} facts transactions in flight)`,
    `graph: ours wrote ${oursRun.entities} entities and ${oursRun.relationships} relationships, raw ` +
      `${rawRun.entities}/${rawRun.relationships}${partial ? ' (the same first part; compared with ours on it)' : ''}; ` +
      `'${OURS_NAMESPACE}' holds ${stored} entities afterwards`,
  );
  const ratio = rawRun.seconds / compared.seconds;
  return {
    id: 'P5',
    title: 'Bulk ingest',
    size: `${opts.entities} entities, ${oursRun.relationships} relationships`,
    measurements,
    verdicts: [
      {
        goal: `>= ${GOAL_RATIO}x raw UNWIND throughput`,
        met: ratio >= GOAL_RATIO,
        detail:
          `${ratio.toFixed(2)}x raw UNWIND (${rawRun.entities} entities, ${rawRun.relationships} relationships: ` +
          `ours ${compared.seconds.toFixed(0)} s, raw ${rawRun.seconds.toFixed(0)} s)`,
      },
    ],
    notes,
  };
}
