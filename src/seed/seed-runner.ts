import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { REPO_ROOT } from '../config';
import type { Executor } from '../db/executor';
import { ENTITY_LABEL } from '../graph/ontology';
import { loadSeedDocument, type LoadResult } from './loader';
import { readSeedFile } from './seed-file';

export const SEEDS_DIR = path.join(REPO_ROOT, 'seeds');

export async function seedFiles(dir = SEEDS_DIR): Promise<string[]> {
  return (await readdir(dir))
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => path.join(dir, f));
}

/** Validate every seed file first (nothing is written if any is bad), then load each. */
export async function loadSeeds(executor: Executor, files?: string[]): Promise<LoadResult> {
  const docs = await Promise.all((files ?? (await seedFiles())).map(readSeedFile));
  const total: LoadResult = { entities: 0, facts: 0 };
  for (const doc of docs) {
    const r = await loadSeedDocument(executor, doc);
    total.entities += r.entities;
    total.facts += r.facts;
  }
  return total;
}

export async function isGraphEmpty(executor: Executor): Promise<boolean> {
  const [row] = await executor.read(`MATCH (n:${ENTITY_LABEL}) RETURN count(n) AS n`, {}, 'seedCheck');
  return Number(row?.n ?? 0) === 0;
}
