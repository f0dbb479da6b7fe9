import { Writable } from 'node:stream';
import pino from 'pino';
import { createExecutor, startApp, type App } from '../../src/app';
import { loadConfig } from '../../src/config';
import { serverProbe } from '../../src/tools/bench/window';

/** /metrics and the request log, through the real HTTP stack and a real Neo4j. */
let app: App;
/** Everything the logger wrote; parsed line by line when read (a chunk may end mid-line). */
let written = '';
const sink = new Writable({
  write(chunk: Buffer, _enc, done) {
    written += chunk.toString();
    done();
  },
});
const logLines = (): Record<string, unknown>[] =>
  written
    .split('\n')
    .filter((l) => l.startsWith('{') && l.endsWith('}'))
    .map((l) => JSON.parse(l) as Record<string, unknown>);
const config = loadConfig({ ...process.env, PORT: '0', LOG_LEVEL: 'info' });

beforeAll(async () => {
  app = await startApp(config, createExecutor(config, process.env.NEO4J_URI as string), pino({ level: 'info' }, sink));
}, 180_000);
afterAll(async () => {
  await app?.stop();
  await app?.executor.close();
});

async function post(body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${app.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return { res, body: (await res.json()) as any };
}

const metricsText = async () => (await fetch(`${app.url}/metrics`)).text();
/** The value of one series line, e.g. `graphql_requests_total{operation="X",outcome="ok",app="kg-hyperscale"}`. */
function series(text: string, name: string, labels: Record<string, string>): number | undefined {
  const line = text
    .split('\n')
    .find((l) => l.startsWith(`${name}{`) && Object.entries(labels).every(([k, v]) => l.includes(`${k}="${v}"`)));
  return line === undefined ? undefined : Number(line.slice(line.lastIndexOf(' ') + 1));
}

test('every response carries a request id; a safe incoming one is kept, an unsafe one replaced', async () => {
  const mine = await post({ query: '{ __typename }' }, { 'x-request-id': 'trace-abc.123' });
  expect(mine.res.headers.get('x-request-id')).toBe('trace-abc.123');
  const bad = await post({ query: '{ __typename }' }, { 'x-request-id': 'no spaces <allowed>' });
  expect(bad.res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
});

test('one JSON log line per GraphQL request with request id, operation name, duration and error codes', async () => {
  await post(
    { query: 'query NaverName { entity(id: "naver") { name } }', operationName: 'NaverName' },
    { 'x-request-id': 'log-test-1' },
  );
  await post({ query: 'query Broken { nope }' }, { 'x-request-id': 'log-test-2' });
  const lines = logLines();
  const ok = lines.find((l) => l['requestId'] === 'log-test-1');
  expect(ok).toMatchObject({ msg: 'graphql request', operation: 'NaverName', operationType: 'query', outcome: 'ok' });
  expect(typeof ok?.['durationMs']).toBe('number');
  const failed = lines.find((l) => l['requestId'] === 'log-test-2');
  expect(failed).toMatchObject({ outcome: 'error', errorCodes: ['GRAPHQL_VALIDATION_FAILED'] });
});

test('/metrics counts requests and errors by code, times operations, and reports Neo4j figures', async () => {
  const before = await metricsText();
  const okBefore = series(before, 'graphql_requests_total', { operation: 'MetricsProbe', outcome: 'ok' }) ?? 0;
  const notFoundBefore = series(before, 'graphql_errors_total', { code: 'NOT_FOUND' }) ?? 0;
  const readsBefore = series(before, 'neo4j_queries_total', { mode: 'READ', outcome: 'ok' }) ?? 0;

  for (let i = 0; i < 3; i++) {
    const { body } = await post({ query: 'query MetricsProbe { entity(id: "kaist") { name } }' });
    expect(body.data.entity.name).toBe('KAIST');
  }
  const missing = await post({
    query: 'query Missing { shortestPath(from: "no-such-entity-x", to: "kt") { length } }',
  });
  expect(missing.body.errors[0].extensions.code).toBe('NOT_FOUND');

  const res = await fetch(`${app.url}/metrics`);
  expect(res.headers.get('content-type')).toContain('text/plain');
  const after = await res.text();
  expect(series(after, 'graphql_requests_total', { operation: 'MetricsProbe', outcome: 'ok' })).toBe(okBefore + 3);
  expect(series(after, 'graphql_errors_total', { code: 'NOT_FOUND' })).toBe(notFoundBefore + 1);
  expect(series(after, 'graphql_request_duration_seconds_count', { operation: 'MetricsProbe' })).toBe(okBefore + 3);
  expect(series(after, 'graphql_request_duration_seconds_bucket', { operation: 'MetricsProbe', le: '+Inf' })).toBe(
    okBefore + 3,
  );
  expect(series(after, 'neo4j_queries_total', { mode: 'READ', outcome: 'ok' })).toBeGreaterThanOrEqual(readsBefore + 3);
  expect(series(after, 'neo4j_query_duration_seconds_count', { mode: 'READ' })).toBeGreaterThan(0);
  expect(series(after, 'neo4j_pool_connections', { state: 'max' })).toBe(config.NEO4J_MAX_POOL_SIZE);
  const inUse = series(after, 'neo4j_pool_connections', { state: 'in_use' });
  const idle = series(after, 'neo4j_pool_connections', { state: 'idle' });
  expect(inUse).toBeGreaterThanOrEqual(0);
  expect(idle).toBeGreaterThanOrEqual(1); // the connections the queries above used went back to the pool
  expect(after).toContain('process_cpu_seconds_total');
});

test("the benchmark's window probe reads this server's event-loop delay and GC time from /metrics", async () => {
  const probe = serverProbe(`${app.url}/metrics`);
  probe.start();
  await new Promise((resolve) => setTimeout(resolve, 200)); // the first scrape is answered
  // The server runs in this process: blocking it for 150 ms is the stall the probe must report.
  const until = performance.now() + 150;
  while (performance.now() < until);
  await new Promise((resolve) => setTimeout(resolve, 50));
  const window = await probe.end();
  expect(window?.loopDelayMaxMs).toBeGreaterThan(100);
  expect(window?.gcMs).toBeGreaterThanOrEqual(0);
  expect(window?.gcOver100ms).toBeGreaterThanOrEqual(0);
});
