import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createExecutor } from '../../src/app';
import { loadConfig } from '../../src/config';
import { MIGRATIONS_DIR } from '../../src/db/bootstrap';
import { startLocalNeo4j, type LocalNeo4j } from '../../src/db/local-neo4j';
import { migrate } from '../../src/db/migrate';
import { loadSeeds } from '../../src/seed/seed-runner';
import { createHarness, type Harness } from '../support/harness';

/**
 * Growing the graph changes the shared article entities (GPT-3 gains a second parameter count), so
 * this file owns a whole database: its own throwaway Neo4j, seeded, then grown by two more articles.
 */
let neo4j: LocalNeo4j;
let dataDir: string;
let h: Harness;
const FIXTURES = path.join(__dirname, '..', 'fixtures');

async function fixture(name: string): Promise<{ document: unknown; sourceText: string }> {
  const document: unknown = JSON.parse(await readFile(path.join(FIXTURES, `${name}.json`), 'utf8'));
  return { document, sourceText: await readFile(path.join(FIXTURES, `${name}.txt`), 'utf8') };
}

const INGEST = `mutation($document: JSONObject!, $sourceText: String!) {
  ingestDocument(document: $document, sourceText: $sourceText) { articleId created merged { mention entity } facts }
}`;

async function ingest(name: string) {
  return h.gql(INGEST, await fixture(name));
}

async function graphSize(): Promise<{ nodes: number; rels: number }> {
  const [row] = await h.executor.read('MATCH (n) RETURN count(n) AS nodes, COUNT { ()-[]->() } AS rels');
  return { nodes: Number(row?.nodes), rels: Number(row?.rels) };
}

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'kg-ingest-neo4j-'));
  neo4j = await startLocalNeo4j({ dataDir, boltPort: 0, heap: '512m', pageCache: '32m' });
  const executor = createExecutor(loadConfig(), neo4j.uri);
  await migrate(executor, MIGRATIONS_DIR);
  await loadSeeds(executor);
  await executor.close();
  h = await createHarness(neo4j.uri);
}, 180_000);
afterAll(async () => {
  await h?.close();
  await neo4j?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

test('mentions resolve to existing entities by normalized name or alias; new ones are created', async () => {
  const res = await ingest('hyperclova-2021-05-25');
  expect(res.errors).toBeUndefined();
  const out = res.data?.ingestDocument;
  expect(out.created.sort()).toEqual(['hyperclova']);
  expect(out.merged).toEqual(
    expect.arrayContaining([
      { mention: 'naver-corp', entity: 'naver' }, // "NAVER Corp." / "(주)네이버"
      { mention: 'openai-gpt3', entity: 'gpt-3' },
      { mention: 'ai-now-2021', entity: 'naver-ai-now' },
      { mention: 'seoul-national-univ', entity: 'snu' }, // 서울대학교
    ]),
  );
  const naver = await h.gql('{ entity(id: "naver") { name aliases } }');
  expect(naver.data?.entity.name).toBe('Naver');
  expect(naver.data?.entity.aliases).toEqual(expect.arrayContaining(['NAVER', '네이버', 'NAVER Corp.', '(주)네이버']));
});

test('a fact stated by two articles keeps both sources', async () => {
  const res = await h.gql(`{ entity(id: "naver") { ... on Organization {
    partners { other { id } provenance { articleId quote sourceDate: validFrom } } } } }`);
  const withSnu = res.data?.entity.partners.filter((p: any) => p.other.id === 'snu');
  expect(withSnu.map((p: any) => p.provenance.articleId).sort()).toEqual([
    'asiae-2021-05-24-hyperscale-ai',
    'techdaily-2021-05-25-hyperclova',
  ]);
});

test('"as of" a date: only what sources published by then state', async () => {
  const Q = `query($asOf: Date) { entity(id: "naver") {
    relationships(types: [PARTNERS_WITH, DEVELOPS], asOf: $asOf, first: 50) { totalCount edges { node { type other { id } provenance { articleId } } } } } }`;
  const then = await h.gql(Q, { asOf: '2021-05-24' });
  expect(then.errors).toBeUndefined();
  const sources = then.data?.entity.relationships.edges.map((e: any) => e.node.provenance.articleId);
  expect(new Set(sources)).toEqual(new Set(['asiae-2021-05-24-hyperscale-ai']));
  expect(then.data?.entity.relationships.totalCount).toBe(sources.length);
  const now = await h.gql(Q, { asOf: null });
  const ids = now.data?.entity.relationships.edges.map((e: any) => e.node.other.id);
  expect(ids).toContain('hyperclova');
  expect(then.data?.entity.relationships.edges.map((e: any) => e.node.other.id)).not.toContain('hyperclova');
});

test('conflicting values are both kept with their sources; latest and best-supported can be asked for', async () => {
  await ingest('exaone-2021-12-14');
  const Q = `query($policy: ClaimPolicy, $asOf: Date) { entity(id: "gpt-3") { ... on AIModel { parameterCount }
    claims(property: "parameterCount", policy: $policy, asOf: $asOf) { value articleId quote sourceDate support } } }`;
  const all = await h.gql(Q, { policy: 'ALL' });
  expect(all.errors).toBeUndefined();
  expect(all.data?.entity.claims.map((c: any) => [c.value, c.articleId, c.support])).toEqual([
    [175_000_000_000, 'techdaily-2021-12-14-exaone', 2],
    [175_000_000_000, 'techdaily-2021-05-25-hyperclova', 2],
    [173_000_000_000, 'asiae-2021-05-24-hyperscale-ai', 1],
  ]);
  expect(all.data?.entity.parameterCount).toBe(175_000_000_000); // the newest source wins on the node
  const best = await h.gql(Q, { policy: 'BEST_SUPPORTED' });
  expect(best.data?.entity.claims).toHaveLength(1);
  expect(best.data?.entity.claims[0].value).toBe(175_000_000_000);
  const asOf = await h.gql(Q, { policy: 'LATEST', asOf: '2021-05-24' });
  expect(asOf.data?.entity.claims.map((c: any) => [c.value, c.articleId])).toEqual([
    [173_000_000_000, 'asiae-2021-05-24-hyperscale-ai'],
  ]);
});

test('ingesting the same document again changes nothing', async () => {
  const before = await graphSize();
  const again = await ingest('hyperclova-2021-05-25');
  expect(again.errors).toBeUndefined();
  expect(again.data?.ingestDocument.created).toEqual([]);
  expect(await graphSize()).toEqual(before);
});

test('a bad document is rejected whole, naming each bad record; nothing is written', async () => {
  const before = await graphSize();
  const { document, sourceText } = await fixture('exaone-2021-12-14');
  const bad = JSON.parse(JSON.stringify(document)) as any;
  bad.article.id = 'techdaily-bad';
  bad.entities.push({
    id: 'new-thing',
    kind: 'Topic',
    name: 'New',
    aliases: [],
    description: 'x',
    properties: {},
    quote: 'nowhere in the text',
  });
  bad.facts.push({
    id: 'bad-fact',
    type: 'TARGETS_PARAMS',
    from: 'exaone',
    to: 'ghost',
    properties: {},
    quote: '엑사원은',
  });
  const res = await h.gql(INGEST, { document: bad, sourceText });
  expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  const issues = res.errors?.[0]?.extensions?.issues as { record: string; field: string }[];
  expect(issues).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ record: 'new-thing', field: 'quote' }),
      expect.objectContaining({ record: 'bad-fact', field: 'to' }),
    ]),
  );
  expect(await graphSize()).toEqual(before);
});

test('an ambiguous mention is reported, never merged; "sameAs" settles it', async () => {
  await h.executor
    .write(`CREATE (:Entity:Topic {id: 'qa-1', name: 'Quantum AI', aliases: [], resolutionKeys: ['quantumai']}),
    (:Entity:Topic {id: 'qa-2', name: 'Quantum-AI', aliases: [], resolutionKeys: ['quantumai']})`);
  const { document, sourceText } = await fixture('exaone-2021-12-14');
  const doc = JSON.parse(JSON.stringify(document)) as any;
  doc.article.id = 'techdaily-ambiguous';
  doc.facts = [];
  doc.entities = [
    { id: 'qa', kind: 'Topic', name: 'Quantum AI', aliases: [], description: 'x', properties: {}, quote: '엑사원은' },
  ];
  const before = await graphSize();
  const res = await h.gql(INGEST, { document: doc, sourceText });
  expect(res.errors?.[0]?.extensions?.issues).toEqual([
    { record: 'qa', field: 'name', message: expect.stringContaining('qa-1, qa-2') },
  ]);
  expect(await graphSize()).toEqual(before);
  doc.entities[0].sameAs = 'qa-2';
  const settled = await h.gql(INGEST, { document: doc, sourceText });
  expect(settled.errors).toBeUndefined();
  expect(settled.data?.ingestDocument.merged).toEqual([{ mention: 'qa', entity: 'qa-2' }]);
});
