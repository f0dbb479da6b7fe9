import { SeedValidationError } from '../seed/seed.errors';
import { readSeedFile } from '../seed/seed-file';
import type { SeedIssue } from '../seed/seed.types';

export interface CheckResult {
  file: string;
  ok: boolean;
  entities: number;
  facts: number;
  issues: SeedIssue[];
}

/** Validates a seed file (and the article text it cites) exactly as import would, writing nothing. */
export async function checkSeedFile(file: string): Promise<CheckResult> {
  try {
    const doc = await readSeedFile(file);
    return { file, ok: true, entities: doc.entities.length + 1, facts: doc.facts.length, issues: [] };
  } catch (err) {
    if (err instanceof SeedValidationError) return { file, ok: false, entities: 0, facts: 0, issues: err.issues };
    throw err;
  }
}

export function formatCheck(r: CheckResult): string {
  if (r.ok) return `ok    ${r.file}: ${r.entities} entities (article included), ${r.facts} facts\n`;
  const lines = r.issues.map((i) => `  - ${i.record}.${i.field}: ${i.message}`);
  return [`FAIL  ${r.file}: ${r.issues.length} issue${r.issues.length === 1 ? '' : 's'}`, ...lines, ''].join('\n');
}
