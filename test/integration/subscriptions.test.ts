import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { createExecutor, startApp, type App } from '../../src/app';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/logger';
import { uniquePrefix } from '../support/harness';

/** Live updates: a graphql-ws client hears committed changes, and only those it asked for. */
let app: App;
let client: Client;
const p = uniquePrefix('sub');
const provenance = { articleId: `${p}-article`, quote: '네이버가 서울대와 손잡은' };

beforeAll(async () => {
  const config = loadConfig({ ...process.env, PORT: '0', LOG_LEVEL: 'silent' });
  app = await startApp(config, createExecutor(config, process.env.NEO4J_URI as string), createLogger('silent'));
  await app.executor.write(
    `CREATE (:Entity:Article {id: $a, name: 'A', aliases: []}), (:Entity:Organization {id: $x, name: 'X', aliases: []}),
            (:Entity:Organization {id: $y, name: 'Y', aliases: []})`,
    { a: `${p}-article`, x: `${p}-x`, y: `${p}-y` },
  );
  client = createClient({ url: app.url.replace(/^http/, 'ws') + '/graphql', webSocketImpl: WebSocket, lazy: false });
});
afterAll(async () => {
  await client?.dispose();
  await app.executor.write('MATCH (n:Entity) WHERE n.id STARTS WITH $p DETACH DELETE n', { p });
  await app.stop();
  await app.executor.close();
});

function next(query: string, variables: Record<string, unknown> = {}): Promise<any> {
  return new Promise((resolve, reject) => {
    const dispose = client.subscribe(
      { query, variables },
      {
        next: (value) => {
          dispose();
          resolve(value);
        },
        error: reject,
        complete: () => undefined,
      },
    );
  });
}

test('a new fact is announced with its type, article and entities, after it commits', async () => {
  const heard = next(`subscription($e: ID) { factsChanged(entityId: $e) { change type id articleId entityIds } }`, {
    e: `${p}-y`,
  });
  await new Promise((r) => setTimeout(r, 300)); // let the subscription register
  const fact = await app.services.mutations.createRelationship({
    id: `${p}-fact`,
    type: 'PARTNERS_WITH',
    from: `${p}-x`,
    to: `${p}-y`,
    provenance,
  });
  const event = await heard;
  expect(event.errors).toBeUndefined();
  expect(event.data.factsChanged).toEqual({
    change: 'CREATED',
    type: 'PARTNERS_WITH',
    id: fact.id,
    articleId: `${p}-article`,
    entityIds: [`${p}-x`, `${p}-y`],
  });
});

test('a rolled-back write announces nothing; a filter skips other entities', async () => {
  const heard = next(`subscription($e: ID) { factsChanged(entityId: $e) { change id } }`, { e: `${p}-x` });
  await new Promise((r) => setTimeout(r, 300));
  await expect(
    app.services.mutations.createRelationship({ type: 'PARTNERS_WITH', from: `${p}-x`, to: `${p}-ghost`, provenance }),
  ).rejects.toMatchObject({ extensions: { code: 'NOT_FOUND' } });
  await app.services.mutations.deleteRelationship('PARTNERS_WITH', `${p}-fact`); // entityIds [] for deletes
  await app.services.mutations.createEntity({ id: `${p}-z`, kind: 'Topic', name: 'Z', provenance });
  await app.services.mutations.updateEntity(`${p}-x`, { name: 'X2', provenance });
  const event = await heard;
  expect(event.data.factsChanged).toEqual({ change: 'UPDATED', id: `${p}-x` });
});

test('an ingested article is announced with the entities it touched', async () => {
  const heard = next(`subscription { factsChanged { change id entityIds } }`);
  await new Promise((r) => setTimeout(r, 300));
  const text = '[테스트] 구독 테스트 기사. 엑스 회사가 와이 회사와 손잡았다.';
  await app.services.ingest.ingest(
    {
      article: {
        id: `${p}-doc`,
        name: 'Doc',
        aliases: [],
        description: 'd',
        quote: '[테스트]',
        properties: { publishedOn: '2021-06-01', language: 'ko', sourceFile: 'x.txt' },
      },
      entities: [
        {
          id: `${p}-x`,
          kind: 'Organization',
          name: 'X',
          aliases: [],
          description: 'x',
          properties: {},
          quote: '엑스 회사',
        },
      ],
      facts: [],
    },
    text,
  );
  const event = await heard;
  expect(event.data.factsChanged).toEqual({ change: 'INGESTED', id: `${p}-doc`, entityIds: [`${p}-x`] });
});
