import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { setFlagsFromString } from 'node:v8';
import express from 'express';
import { expressPrototypes } from '../../src/server/express-prototypes';

/** Whether V8 keeps the object's properties in a fixed layout rather than a hash table. */
type Layout = { request: boolean; response: boolean };
setFlagsFromString('--allow-natives-syntax');
// V8's own check, reachable only through its native syntax (allowed from here on).
const hasFastProperties = new Function('o', 'return %HasFastProperties(o)') as (o: object) => boolean;

/** A server made as src/app.ts makes it: the classes first, the app adopted before listening. */
async function serve(adopt = true): Promise<{
  url: string;
  born: boolean[];
  layouts: Layout[];
  close: () => Promise<void>;
}> {
  const prototypes = expressPrototypes();
  const server = http.createServer(prototypes.serverOptions);
  const app = express();
  app.post('/echo', express.json(), (req, res) => {
    res.status(201).json({ got: req.body as unknown, type: req.get('content-type'), secure: req.secure });
  });
  if (adopt) prototypes.adopt(app);
  const born: boolean[] = [];
  const layouts: Layout[] = [];
  // Registered before the app: sees each request as node:http made it, before Express touches it.
  server.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
    born.push(Object.getPrototypeOf(req) === app.request && Object.getPrototypeOf(res) === app.response);
    layouts.push({ request: hasFastProperties(req), response: hasFastProperties(res) });
  });
  server.on('request', app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    born,
    layouts,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** POST a JSON body to the echo route. */
const postEcho = (url: string, body: unknown) =>
  fetch(`${url}/echo`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

test('requests and responses are born with the app prototypes, and Express works on them', async () => {
  const s = await serve();
  try {
    const res = await postEcho(s.url, { name: '카이스트' });
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({ got: { name: '카이스트' }, type: 'application/json', secure: false });
    const missing = await fetch(`${s.url}/nowhere`);
    expect(missing.status).toBe(404);
    expect(s.born).toEqual([true, true]);
  } finally {
    await s.close();
  }
});

test('requests and responses keep a fixed property layout, as node:http builds its own', async () => {
  const s = await serve();
  try {
    for (let i = 0; i < 3; i++) expect((await postEcho(s.url, { i })).status).toBe(201);
    expect(s.layouts).toEqual(Array.from({ length: 3 }, () => ({ request: true, response: true })));
  } finally {
    await s.close();
  }
});

test('before the app is adopted, requests still work and Express re-parents them as usual', async () => {
  const s = await serve(false);
  try {
    const res = await postEcho(s.url, { name: 'KAIST' });
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({ got: { name: 'KAIST' }, type: 'application/json', secure: false });
    expect(s.born).toEqual([false]);
  } finally {
    await s.close();
  }
});
