import { createExecutor, startApp, type App } from '../../src/app';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/logger';
import { MAX_SHARED_LOOKUP } from '../../src/entity/entity.service';
import { createHarness, uniquePrefix, type Harness } from '../support/harness';

/**
 * Point lookups by id from requests in flight together share one query (EntityService.lookup):
 * every request still gets its own answer, and a failure reaches each of them as a coded error.
 * This file's own 30 topics.
 */
let h: Harness;
let app: App;
const prefix = uniquePrefix('lookup');
const ids = Array.from({ length: 30 }, (_, i) => `${prefix}-${String(i).padStart(2, '0')}`);
const LOOKUP = 'query ($id: ID!) { entity(id: $id) { id name } }';
const config = loadConfig({ ...process.env, PORT: '0', LOG_LEVEL: 'silent' });

beforeAll(async () => {
  h = await createHarness();
  await h.executor.write(`UNWIND $ids AS id CREATE (n:Entity:Topic {id: id, name: 'Topic ' + id, aliases: []})`, {
    ids,
  });
  app = await startApp(config, createExecutor(config, process.env.NEO4J_URI as string), createLogger('silent'));
});
afterAll(async () => {
  await app.stop();
  await app.executor.close();
  await h.executor.write('MATCH (n:Entity) WHERE n.id IN $ids DETACH DELETE n', { ids });
  await h.close();
});

test('lookups of requests in flight together go as one query, each request answered with its own entity', async () => {
  const absent = `${prefix}-absent`;
  const asked = [...ids, absent, ids[3] as string];
  const { result, queries } = await h.countQueries(() => Promise.all(asked.map((id) => h.gql(LOOKUP, { id }))));
  expect(queries.map((q) => q.operation)).toEqual(['entitiesById']);
  expect([...(queries[0]?.params.ids as string[])].sort()).toEqual([...ids, absent].sort());
  result.forEach((res, i) => {
    expect(res.errors).toBeUndefined();
    const id = asked[i] as string;
    expect(res.data).toEqual({ entity: id === absent ? null : { id, name: `Topic ${id}` } });
  });
});

test('a lookup alone is a query of its own id', async () => {
  const id = ids[7] as string;
  const { result, queries } = await h.countQueries(() => h.gql(LOOKUP, { id }));
  expect(result.data).toEqual({ entity: { id, name: `Topic ${id}` } });
  expect(queries.map((q) => q.params.ids)).toEqual([[id]]);
});

test('a burst past the cap goes as several queries, each within it', async () => {
  const asked = Array.from({ length: MAX_SHARED_LOOKUP + 20 }, (_, i) => (i < ids.length ? ids[i] : `${prefix}-x${i}`));
  const { result, queries } = await h.countQueries(() => h.services.entities.lookup(asked as string[]));
  // Sent together; each query's event comes as it finishes, in either order.
  const sizes = queries.map((q) => (q.params.ids as string[]).length).sort((a, b) => b - a);
  expect(sizes).toEqual([MAX_SHARED_LOOKUP, 20]);
  expect(result.map((r) => r?.id ?? null)).toEqual(asked.map((id, i) => (i < ids.length ? id : null)));
});

test('requests that share a query never share a record', async () => {
  const id = ids[0] as string;
  const [a, b] = await h.services.entities.lookup([id, id]);
  expect(a).toEqual(b);
  expect(a).not.toBe(b);
});

test('over HTTP, concurrent lookups on their own connections each get their own entity', async () => {
  const answers = await Promise.all(
    ids.map(async (id) => {
      const res = await fetch(`${app.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', connection: 'close' },
        body: JSON.stringify({ query: LOOKUP, variables: { id } }),
      });
      return { status: res.status, body: (await res.json()) as any };
    }),
  );
  answers.forEach(({ status, body }, i) => {
    expect(status).toBe(200);
    expect(body).toEqual({ data: { entity: { id: ids[i], name: `Topic ${ids[i]}` } } });
  });
});

test('when the shared query fails, every request in it gets SERVICE_UNAVAILABLE and nothing else', async () => {
  const down = await createHarness('bolt://127.0.0.1:1');
  try {
    const results = await Promise.all(ids.slice(0, 5).map((id) => down.gql(LOOKUP, { id })));
    for (const res of results) {
      expect(res.data).toEqual({ entity: null });
      expect(res.errors?.map((e) => e.extensions?.code)).toEqual(['SERVICE_UNAVAILABLE']);
      expect(JSON.stringify(res.errors)).not.toMatch(/Neo4j|bolt|ECONNREFUSED|at .*\.ts:\d+/i);
    }
  } finally {
    await down.close();
  }
});
