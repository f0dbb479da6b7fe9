import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { exportGraph, type ExportFormat } from '../../src/cli/export/export-graph';
import { importSeedFiles } from '../../src/cli/import.command';
import { runKg, UsageError, type KgIo } from '../../src/cli/kg-command';
import { createHarness, uniquePrefix, type Harness } from '../support/harness';

/** `npm run kg` commands against the real Neo4j: import, export (3 formats), stats, check. */
const ROOT = path.join(__dirname, '../..');
const SEED = path.join(ROOT, 'seeds/asiae-2021-05-24-hyperscale-ai.json');
const TEXT = path.join(ROOT, 'seeds/asiae-2021-05-24-hyperscale-ai.txt');

let h: Harness;
let tmp: string;
const prefix = `${uniquePrefix('kgcli')}-`;

class Capture extends Writable {
  text = '';
  isTTY = false;
  override _write(chunk: Buffer, _enc: BufferEncoding, done: () => void) {
    this.text += chunk.toString();
    done();
  }
}

function io(): KgIo & { out: Capture; err: Capture } {
  const out = new Capture();
  const err = new Capture();
  return { stdout: out, stderr: err, out, err, withExecutor: (work) => work(h.executor) };
}

/** A copy of the article seed whose every id carries this file's prefix: its own data, same quotes. */
function prefixedSeed(mutate: (doc: any) => void = () => undefined): string {
  const doc = JSON.parse(fs.readFileSync(SEED, 'utf8'));
  const ids = new Set<string>([doc.article.id, ...doc.entities.map((e: any) => e.id)]);
  const p = (id: string) => (ids.has(id) ? `${prefix}${id}` : id);
  doc.article.id = p(doc.article.id);
  doc.article.properties.sourceFile = 'seeds/article.txt';
  for (const e of doc.entities) e.id = p(e.id);
  for (const f of doc.facts) Object.assign(f, { id: `${prefix}${f.id}`, from: p(f.from), to: p(f.to) });
  mutate(doc);
  const dir = fs.mkdtempSync(path.join(tmp, 'repo-'));
  fs.mkdirSync(path.join(dir, 'seeds'));
  fs.copyFileSync(TEXT, path.join(dir, 'seeds/article.txt'));
  const file = path.join(dir, 'seeds/doc.json');
  fs.writeFileSync(file, JSON.stringify(doc));
  return file;
}

async function exported(format: ExportFormat): Promise<string> {
  let text = '';
  await exportGraph(h.executor, format, async (chunk) => void (text += chunk), 20);
  return text;
}

beforeAll(async () => {
  h = await createHarness();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kg-cli-'));
});
afterAll(async () => {
  await h.executor.write('MATCH (n:Entity) WHERE n.id STARTS WITH $prefix DETACH DELETE n', { prefix });
  await h.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

test('check validates a file without writing, and lists every issue of a bad one', async () => {
  const good = io();
  good.withExecutor = () => Promise.reject(new Error('check must not open the database'));
  expect(await runKg(['check', SEED], good)).toBe(0);
  expect(good.out.text).toMatch(/^ok {4}.*54 entities \(article included\), 79 facts/);

  const bad = prefixedSeed((doc) => {
    doc.facts[0].to = 'nobody-at-all';
    doc.entities[1].kind = 'Planet';
  });
  const broken = io();
  broken.withExecutor = good.withExecutor;
  expect(await runKg(['check', bad], broken)).toBe(1);
  expect(broken.out.text).toContain('FAIL');
  expect(broken.out.text).toContain('nobody-at-all');
  expect(broken.out.text).toContain('kind');
  const [row] = await h.executor.read('MATCH (n:Entity) WHERE n.id STARTS WITH $prefix RETURN count(n) AS n', {
    prefix,
  });
  expect(row!.n).toBe(0);
});

test('import loads a seed file through the validator and loader, with a progress bar on a terminal', async () => {
  const file = prefixedSeed();
  const bar = new Capture();
  bar.isTTY = true;
  const result = await importSeedFiles(h.executor, [file], { progressStream: bar, progressMinRecords: 1 });
  expect(result).toEqual({ entities: 54, facts: 54 + 79 });
  expect(bar.text).toContain('100%');
  const [row] = await h.executor.read(
    'MATCH (n:Entity) WHERE n.id STARTS WITH $prefix RETURN count(n) AS n, collect(n.nameKo) AS names',
    { prefix },
  );
  expect(row!.n).toBe(54);
  expect(row!.names).toContain('네이버');

  // Through the command: importing again changes nothing (MERGE).
  const again = io();
  expect(await runKg(['import', file], again)).toBe(0);
  expect(again.out.text).toContain('Imported 54 entities and 133 facts from 1 file(s).');
  const [after] = await h.executor.read('MATCH (n:Entity) WHERE n.id STARTS WITH $prefix RETURN count(n) AS n', {
    prefix,
  });
  expect(after!.n).toBe(54);
});

test('export json lists every entity and fact with its provenance, 64-bit integers exact', async () => {
  const doc = JSON.parse(await exported('json'));
  expect(doc.format).toBe('kg-hyperscale-graph');
  const naver = doc.entities.find((e: any) => e.id === 'naver');
  expect(naver).toMatchObject({ kind: 'Organization', properties: { name: 'Naver', nameKo: '네이버' } });
  const partners = doc.relationships.find((r: any) => r.from === 'naver' && r.to === 'snu');
  expect(partners.type).toBe('PARTNERS_WITH');
  expect(partners.properties.quote).toContain('서울대');
  const ids = doc.entities.map((e: any) => e.id);
  expect([...ids].sort()).toEqual(ids); // id order, across pages of 20
  expect(new Set(ids).size).toBe(ids.length);
  const counts = doc.relationships.map((r: any) => r.properties.parameterCount).filter(Boolean);
  expect(counts).toEqual(expect.arrayContaining([600000000000, 1000000000000]));
});

test('export graphml declares its keys and writes one node per entity and one edge per fact', async () => {
  // Other test files write their own entities meanwhile, so the export is checked for consistency
  // (every node once, every edge between exported nodes, the whole article graph present), not
  // against a count taken at another moment.
  const seeded = await h.executor.read(
    "MATCH (:Entity:Article {id: 'asiae-2021-05-24-hyperscale-ai'})-[:MENTIONS]->(n) RETURN n.id AS id",
  );
  const xml = await exported('graphml');
  expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
  expect(xml).toContain('<key id="n_nameKo" for="node" attr.name="nameKo" attr.type="string"/>');
  const nodes = [...xml.matchAll(/<node id="([^"]+)"/g)].map((m) => m[1]);
  expect(new Set(nodes).size).toBe(nodes.length);
  expect(nodes).toEqual(expect.arrayContaining(seeded.map((r) => String(r.id))));
  // Facts among the shared article graph (test files' own data, ids 't-…', may appear mid-export).
  const ends = [...xml.matchAll(/<edge [^>]*source="([^"]+)" target="([^"]+)"/g)]
    .flatMap((m) => [m[1] as string, m[2] as string])
    .filter((id) => !id.startsWith('t-'));
  expect(ends.length).toBeGreaterThan(100);
  const known = new Set(nodes);
  expect(ends.filter((id) => !known.has(id))).toEqual([]);
  expect(xml).toContain('<data key="n_nameKo">네이버</data>');
  expect(xml.trimEnd().endsWith('</graphml>')).toBe(true);
});

test('export cypher writes MERGE statements that Neo4j accepts', async () => {
  const lines = (await exported('cypher')).split('\n').filter((l) => l.startsWith('M'));
  const naver = lines.find((l) => l.includes('{id: "naver"}) SET'));
  expect(naver).toMatch(/^MERGE \(n:Entity \{id: "naver"\}\) SET n:Organization, n \+= \{.*nameKo: "네이버"/);
  const fact = lines.find((l) => l.includes('PARTNERS_WITH') && l.includes('"naver"'));
  expect(fact).toBeDefined();
  expect(
    lines.some((l) => l.includes('parameterCount: 600000000000,') || l.includes('parameterCount: 600000000000}')),
  ).toBe(true);
  // EXPLAIN plans a statement without running it: each kind of line must parse and plan.
  for (const statement of [naver!, fact!]) {
    await expect(h.executor.write(`EXPLAIN ${statement.replace(/;$/, '')}`)).resolves.toEqual([]);
  }
});

test('stats counts entities by kind and facts by type; unknown commands are usage errors', async () => {
  const out = io();
  expect(await runKg(['stats', '--json'], out)).toBe(0);
  const stats = JSON.parse(out.out.text);
  expect(stats.byKind.Organization).toBeGreaterThanOrEqual(8);
  expect(stats.byType.PARTNERS_WITH).toBeGreaterThanOrEqual(1);
  expect(stats.entities).toBe(Object.values(stats.byKind).reduce((a: number, b: any) => a + b, 0));
  await expect(runKg(['explode'], io())).rejects.toBeInstanceOf(UsageError);
  await expect(runKg(['export', '--format', 'csv'], io())).rejects.toBeInstanceOf(UsageError);
});
