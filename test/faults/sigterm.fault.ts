import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import http from 'node:http';
import type { LocalNeo4j } from '../../src/db/local-neo4j';
import { buildServer } from '../support/build-server';
import { startOwnNeo4j } from '../support/own-neo4j';
import { removeTempDir } from '../support/temp-dir';
import { spawnServer } from '../support/spawn-server';

/**
 * SIGTERM under load, against the real entry point in its own process: /readyz turns 503 first;
 * clients that stop sending when it does (as a balancer would) see every in-flight request finish
 * with a full answer; the driver closes and the process exits 0.
 */
const CONCURRENCY = 6;
const LOAD_BEFORE_SIGTERM_MS = 3_000;
const DRAIN_DELAY_MS = 1_500;
const POLL_MS = 100;
/** A query that takes a while (a graph algorithm), so requests really are in flight at SIGTERM. */
const SLOW = JSON.stringify({ query: '{ centrality(measure: CLOSENESS, top: 5) { score entity { id } } }' });
const FAST = JSON.stringify({ query: '{ entity(id: "naver") { id name } }' });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let neo4j: LocalNeo4j;
let dataDir: string | undefined;
let buildDir: string | undefined;
let server: ChildProcess;
let url: string;
let logs: string[] = [];

/** One request on its own connection (no keep-alive), so a closed listener shows as a refusal. */
function request(body: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      `${url}/graphql`,
      { method: 'POST', agent: false, headers: { 'content-type': 'application/json' } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

beforeAll(async () => {
  // One after the other: a compile and a JVM start at once slow each other down on a busy machine.
  const { entry, dir } = await buildServer();
  buildDir = dir;
  ({ neo4j, dataDir } = await startOwnNeo4j());
  expect(existsSync(entry)).toBe(true);
  ({
    child: server,
    url,
    logs,
  } = await spawnServer(entry, {
    NEO4J_URI: neo4j.uri,
    NODE_ENV: 'production',
    SEED_ON_START: 'false',
    RATE_LIMIT_REQUESTS: '0',
    SHUTDOWN_DRAIN_DELAY_MS: String(DRAIN_DELAY_MS),
    SHUTDOWN_GRACE_MS: '30000',
    // A slow algorithm on a busy machine must not hit the transaction cap: a TIMEOUT is not a cut-off.
    NEO4J_TX_TIMEOUT_MS: '120000',
  }));
}, 600_000);
afterAll(async () => {
  if (server?.exitCode === null) server.kill('SIGKILL');
  await neo4j?.stop();
  await removeTempDir(dataDir);
  await removeTempDir(buildDir);
}, 60_000);

test('SIGTERM under load: readyz 503, nothing in flight cut off, driver closed, exit 0', async () => {
  const exit = new Promise<number | null>((resolve) => server.once('exit', (code) => resolve(code)));
  let accepting = true;
  let sigtermAt = 0;
  const results: { status: number; ok: boolean; startedAt: number; endedAt: number; error?: string }[] = [];
  const errorText = (text: string): string => {
    try {
      return String(JSON.parse(text).errors?.[0]?.extensions?.code ?? 'no data');
    } catch {
      return `not JSON: ${text.slice(0, 80)}`;
    }
  };
  const worker = async (w: number): Promise<void> => {
    for (let i = 0; accepting; i++) {
      const startedAt = Date.now();
      try {
        const res = await request(w % 2 === 0 ? SLOW : FAST);
        const ok = res.status === 200 && JSON.parse(res.text).data != null;
        results.push({
          status: res.status,
          ok,
          startedAt,
          endedAt: Date.now(),
          error: ok ? undefined : errorText(res.text),
        });
      } catch (err) {
        results.push({ status: 0, ok: false, startedAt, endedAt: Date.now(), error: String(err) });
      }
    }
  };
  const load = Promise.all(Array.from({ length: CONCURRENCY }, (_, w) => worker(w)));
  await sleep(LOAD_BEFORE_SIGTERM_MS);
  sigtermAt = Date.now();
  server.kill('SIGTERM');
  // A balancer's view: poll /readyz and stop routing once it says 503.
  let readyz503Ms = -1;
  while (accepting) {
    const status = await new Promise<number>((resolve) => {
      http
        .get(`${url}/readyz`, { agent: false }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        })
        .on('error', () => resolve(0));
    });
    if (status !== 200) {
      readyz503Ms = Date.now() - sigtermAt;
      accepting = false;
    } else await sleep(POLL_MS);
  }
  await load;
  const code = await exit;
  const inFlightAtSigterm = results.filter((r) => r.startedAt <= sigtermAt && r.endedAt > sigtermAt);
  const figures = {
    requests: results.length,
    ok: results.filter((r) => r.ok).length,
    failed: results.filter((r) => !r.ok).map((r) => `${r.status} ${r.error ?? ''}`),
    inFlightAtSigterm: inFlightAtSigterm.length,
    lastFinishedAfterSigtermMs: Math.max(...results.map((r) => r.endedAt)) - sigtermAt,
    readyz503AfterSigtermMs: readyz503Ms,
    exitCode: code,
  };
  process.stderr.write(`sigterm: ${JSON.stringify(figures)}\n`);
  expect(figures.failed).toEqual([]);
  expect(inFlightAtSigterm.length).toBeGreaterThan(0);
  expect(readyz503Ms).toBeGreaterThanOrEqual(0);
  expect(readyz503Ms).toBeLessThan(DRAIN_DELAY_MS);
  expect(code).toBe(0);
  expect(logs.some((l) => l.includes('"msg":"database closed"'))).toBe(true);
}, 300_000);
