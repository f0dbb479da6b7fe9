import { createExecutor, startApp, type App } from '../../src/app';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/logger';
import { createClient, documentHash, GraphQLRequestError } from '../../examples/client/src/client';
import { SearchEntities } from '../../examples/client/src/operations';
import { report } from '../../examples/client/src/report';

/** The example client, with its generated typed operations, against the real server. */
let app: App;
const config = loadConfig({ ...process.env, PORT: '0', LOG_LEVEL: 'silent' });

beforeAll(async () => {
  app = await startApp(config, createExecutor(config, process.env.NEO4J_URI as string), createLogger('silent'));
}, 180_000);
afterAll(async () => {
  await app?.stop();
  await app?.executor.close();
});

test('the typed operations answer the README questions', async () => {
  const lines = await report(createClient({ url: `${app.url}/graphql` }));
  expect(lines[0]).toMatch(/^카이스트 → KAIST \(Organization\)/);
  expect(lines.some((l) => /^Naver partners with Seoul National University: ".*서울대/.test(l))).toBe(true);
  expect(lines.some((l) => /^LG AI Research targets 600000000000 parameters/.test(l))).toBe(true);
  expect(lines.at(-1)).toMatch(/^naver → kt: 네이버 → .*KT$/);
});

test('documents carry their sha256 for trusted documents; errors surface with their codes', async () => {
  expect(documentHash(SearchEntities)).toMatch(/^sha256:[0-9a-f]{64}$|^[0-9a-f]{64}$/);
  const request = createClient({ url: `${app.url}/graphql` });
  const failure = request(SearchEntities, { query: '카이스트', first: 100_000 });
  await expect(failure).rejects.toBeInstanceOf(GraphQLRequestError);
});
