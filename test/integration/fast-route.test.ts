import { request } from 'node:http';
import { gzipSync } from 'node:zlib';
import type { App } from '../../src/app';
import { KEYS, startSecuredApp, stopApp } from '../support/security';

/**
 * POST /graphql with a plain JSON body is answered by the fast route (node:http, no Express
 * router); `/graphql/` still goes through Express. Both must answer every request alike, and the
 * fast route's own body reader must keep the json parser's limits.
 */
let app: App;

beforeAll(async () => {
  app = await startSecuredApp();
});
afterAll(async () => {
  await stopApp(app);
});

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  code?: string;
}

/** A raw request: the body as given, chunked unless `length` is set. */
function send(path: string, body: Buffer | string, headers: Record<string, string> = {}, length = true) {
  return new Promise<Answer>((resolve, reject) => {
    const bytes = typeof body === 'string' ? Buffer.from(body) : body;
    const req = request(`${app.url}${path}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-api-key': KEYS.reader,
        ...(length ? { 'content-length': String(bytes.length) } : {}),
        ...headers,
      },
    });
    req.on('response', (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => {
        const parsed = (() => {
          try {
            return JSON.parse(text) as { errors?: { extensions?: { code?: string } }[] };
          } catch {
            return undefined;
          }
        })();
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          text,
          code: parsed?.errors?.[0]?.extensions?.code,
        });
      });
    });
    req.on('error', reject);
    if (length) req.end(bytes);
    else {
      for (let at = 0; at < bytes.length; at += 64 * 1024) req.write(bytes.subarray(at, at + 64 * 1024));
      req.end();
    }
  });
}

const query = (q: string) => JSON.stringify({ query: q });

const CASES: [string, Buffer | string, Record<string, string>][] = [
  ['a query', query('{ entity(id: "kt") { id } }'), {}],
  [
    'a query, charset=UTF-8',
    query('{ entity(id: "kt") { id } }'),
    { 'content-type': 'application/json; charset=UTF-8' },
  ],
  [
    'a bad variable',
    JSON.stringify({ query: 'query($f: Int!) { entities(first: $f) { totalCount } }', variables: { f: 'x' } }),
    {},
  ],
  ['a syntax error', query('{ entity(id: '), {}],
  ['broken JSON', '{"query": "{ entity(id: ', {}],
  ['JSON that is a number', '123', {}],
  ['an empty body', '', {}],
  ['a batch', JSON.stringify([{ query: '{ __typename }' }, { query: '{ __typename }' }]), {}],
  ['a mutation for a reader', query('mutation { deleteEntity(id: "kt") { id } }'), {}],
  ['a gzip body', gzipSync(query('{ entity(id: "kt") { id } }')), { 'content-encoding': 'gzip' }],
  ['a latin1 body', query('{ entity(id: "kt") { id } }'), { 'content-type': 'application/json; charset=latin1' }],
];

test.each(CASES)('%s: the fast route and the Express route answer alike', async (_name, body, headers) => {
  const fast = await send('/graphql', body, headers);
  const express = await send('/graphql/', body, headers);
  expect({ status: fast.status, code: fast.code }).toEqual({ status: express.status, code: express.code });
  expect(fast.headers['content-type']).toBe(express.headers['content-type']);
  expect(fast.headers['x-request-id']).toEqual(expect.any(String));
  if (fast.status === 200) expect(JSON.parse(fast.text)).toEqual(JSON.parse(express.text));
  else expect(fast.status).toBeLessThan(500);
});

test('the answer to a plain query: data, its length and the caller’s request id', async () => {
  const answer = await send('/graphql', query('{ entity(id: "kt") { id nameKo } }'), { 'x-request-id': 'trace-42' });
  expect(answer.status).toBe(200);
  expect(JSON.parse(answer.text)).toEqual({ data: { entity: { id: 'kt', nameKo: expect.any(String) } } });
  expect(Number(answer.headers['content-length'])).toBe(Buffer.byteLength(answer.text));
  expect(answer.headers['x-request-id']).toBe('trace-42');
});

test('a large answer comes whole, with its length in bytes', async () => {
  const body = query('{ __schema { types { name description fields { name description type { name } } } } }');
  const fast = await send('/graphql', body);
  expect(fast.status).toBe(200);
  expect(fast.text.length).toBeGreaterThan(16 * 1024);
  expect(Number(fast.headers['content-length'])).toBe(Buffer.byteLength(fast.text));
  expect(JSON.parse(fast.text)).toEqual(JSON.parse((await send('/graphql/', body)).text));
});

test('a body over 1 MB without a length is refused with 413 and the server answers the next request', async () => {
  const big = query(`{ search(query: "${'x'.repeat(1_100_000)}") { score } }`);
  const refused = await send('/graphql', big, {}, false);
  expect(refused.status).toBe(413);
  expect(refused.code).toBe('BAD_REQUEST');
  expect(refused.headers.connection).toBe('close');
  const next = await send('/graphql', query('{ __typename }'));
  expect(next.status).toBe(200);
});

test('without credentials the fast route refuses as the Express route does', async () => {
  const body = query('{ entity(id: "kt") { id } }');
  const fast = await send('/graphql', body, { 'x-api-key': 'wrong' });
  const express = await send('/graphql/', body, { 'x-api-key': 'wrong' });
  expect(fast.status).toBe(401);
  expect({ status: fast.status, code: fast.code }).toEqual({ status: express.status, code: express.code });
});
