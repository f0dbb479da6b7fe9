import { loadSeedDocument } from '../../src/seed/loader';
import { SeedValidationError } from '../../src/seed/seed.errors';
import { loadSeeds } from '../../src/seed/seed-runner';
import type { SeedDocument } from '../../src/seed/seed.types';
import { createHarness, uniquePrefix, type Harness } from '../support/harness';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

async function snapshot(): Promise<{ nodes: number; rels: number; props: string }> {
  const [row] = await h.executor.read(`
    MATCH (a:Entity:Article {id: 'asiae-2021-05-24-hyperscale-ai'})-[:MENTIONS]->(n:Entity)
    WITH collect(DISTINCT n) AS nodes
    UNWIND nodes AS n
    OPTIONAL MATCH (n)-[r]->()
    WITH nodes, collect(DISTINCT r) AS rels
    RETURN size(nodes) AS nodes, size(rels) AS rels,
           reduce(s = '', r IN rels | s + r.id + coalesce(r.quote, '')) AS props`);
  return { nodes: Number(row?.nodes), rels: Number(row?.rels), props: String(row?.props).slice(0, 100_000) };
}

test('loading the seed again changes nothing', async () => {
  const before = await snapshot();
  expect(before.nodes).toBeGreaterThan(50);
  await loadSeeds(h.executor);
  expect(await snapshot()).toEqual(before);
});

test('a record that conflicts with the graph fails naming it, and nothing of the document is written', async () => {
  const p = uniquePrefix('seed');
  const doc: SeedDocument = {
    article: { id: `${p}-article`, kind: 'Article', properties: { name: 'A', aliases: [] }, quote: 'q' },
    sourceText: 'q',
    entities: [
      { id: `${p}-fresh`, kind: 'Topic', properties: { name: 'Fresh', aliases: [] }, quote: 'q' },
      // `naver` exists as an Organization: asking for it as a Topic must fail the whole load.
      { id: 'naver', kind: 'Topic', properties: { name: 'Naver', aliases: [] }, quote: 'q' },
    ],
    facts: [],
  };
  const error = await loadSeedDocument(h.executor, doc).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(SeedValidationError);
  expect((error as SeedValidationError).issues).toEqual([
    { record: 'naver', field: 'kind', message: expect.stringContaining('Organization') },
  ]);
  const [row] = await h.executor.read('MATCH (n:Entity) WHERE n.id STARTS WITH $p RETURN count(n) AS n', { p });
  expect(Number(row?.n)).toBe(0);
});
