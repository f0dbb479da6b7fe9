import type { App } from '../../src/app';
import { INTERNAL_TEXT, KEYS, nodeCount, post, startSecuredApp, stopApp } from '../support/security';

/**
 * Bad input over HTTP, each answered with the right code, no internal text and nothing written.
 * (The injection string through a mutation, a mutation over GET, a simple CSRF request, a batch and an
 * oversized body are in mutations.test.ts / http.test.ts.)
 */
let app: App;
let before: number;

beforeAll(async () => {
  app = await startSecuredApp();
  before = await nodeCount(app.executor);
});
afterAll(async () => {
  // Nothing below may write: the whole file leaves the graph exactly as it found it.
  expect(await nodeCount(app.executor)).toBe(before);
  await stopApp(app);
});

const code = (res: { body: any }) => res.body?.errors?.[0]?.extensions?.code;
const refused = (res: { status: number; text: string; body: any }, expected: string) => {
  expect(code(res)).toBe(expected);
  expect(res.body.data ?? null).toBeNull();
  expect(res.status).toBeLessThan(500);
  expect(res.text).not.toMatch(INTERNAL_TEXT);
};
/** No number that could be one of the limits (12, 30, 20, 2000, 10000) appears in a refusal. */
const noLimitEchoed = (res: { body: any }) =>
  expect(JSON.stringify(res.body.errors.map((e: any) => e.message))).not.toMatch(/\d/);

test('a depth bomb is refused before anything runs', async () => {
  let sel = 'id';
  for (let i = 0; i < 20; i++) sel = `id relationships(first: 1) { edges { node { from { ${sel} } } } }`;
  const res = await post(app, { query: `{ entity(id: "kt") { ${sel} } }` });
  refused(res, 'GRAPHQL_VALIDATION_FAILED');
  noLimitEchoed(res);
});

test('an alias bomb is refused', async () => {
  const aliases = Array.from({ length: 100 }, (_, i) => `a${i}: id`).join(' ');
  const res = await post(app, { query: `{ entity(id: "kt") { ${aliases} } }` });
  refused(res, 'GRAPHQL_VALIDATION_FAILED');
  noLimitEchoed(res);
});

test('a directive bomb is refused', async () => {
  const res = await post(app, { query: `{ entity(id: "kt") { id ${'@include(if: true) '.repeat(60)} } }` });
  refused(res, 'GRAPHQL_VALIDATION_FAILED');
  noLimitEchoed(res);
});

test('a token bomb is refused by the parser (well under the body limit)', async () => {
  const res = await post(app, { query: `{ entity(id: "kt") { ${'id '.repeat(5_000)} } }` });
  refused(res, 'GRAPHQL_PARSE_FAILED');
  expect(res.body.errors[0].message).not.toMatch(/\d/);
});

test('a cost bomb (500 × 500 nested pages) is refused; one ordinary page is not', async () => {
  const bomb = await post(app, {
    query: '{ entities(first: 500) { edges { node { id relationships(first: 500) { edges { node { id } } } } } } }',
  });
  refused(bomb, 'GRAPHQL_VALIDATION_FAILED');
  noLimitEchoed(bomb);
  const viaVariable = await post(app, {
    query: 'query($n: Int) { entities(first: $n) { edges { node { id relationships(first: 500) { totalCount } } } } }',
    variables: { n: 500 },
  });
  refused(viaVariable, 'GRAPHQL_VALIDATION_FAILED');
  const page = await post(app, { query: '{ entities(first: 100) { edges { node { id name } } } }' });
  expect(page.body.errors).toBeUndefined();
});

test('wrong content type, wrong charset and broken JSON get coded 4xx answers without internals', async () => {
  const text = await post(app, '{"query":"{ entity(id: \\"kt\\") { id } }"}', { 'content-type': 'text/plain' });
  expect(text.status).toBe(400);
  expect(text.text).not.toMatch(INTERNAL_TEXT);
  const latin1 = await post(
    app,
    { query: '{ entity(id: "kt") { id } }' },
    { 'content-type': 'application/json; charset=latin1' },
  );
  expect(latin1.status).toBe(415);
  expect(code(latin1)).toBe('BAD_REQUEST');
  const broken = await post(app, '{"query": "{ entity(id: ', {});
  expect(broken.status).toBe(400);
  expect(code(broken)).toBe('BAD_REQUEST');
  expect(broken.text).not.toMatch(INTERNAL_TEXT);
});

test('invalid Unicode: a lone surrogate and invalid UTF-8 bytes are answered, not crashed on', async () => {
  const lone = await post(app, '{"query":"{ search(query: \\"\\ud800x\\") { score } }"}');
  expect(lone.status).toBeLessThan(500);
  expect(lone.text).not.toMatch(INTERNAL_TEXT);
  const bytes = Buffer.concat([
    Buffer.from('{"query":"{ search(query: \\"'),
    Buffer.from([0xff, 0xfe, 0xc3]),
    Buffer.from('\\") { score } }"}'),
  ]);
  const invalid = await post(app, new Uint8Array(bytes));
  expect(invalid.status).toBeLessThan(500);
  expect(invalid.text).not.toMatch(INTERNAL_TEXT);
  const asVariable = await post(app, {
    query: 'query($id: ID!) { entity(id: $id) { id } }',
    variables: { id: '\ud800\udfff\ud800' },
  });
  expect(asVariable.status).toBeLessThan(500);
  expect(asVariable.body.data?.entity ?? null).toBeNull();
});

test('a huge or negative first: an Int overflow and a negative page are refused with codes', async () => {
  const overflow = await post(app, { query: '{ search(query: "kt", first: 99999999999) { score } }' });
  refused(overflow, 'GRAPHQL_VALIDATION_FAILED');
  const overflowVar = await post(app, {
    query: 'query($n: Int!) { search(query: "kt", first: $n) { score } }',
    variables: { n: 2 ** 31 },
  });
  refused(overflowVar, 'BAD_USER_INPUT');
  expect(overflowVar.status).toBe(400);
  const negative = await post(app, { query: '{ entities(first: -1) { totalCount } }' });
  refused(negative, 'BAD_USER_INPUT');
  const tooMany = await post(app, { query: '{ neighborhood(id: "kt", depth: 99) { nodes { id } } }' });
  expect(['BAD_USER_INPUT', 'GRAPHQL_VALIDATION_FAILED']).toContain(code(tooMany));
});

test('malformed and unknown ids: null for a lookup, NOT_FOUND or BAD_USER_INPUT for a write', async () => {
  for (const id of ['no-such-entity', "x' OR 1=1 //", '../../etc/passwd', '', 'a'.repeat(5_000), '\u0000']) {
    const res = await post(app, { query: 'query($id: ID!) { entity(id: $id) { id } }', variables: { id } });
    expect(res.status).toBeLessThan(500);
    expect(res.text).not.toMatch(INTERNAL_TEXT);
    expect(res.body.data?.entity ?? null).toBeNull();
  }
  const del = await post(
    app,
    { query: 'mutation { deleteEntity(id: "no-such-entity-at-all") { id } }' },
    { 'x-api-key': KEYS.editor },
  );
  expect(['NOT_FOUND', 'BAD_USER_INPUT']).toContain(code(del));
});

test('the injection string as a search, an id and a path endpoint runs as data and deletes nothing', async () => {
  const evil = "x' WITH true AS ignored MATCH (s) DETACH DELETE s; //";
  for (const query of [
    'query($q: String!) { search(query: $q) { score } }',
    'query($q: ID!) { entity(id: $q) { id } }',
    'query($q: ID!) { shortestPath(from: $q, to: "kt") { length } }',
  ]) {
    const res = await post(app, { query, variables: { q: evil } });
    expect(res.status).toBeLessThan(500);
    expect(res.text).not.toMatch(INTERNAL_TEXT);
  }
  expect(await nodeCount(app.executor)).toBe(before);
});

test('variables: a wrong type or a missing one is BAD_USER_INPUT (400); an omitted one with a default takes it', async () => {
  const query = 'query($q: String!, $n: Int = 2) { search(query: $q, first: $n) { entity { id } } }';
  const wrongType = await post(app, { query, variables: { q: { nested: true } } });
  refused(wrongType, 'BAD_USER_INPUT');
  expect(wrongType.status).toBe(400);
  const missing = await post(app, { query, variables: {} });
  refused(missing, 'BAD_USER_INPUT');
  expect(missing.status).toBe(400);
  const defaulted = await post(app, {
    query: 'query($q: String! = "KAIST", $n: Int = 2) { search(query: $q, first: $n) { entity { id } } }',
  });
  expect(defaulted.body.errors).toBeUndefined();
  expect(defaulted.body.data.search.length).toBeGreaterThan(0);
  expect(defaulted.body.data.search.length).toBeLessThanOrEqual(2);
});

test('variables of an operation whose cost is already known are still checked: BAD_USER_INPUT (400)', async () => {
  const query = 'query($from: ID!, $to: ID!) { shortestPath(from: $from, to: $to) { length } }';
  const good = await post(app, { query, variables: { from: 'naver', to: 'kt' } });
  expect(good.body.errors).toBeUndefined();
  for (const variables of [{ from: 'naver', to: ['kt'] }, { from: 'naver' }, { from: 7.5, to: 'kt' }]) {
    const res = await post(app, { query, variables });
    refused(res, 'BAD_USER_INPUT');
    expect(res.status).toBe(400);
    expect(res.body.errors[0].message).toMatch(/^Variable "\$(from|to)"/);
  }
});
