import { rm } from 'node:fs/promises';

export default async function globalTeardown(): Promise<void> {
  await globalThis.__TEST_NEO4J__?.stop();
  const dir = process.env.TEST_NEO4J_DATA_DIR;
  if (dir) await rm(dir, { recursive: true, force: true });
}
