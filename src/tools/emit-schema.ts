import 'reflect-metadata';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { REPO_ROOT } from '../config';
import { printSdl } from '../server/schema';

/** `npm run schema:emit`: write the SDL the code defines to schema/schema.graphql. */
async function main(): Promise<void> {
  const file = path.join(REPO_ROOT, 'schema', 'schema.graphql');
  await writeFile(file, await printSdl(), 'utf8');
  process.stdout.write(`wrote ${path.relative(REPO_ROOT, file)}\n`);
}

void main();
