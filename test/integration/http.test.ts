import { startApp, type App } from '../../src/app';
import { loadConfig } from '../../src/config';
import { createExecutor } from '../../src/app';
import { createLogger } from '../../src/logger';

/** The real HTTP stack: express, Apollo, health, error masking. */
let app: App;
const config = loadConfig({ ...process.env, PORT: '0', LOG_LEVEL: 'silent' });

beforeAll(async () => {
  app = await startApp(config, createExecutor(config, process.env.NEO4J_URI as string), createLogger('silent'));
});
afterAll(async () => {
  await app.stop();
  await app.executor.close();
});

async function post(body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${app.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json().catch(() => null)) as any };
}

test('GET /healthz answers 200 while the database is reachable', async () => {
  const res = await fetch(`${app.url}/healthz`);
  expect(res.status).toBe(200);
  expect(await res.json()).toMatchObject({ status: 'ok' });
});

test('POST /graphql answers a query in Korean and English', async () => {
  const { status, body } = await post({
    query: '{ search(query: "카이스트", first: 1) { entity { id name nameKo } } }',
  });
  expect(status).toBe(200);
  expect(body.data.search[0].entity).toEqual({ id: 'kaist', name: 'KAIST', nameKo: '카이스트' });
});

test('errors carry codes and never Neo4j text or stack traces', async () => {
  const { body } = await post({ query: '{ entities(first: 5, after: "bogus") { totalCount } }' });
  expect(body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
  const text = JSON.stringify(body);
  expect(text).not.toMatch(/Neo4j|Cypher|stacktrace|at .*\.ts:\d+/i);
});

test('a mutation over GET and a CSRF "simple" request are refused; batching is off', async () => {
  const get = await fetch(
    `${app.url}/graphql?query=${encodeURIComponent('mutation { deleteEntity(id: "kt") { id } }')}`,
    {
      headers: { 'apollo-require-preflight': 'true' },
    },
  );
  expect(get.status).toBe(405);
  const simple = await fetch(`${app.url}/graphql?query=${encodeURIComponent('{ entity(id: "kt") { id } }')}`);
  expect(simple.status).toBe(400);
  const batch = await post([{ query: '{ entity(id: "kt") { id } }' }, { query: '{ entity(id: "kt") { id } }' }]);
  expect(batch.status).toBe(400);
  const still = await post({ query: '{ entity(id: "kt") { id } }' });
  expect(still.body.data.entity).toEqual({ id: 'kt' });
});

test('a body over the limit is refused with 413', async () => {
  const res = await fetch(`${app.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: `{ search(query: "${'가'.repeat(600_000)}") { score } }` }),
  });
  expect(res.status).toBe(413);
});

test('while the database is down the API answers SERVICE_UNAVAILABLE and healthz 503', async () => {
  const downConfig = loadConfig({ ...process.env, PORT: '0', LOG_LEVEL: 'silent' });
  const down = await startApp(downConfig, createExecutor(downConfig, 'bolt://127.0.0.1:1'), createLogger('silent'));
  try {
    const health = await fetch(`${down.url}/healthz`);
    expect(health.status).toBe(503);
    const res = await fetch(`${down.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ entity(id: "kt") { id } }' }),
    });
    const body = (await res.json()) as any;
    expect(body.errors[0].extensions.code).toBe('SERVICE_UNAVAILABLE');
    expect(JSON.stringify(body)).not.toMatch(/ECONNREFUSED|Neo4j/i);
    // The first failure opened the circuit breaker: the next requests are refused without waiting
    // out another retry window (2 s), also once its 1 s cool-down has passed: then the breaker
    // probes the database itself, and no request is its trial.
    expect(down.executor.breaker.state).toBe('open');
    for (const pause of [0, 1_500]) {
      await new Promise((r) => setTimeout(r, pause));
      const t0 = performance.now();
      const again = await fetch(`${down.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ entity(id: "kt") { id } }' }),
      });
      expect(((await again.json()) as any).errors[0].extensions.code).toBe('SERVICE_UNAVAILABLE');
      expect(performance.now() - t0).toBeLessThan(500);
    }
  } finally {
    await down.stop();
    await down.executor.close();
  }
});
