import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { loadConfig } from '../config';
import { openDatabase } from '../db/bootstrap';
import { IngestService } from '../ingest/ingest.service';
import { createLogger } from '../logger';

/**
 * `npm run ingest -- <file.json|folder> ...`: add articles in the seed format, resolving their
 * mentions to existing entities. Each document's text is the .txt beside its .json (or the
 * `sourceFile` it names, relative to the current folder). Documents go in one at a time, each all
 * or nothing; the first bad one stops the run and names its bad records.
 */
async function documents(args: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const arg of args) {
    if ((await stat(arg)).isDirectory()) {
      const names = (await readdir(arg)).filter((f) => f.endsWith('.json')).sort();
      out.push(...names.map((f) => path.join(arg, f)));
    } else out.push(arg);
  }
  return out;
}

async function sourceTextOf(file: string, raw: unknown): Promise<string> {
  const beside = file.replace(/\.json$/, '.txt');
  if (existsSync(beside)) return readFile(beside, 'utf8');
  const named = (raw as { article?: { properties?: { sourceFile?: unknown } } }).article?.properties?.sourceFile;
  if (typeof named !== 'string') throw new Error(`${file}: no ${path.basename(beside)} beside it and no sourceFile`);
  return readFile(path.resolve(named), 'utf8');
}

async function main(): Promise<void> {
  const files = await documents(process.argv.slice(2));
  if (files.length === 0) throw new Error('usage: npm run ingest -- <file.json|folder> ...');
  const config = loadConfig();
  const db = await openDatabase(config, createLogger(config.LOG_LEVEL), true);
  try {
    const service = new IngestService(db.executor);
    for (const [i, file] of files.entries()) {
      const raw: unknown = JSON.parse(await readFile(file, 'utf8'));
      const r = await service.ingest(raw, await sourceTextOf(file, raw));
      process.stdout.write(
        `[${i + 1}/${files.length}] ${file}: ${r.created.length} new, ${r.merged.length} resolved, ${r.facts} facts\n`,
      );
    }
  } finally {
    await db.close();
  }
}

main().catch((err: unknown) => {
  const e = err as { message?: string; extensions?: { issues?: unknown } };
  process.stderr.write(`${e.message ?? String(err)}\n`);
  if (e.extensions?.issues) process.stderr.write(`${JSON.stringify(e.extensions.issues, null, 2)}\n`);
  process.exit(1);
});
