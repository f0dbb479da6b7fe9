import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createExecutor, startApp, type App } from '../../src/app';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/logger';

/** With a trusted-documents manifest, only the operations the client shipped run. */
const MANIFEST = path.join(__dirname, '..', '..', 'examples', 'client', 'src', 'gql', 'persisted-documents.json');
const docs = JSON.parse(readFileSync(MANIFEST, 'utf8')) as Record<string, string>;
const [searchId, searchDoc] = Object.entries(docs).find(([, d]) => d.includes('search(')) as [string, string];
let app: App;

beforeAll(async () => {
  const config = loadConfig({ ...process.env, PORT: '0', LOG_LEVEL: 'silent', TRUSTED_DOCUMENTS_FILE: MANIFEST });
  app = await startApp(config, createExecutor(config, process.env.NEO4J_URI as string), createLogger('silent'));
});
afterAll(async () => {
  await app.stop();
  await app.executor.close();
});

async function post(body: unknown) {
  const res = await fetch(`${app.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as any };
}

const variables = { query: '카이스트', first: 1 };

test('a manifest operation runs by its documentId, by Apollo-style hash, or as its exact text', async () => {
  for (const body of [
    { documentId: searchId, variables },
    { extensions: { persistedQuery: { version: 1, sha256Hash: searchId.slice('sha256:'.length) } }, variables },
    { query: searchDoc, variables },
  ]) {
    const { status, body: out } = await post(body);
    expect(status).toBe(200);
    expect(out.data.search[0].entity.id).toBe('kaist');
  }
});

test('any other operation, or an unknown id, is refused before it runs', async () => {
  const other = await post({ query: '{ entity(id: "kt") { id } }' });
  expect(other.status).toBe(400);
  expect(other.body.errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
  const unknown = await post({ documentId: `sha256:${'0'.repeat(64)}`, variables });
  expect(unknown.status).toBe(400);
  expect(unknown.body.errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
});
