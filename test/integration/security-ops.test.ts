import { loadConfig } from '../../src/config';
import { openDatabase } from '../../src/db/bootstrap';
import { createLogger } from '../../src/logger';
import { INTERNAL_TEXT, KEYS, post, startSecuredApp, stopApp } from '../support/security';

/** Production masking, introspection per environment, rate limiting and the probes. */

const INTROSPECT = '{ __schema { queryType { name } } }';

test('production: no introspection, no "Did you mean", no stack', async () => {
  const prod = await startSecuredApp({ NODE_ENV: 'production' });
  try {
    const intro = await post(prod, { query: INTROSPECT });
    expect(intro.body.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const typo = await post(prod, { query: '{ entty(id: "kt") { id } }' });
    expect(typo.body.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(typo.text).not.toMatch(/Did you mean|"entity"/);
    const badEnum = await post(prod, { query: '{ search(query: "x", kinds: [Organisation]) { score } }' });
    expect(badEnum.text).not.toMatch(/Did you mean|Organization/);
    for (const res of [intro, typo, badEnum]) expect(res.text).not.toMatch(INTERNAL_TEXT);
  } finally {
    await stopApp(prod);
  }
});

test('introspection is set per environment and configurable', async () => {
  const dev = await startSecuredApp({ NODE_ENV: 'development' });
  const prodOn = await startSecuredApp({ NODE_ENV: 'production', GRAPHQL_INTROSPECTION: 'true' });
  try {
    expect((await post(dev, { query: INTROSPECT })).body.data.__schema.queryType.name).toBe('Query');
    expect((await post(prodOn, { query: INTROSPECT })).body.data.__schema.queryType.name).toBe('Query');
  } finally {
    await stopApp(dev);
    await stopApp(prodOn);
  }
});

test('rate limiting: 429 RATE_LIMITED with Retry-After, per IP and per API key', async () => {
  const limited = await startSecuredApp({ RATE_LIMIT_REQUESTS: '3', RATE_LIMIT_WINDOW_MS: '60000' });
  try {
    const q = { query: '{ entity(id: "kt") { id } }' };
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await post(limited, q)).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const over = await post(limited, q);
    expect(over.status).toBe(429);
    expect(over.body.errors[0].extensions.code).toBe('RATE_LIMITED');
    expect(Number(over.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(over.text).not.toMatch(/\b3\b|60000/);
    // An API key has its own allowance, separate from the address it calls from.
    expect((await post(limited, q, { 'x-api-key': KEYS.reader })).status).toBe(200);
    // Guessing keys counts against the address: it is limited too, not answered 401 forever.
    expect((await post(limited, q, { 'x-api-key': 'guess' })).status).toBe(429);
  } finally {
    await stopApp(limited);
  }
});

test('/livez and /readyz; readyz turns 503 while draining and while the circuit breaker refuses', async () => {
  const app = await startSecuredApp();
  try {
    expect((await fetch(`${app.url}/livez`)).status).toBe(200);
    const ready = await fetch(`${app.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ready' });
    app.readiness.draining = true;
    const draining = await fetch(`${app.url}/readyz`);
    expect(draining.status).toBe(503);
    expect(await draining.json()).toMatchObject({ checks: { notDraining: false } });
    expect((await fetch(`${app.url}/livez`)).status).toBe(200);
    app.readiness.draining = false;
    // The database answers, but the breaker refuses requests until its own probe is answered: not ready.
    app.executor.breaker.failed();
    const refusing = await fetch(`${app.url}/readyz`);
    expect(refusing.status).toBe(503);
    expect(await refusing.json()).toMatchObject({ checks: { database: true, circuitClosed: false } });
    const t0 = Date.now();
    while ((await fetch(`${app.url}/readyz`)).status !== 200) {
      expect(Date.now() - t0).toBeLessThan(10_000);
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(app.executor.breaker.state).toBe('closed');
  } finally {
    await stopApp(app);
  }
});

test('an unreachable NEO4J_URI: start-up goes on, readyz 503 at once, queries SERVICE_UNAVAILABLE', async () => {
  const config = loadConfig({ ...process.env, NEO4J_URI: 'bolt://127.0.0.1:1', LOG_LEVEL: 'silent' });
  const started = Date.now();
  const db = await openDatabase(config, createLogger('silent'), false, true);
  expect(Date.now() - started).toBeLessThan(5_000);
  expect(db.isReady()).toBe(false);
  await db.close();

  const down = await startSecuredApp({}, 'bolt://127.0.0.1:1');
  try {
    const t0 = Date.now();
    const ready = await fetch(`${down.url}/readyz`);
    expect(ready.status).toBe(503);
    expect(Date.now() - t0).toBeLessThan(5_000);
    const res = await post(down, { query: '{ entity(id: "kt") { id } }' });
    expect(res.body.errors[0].extensions.code).toBe('SERVICE_UNAVAILABLE');
    expect(res.text).not.toMatch(INTERNAL_TEXT);
    expect((await fetch(`${down.url}/livez`)).status).toBe(200);
  } finally {
    await stopApp(down);
  }
});

test('an external database that is reachable is migrated in the background and becomes ready', async () => {
  const config = loadConfig({ ...process.env, LOG_LEVEL: 'silent' });
  const db = await openDatabase(config, createLogger('silent'), false, true);
  try {
    await db.ready;
    expect(db.isReady()).toBe(true);
  } finally {
    await db.close();
  }
});
