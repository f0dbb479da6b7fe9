import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Executor } from './executor';

export interface Migration {
  id: string;
  checksum: string;
  statements: string[];
}

/** How long to wait for new indexes to come online before serving (the full-text index is built async). */
const INDEX_ONLINE_TIMEOUT_S = 60;

export class MigrationError extends Error {}

/** Split a .cypher file into statements: `//` comment lines dropped, `;` at line end separates. */
export function parseMigration(id: string, text: string): Migration {
  const body = text
    .split('\n')
    .filter((line) => !line.trim().startsWith('//'))
    .join('\n');
  const statements = body
    .split(/;\s*(?:\n|$)/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
  const checksum = createHash('sha256').update(text).digest('hex').slice(0, 16);
  return { id, checksum, statements };
}

export async function readMigrations(dir: string): Promise<Migration[]> {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.cypher')).sort();
  return Promise.all(
    files.map(async (f) => parseMigration(path.basename(f, '.cypher'), await readFile(path.join(dir, f), 'utf8'))),
  );
}

/**
 * Apply each migration not yet recorded in the graph, in file order, and record it as a
 * (:Migration {id, checksum}) node. Statements are idempotent (IF NOT EXISTS), so two replicas
 * starting together, or a crash between statement and record, do no harm. A recorded migration
 * whose file has since changed is refused: migrations are append-only.
 */
export async function migrate(
  executor: Executor,
  dir: string,
  log: (msg: string) => void = () => {},
): Promise<string[]> {
  const migrations = await readMigrations(dir);
  const rows = await executor.read('MATCH (m:Migration) RETURN m.id AS id, m.checksum AS checksum', {}, 'migrate');
  const applied = new Map(rows.map((r) => [String(r.id), String(r.checksum)]));
  const done: string[] = [];
  for (const m of migrations) {
    const recorded = applied.get(m.id);
    if (recorded !== undefined) {
      if (recorded !== m.checksum) {
        throw new MigrationError(`Migration ${m.id} was changed after it was applied; add a new migration instead`);
      }
      continue;
    }
    for (const statement of m.statements) await executor.schema(statement, `migrate ${m.id}`);
    await executor.write(
      'MERGE (m:Migration {id: $id}) ON CREATE SET m.checksum = $checksum, m.appliedAt = datetime()',
      { id: m.id, checksum: m.checksum },
      'migrate',
    );
    log(`applied migration ${m.id} (${m.statements.length} statements)`);
    done.push(m.id);
  }
  await executor.schema(`CALL db.awaitIndexes(${INDEX_ONLINE_TIMEOUT_S})`, 'migrate');
  return done;
}
