import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/** A new folder under the OS temp dir; whoever makes one removes it with removeTempDir when done. */
export const makeTempDir = (prefix: string): Promise<string> => mkdtemp(path.join(os.tmpdir(), prefix));

/** Remove a temporary folder and what it holds (symbolic links, not what they point to); none given, nothing. */
export async function removeTempDir(dir: string | undefined): Promise<void> {
  if (dir) await rm(dir, { recursive: true, force: true });
}
