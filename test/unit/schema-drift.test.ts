import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ENTITY_KINDS } from '../../src/graph/ontology';
import { printSdl } from '../../src/server/schema';

/** The committed SDL is what clients generate code from: it must match what the code defines. */
test('schema/schema.graphql matches the code-first schema (run `npm run schema:emit` after a change)', async () => {
  const committed = await readFile(path.join(__dirname, '..', '..', 'schema', 'schema.graphql'), 'utf8');
  expect(await printSdl()).toBe(committed);
});

test('every entity kind is an object type implementing Entity, and every 64-bit count is BigInt', async () => {
  const sdl = await printSdl();
  for (const kind of ENTITY_KINDS) {
    expect(sdl).toContain(`type ${kind} implements Entity {`);
  }
  expect(sdl).toMatch(/parameterCount: BigInt\n/);
  expect(sdl).not.toMatch(/parameterCount: Int/);
});
