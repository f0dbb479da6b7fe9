import type { App } from '../../src/app';
import type { LocalNeo4j } from '../../src/db/local-neo4j';
import { mb, startOwnNeo4j, Tally } from '../support/own-neo4j';
import { removeTempDir } from '../support/temp-dir';
import { post, startSecuredApp, stopApp } from '../support/security';

/**
 * A steady, bounded load over loopback: LOAD_REQUESTS requests from LOAD_CONCURRENCY clients (or
 * until LOAD_MAX_MS), a mix of lookups, searches, pages and facts. Zero errors; heap bounded.
 */
const REQUESTS = Number(process.env.LOAD_REQUESTS ?? 3_000);
const CONCURRENCY = Number(process.env.LOAD_CONCURRENCY ?? 8);
const MAX_MS = Number(process.env.LOAD_MAX_MS ?? 180_000);
/** Heap growth allowed after a forced GC: caches are bounded, so a leak shows as steady growth beyond this. */
const HEAP_GROWTH_LIMIT_MB = 64;

const OPERATIONS = [
  { query: '{ entity(id: "naver") { id name nameKo } }' },
  {
    query: 'query($q: String!) { search(query: $q, first: 5) { score entity { id name } } }',
    variables: { q: '카이스트' },
  },
  { query: '{ entities(first: 20) { totalCount edges { cursor node { id name } } } }' },
  { query: '{ entity(id: "kt") { id relationships(first: 10) { totalCount edges { node { id type } } } } }' },
];

let neo4j: LocalNeo4j;
let dataDir: string | undefined;
let app: App;
beforeAll(async () => {
  ({ neo4j, dataDir } = await startOwnNeo4j());
  app = await startSecuredApp({ RATE_LIMIT_REQUESTS: '0', NEO4J_MAX_POOL_SIZE: '20' }, neo4j.uri);
}, 300_000);
afterAll(async () => {
  if (app) await stopApp(app);
  await neo4j?.stop();
  await removeTempDir(dataDir);
}, 60_000);

const gc = (): void => (globalThis as { gc?: () => void }).gc?.();

test('steady load: zero errors, heap bounded', async () => {
  // Warm up (JIT, driver pool, query plans) before the heap is measured.
  for (const op of OPERATIONS) await post(app, op);
  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  const tally = new Tally();
  const started = Date.now();
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < REQUESTS && Date.now() - started < MAX_MS) {
      const op = OPERATIONS[next++ % OPERATIONS.length] as (typeof OPERATIONS)[number];
      const t0 = performance.now();
      const res = await post(app, op);
      const errors: { extensions?: { code?: string } }[] = res.body?.errors ?? [];
      tally.add(
        res.status === 200 && !errors.length ? 'OK' : String(errors[0]?.extensions?.code ?? res.status),
        performance.now() - t0,
      );
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const elapsed = Date.now() - started;
  gc();
  const heapAfter = process.memoryUsage().heapUsed;
  const figures = {
    requests: tally.count,
    concurrency: CONCURRENCY,
    seconds: elapsed / 1000,
    perSecond: Math.round((tally.count / elapsed) * 1000),
    p50ms: Math.round(tally.percentile(50)),
    p99ms: Math.round(tally.percentile(99)),
    answers: tally.codes,
    heapBeforeMb: mb(heapBefore),
    heapAfterMb: mb(heapAfter),
    gcExposed: typeof (globalThis as { gc?: unknown }).gc === 'function',
  };
  process.stderr.write(`load: ${JSON.stringify(figures)}\n`);
  expect(tally.codes).toEqual({ OK: tally.count });
  expect(tally.count).toBeGreaterThan(Math.min(REQUESTS, 100));
  expect(mb(heapAfter - heapBefore)).toBeLessThan(HEAP_GROWTH_LIMIT_MB);
}, 600_000);
