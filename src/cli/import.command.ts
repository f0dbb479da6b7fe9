import { SingleBar, Presets } from 'cli-progress';
import type { Executor, QueryEvent } from '../db/executor';
import { loadSeedDocument, type LoadResult } from '../seed/loader';
import { readSeedFile } from '../seed/seed-file';
import type { SeedDocument } from '../seed/seed.types';

/** Below this many records a load takes about a second: a bar would only flicker. */
export const PROGRESS_MIN_RECORDS = 5_000;

export interface ImportOptions {
  /** Where the progress bar draws (a terminal); none = no bar. */
  progressStream?: NodeJS.WritableStream & { isTTY?: boolean };
  /** Files with less work than this load without a bar (default PROGRESS_MIN_RECORDS). */
  progressMinRecords?: number;
}

/**
 * The loader's work in records: the kind check reads every entity id once, then every entity and
 * every fact (one MENTIONS per entity included) is written once.
 */
export function workOf(doc: SeedDocument): number {
  const entities = doc.entities.length + 1;
  return entities * 2 + entities + doc.facts.length;
}

/** Records one loader statement handled, read from its parameters ($rows or $ids batches). */
function recordsIn(event: QueryEvent): number {
  const batch = event.params['rows'] ?? event.params['ids'];
  return Array.isArray(batch) ? batch.length : 0;
}

/**
 * Validates every file first (nothing is written if any is bad), then loads each through the seed
 * loader (one transaction per file, MERGE: importing twice changes nothing), with a progress bar
 * on long files when drawing to a terminal.
 */
export async function importSeedFiles(
  executor: Executor,
  files: string[],
  options: ImportOptions = {},
): Promise<LoadResult> {
  const docs = await Promise.all(files.map((f) => readSeedFile(f)));
  const total: LoadResult = { entities: 0, facts: 0 };
  for (const [i, doc] of docs.entries()) {
    const work = workOf(doc);
    const stream = options.progressStream;
    const bar =
      stream?.isTTY && work >= (options.progressMinRecords ?? PROGRESS_MIN_RECORDS)
        ? new SingleBar(
            { stream, format: `${files[i]} [{bar}] {percentage}% {value}/{total} records` },
            Presets.shades_classic,
          )
        : undefined;
    bar?.start(work, 0);
    let done = 0;
    const stop = executor.onQuery((event) => {
      if (event.operation !== 'seed' || event.error !== undefined) return;
      // A retried transaction replays its statements: the bar stays within its total.
      done = Math.min(work, done + recordsIn(event));
      bar?.update(done);
    });
    try {
      const result = await loadSeedDocument(executor, doc);
      bar?.update(work);
      total.entities += result.entities;
      total.facts += result.facts;
    } finally {
      stop();
      bar?.stop();
    }
  }
  return total;
}
