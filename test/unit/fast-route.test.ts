import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import type { ErrorRequestHandler, Express, RequestHandler } from 'express';
import { graphqlFastRoute } from '../../src/server/fast-route';
import { plainJsonBody } from '../../src/server/json-body';

/**
 * Which requests the fast route answers and which it leaves to Express, and how its loop runs
 * the handlers (next, next(err), a rejected promise), on a real node:http server.
 */
let server: Server;
let url: string;
const seen: string[] = [];

const express = ((_req: IncomingMessage, res: ServerResponse) => res.end('express')) as unknown as Express;
const record: RequestHandler = (req, _res, next) => {
  seen.push(req.headers['x-step'] as string);
  next();
};
const fail: RequestHandler = async (req, _res, next) => {
  if (req.headers['x-fail'] === 'next') return next(Object.assign(new Error('no'), { status: 418 }));
  if (req.headers['x-fail'] === 'reject') throw new Error('rejected');
  next();
};
const thrower: RequestHandler = (req, _res, next) => {
  if (req.headers['x-fail'] === 'throw') throw new Error('thrown');
  next();
};
const answer: RequestHandler = (req, res) => res.end(`fast ${JSON.stringify(req.body)}`);
let errors = 0;
const onError: ErrorRequestHandler = (err: { status?: number }, _req, res) => {
  errors += 1;
  res.statusCode = err.status ?? 500;
  res.end('error');
};

beforeAll(async () => {
  server = createServer(
    graphqlFastRoute(express, '/graphql', [record, fail, thrower, plainJsonBody(100), answer], onError),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function send(
  path: string,
  init: { method?: string; type?: string; body?: string; headers?: Record<string, string> },
) {
  const res = await fetch(`${url}${path}`, {
    method: init.method ?? 'POST',
    headers: { ...(init.type ? { 'content-type': init.type } : {}), ...init.headers },
    body: init.body,
  });
  return { status: res.status, text: await res.text() };
}

test.each([
  ['POST /graphql, application/json', '/graphql', {}, 'fast {"a":1}'],
  ['a query string', '/graphql?x=1', {}, 'fast {"a":1}'],
  ['charset utf-8', '/graphql', { type: 'application/json; charset="UTF-8"' }, 'fast {"a":1}'],
  ['GET', '/graphql?query=x', { method: 'GET', body: undefined }, 'express'],
  ['a trailing slash', '/graphql/', {}, 'express'],
  ['a longer path', '/graphqlx', {}, 'express'],
  ['text/plain', '/graphql', { type: 'text/plain' }, 'express'],
  ['another charset', '/graphql', { type: 'application/json; charset=latin1' }, 'express'],
  ['a compressed body', '/graphql', { headers: { 'content-encoding': 'gzip' } }, 'express'],
])('%s (%s): answered by the expected route', async (_name, path, init, expected) => {
  const answer = await send(path, { type: 'application/json', body: '{"a":1}', ...init });
  expect(answer.text).toBe(expected);
});

test('a handler runs once per request', async () => {
  seen.length = 0;
  await send('/graphql', { type: 'application/json', body: '[]', headers: { 'x-step': 'one' } });
  expect(seen).toEqual(['one']);
});

test.each([
  ['next(err)', 'next', 418],
  ['a rejected promise', 'reject', 500],
  ['a throw', 'throw', 500],
])('%s ends the chain in the error handler', async (_name, how, status) => {
  const answer = await send('/graphql', { type: 'application/json', body: '{}', headers: { 'x-fail': how } });
  expect(answer).toEqual({ status, text: 'error' });
});

test.each([
  ['over the limit', `{"a":"${'x'.repeat(200)}"}`, 413],
  ['broken JSON', '{"a":', 400],
  ['a number', '42', 400],
])('a body %s is an error with its status', async (_name, body, status) => {
  expect(await send('/graphql', { type: 'application/json', body })).toEqual({ status, text: 'error' });
});

test('a leading byte-order mark is dropped, as the json parser drops it', async () => {
  expect((await send('/graphql', { type: 'application/json', body: '\uFEFF{"a":1}' })).text).toBe('fast {"a":1}');
});

test('an empty body is an empty object', async () => {
  expect((await send('/graphql', { type: 'application/json', body: '' })).text).toBe('fast {}');
});

test('a client that hangs up mid-body ends the chain with an error and the server goes on', async () => {
  const { port } = server.address() as AddressInfo;
  const errorsBefore = errors;
  await new Promise<void>((resolve) => {
    const socket = connect(port, '127.0.0.1', () => {
      socket.write(
        'POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"a":',
      );
      setTimeout(() => socket.destroy(), 50);
    });
    socket.on('close', () => resolve());
  });
  await new Promise((resolve) => setTimeout(resolve, 50));
  expect(errors).toBe(errorsBefore + 1);
  expect((await send('/graphql', { type: 'application/json', body: '{}' })).text).toBe('fast {}');
});
