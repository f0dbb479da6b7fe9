import type { App } from '../../src/app';
import { uniquePrefix } from '../support/harness';
import { KEYS, post, signJwt, startSecuredApp, stopApp } from '../support/security';

/** Auth over the real HTTP stack: public reads, role-guarded writes, personal data behind a role. */
let app: App;
const p = uniquePrefix('sec-auth');
const CREATE = `mutation($input: CreateEntityInput!) { createEntity(input: $input) { id name } }`;
const input = (id: string) => ({
  id,
  kind: 'Topic',
  name: id,
  provenance: { articleId: 'asiae-2021-05-24-hyperscale-ai', quote: 'q' },
});
const REPORTER = '{ entity(id: "jo-seulgina") { id ... on Person { email } } }';

beforeAll(async () => {
  app = await startSecuredApp();
});
afterAll(async () => {
  await app.executor.write('MATCH (n:Entity) WHERE n.id STARTS WITH $p DETACH DELETE n', { p });
  await stopApp(app);
});

test('reads are public', async () => {
  const res = await post(app, { query: '{ entity(id: "kt") { id } }' });
  expect(res.status).toBe(200);
  expect(res.body.data.entity).toEqual({ id: 'kt' });
});

test('a mutation needs editor or admin: anonymous UNAUTHENTICATED, reader FORBIDDEN, nothing written', async () => {
  const anon = await post(app, { query: CREATE, variables: { input: input(`${p}-a`) } });
  expect(anon.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
  expect(anon.body.data).toBeNull();
  expect(anon.status).toBeLessThan(500);
  const reader = await post(
    app,
    { query: CREATE, variables: { input: input(`${p}-r`) } },
    { 'x-api-key': KEYS.reader },
  );
  expect(reader.body.errors[0].extensions.code).toBe('FORBIDDEN');
  const readerJwt = await post(
    app,
    { query: CREATE, variables: { input: input(`${p}-rj`) } },
    { authorization: `Bearer ${await signJwt({ roles: ['reader'] })}` },
  );
  expect(readerJwt.body.errors[0].extensions.code).toBe('FORBIDDEN');
  const written = await app.executor.read('MATCH (n:Entity) WHERE n.id IN $ids RETURN count(n) AS n', {
    ids: [`${p}-a`, `${p}-r`, `${p}-rj`],
  });
  expect(Number(written[0]?.n)).toBe(0);
});

test('an editor key and an admin token may write', async () => {
  const editor = await post(
    app,
    { query: CREATE, variables: { input: input(`${p}-e`) } },
    { 'x-api-key': KEYS.editor },
  );
  expect(editor.body.errors).toBeUndefined();
  expect(editor.body.data.createEntity.id).toBe(`${p}-e`);
  const admin = await post(
    app,
    { query: CREATE, variables: { input: input(`${p}-adm`) } },
    { authorization: `Bearer ${await signJwt({ roles: 'admin' })}` },
  );
  expect(admin.body.data.createEntity.id).toBe(`${p}-adm`);
});

test('credentials that do not verify get 401 UNAUTHENTICATED, never anonymous access', async () => {
  const expired = await signJwt({ roles: ['admin'] }, Math.floor(Date.now() / 1000) - 60);
  const cases: Record<string, string>[] = [
    { 'x-api-key': 'not-a-key' },
    { authorization: `Bearer ${expired}` },
    { authorization: `Bearer ${await signJwt({ roles: ['admin'] }, '5m', 'some-other-secret-of-enough-length-xx')}` },
  ];
  for (const headers of cases) {
    const res = await post(app, { query: '{ entity(id: "kt") { id } }' }, headers);
    expect(res.status).toBe(401);
    expect(res.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
  }
});

test('a reporter e-mail needs a role; the rest of the answer still comes back', async () => {
  const anon = await post(app, { query: REPORTER });
  expect(anon.status).toBe(200); // a field-level refusal: the rest of the answer stands
  expect(anon.body.data.entity).toEqual({ id: 'jo-seulgina', email: null });
  expect(anon.body.errors[0]).toMatchObject({ path: ['entity', 'email'], extensions: { code: 'UNAUTHENTICATED' } });
  expect(anon.text).not.toContain('@asiae.co.kr');
  const reader = await post(app, { query: REPORTER }, { 'x-api-key': KEYS.reader });
  expect(reader.body.errors).toBeUndefined();
  expect(reader.body.data.entity.email).toBe('seul@asiae.co.kr');
});

test('with AUTH_PUBLIC_READS=false every operation needs a role', async () => {
  const closed = await startSecuredApp({ AUTH_PUBLIC_READS: 'false' });
  try {
    const anon = await post(closed, { query: '{ entity(id: "kt") { id } }' });
    expect(anon.status).toBe(401);
    expect(anon.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(anon.body.data ?? null).toBeNull();
    const reader = await post(closed, { query: '{ entity(id: "kt") { id } }' }, { 'x-api-key': KEYS.reader });
    expect(reader.body.data.entity).toEqual({ id: 'kt' });
  } finally {
    await stopApp(closed);
  }
});
