import { execFile } from 'node:child_process';
import { symlink } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { makeTempDir } from './temp-dir';

const ROOT = path.join(__dirname, '../..');

/**
 * Compile the server into a temporary folder (not the shared dist/) and return its entry point.
 * The compiled config finds the repository root two levels above dist/src, so the folders it reads
 * at run time (migrations, seeds, the Neo4j launcher, node_modules) are linked in beside it.
 * The caller removes `dir` when done (removeTempDir).
 */
export async function buildServer(): Promise<{ entry: string; dir: string }> {
  const dir = await makeTempDir('kg-server-');
  const outDir = path.join(dir, 'dist');
  // tsc exits non-zero on type errors elsewhere in the tree yet still emits; the entry point is what counts.
  await promisify(execFile)(
    process.execPath,
    [
      path.join(ROOT, 'node_modules/typescript/bin/tsc'),
      '-p',
      path.join(ROOT, 'tsconfig.build.json'),
      '--outDir',
      outDir,
    ],
    { cwd: ROOT },
  ).catch(() => undefined);
  for (const name of ['schema', 'seeds', 'tools', 'node_modules']) {
    await symlink(path.join(ROOT, name), path.join(dir, name));
  }
  return { entry: path.join(outDir, 'src', 'index.js'), dir };
}
