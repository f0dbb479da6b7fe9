import net from 'node:net';
import { startApp, type App } from '../../src/app';
import { loadConfig } from '../../src/config';
import { openDatabase, type Database } from '../../src/db/bootstrap';
import type { LocalNeo4j } from '../../src/db/local-neo4j';
import { createLogger } from '../../src/logger';
import { startOwnNeo4j } from '../support/own-neo4j';
import { removeTempDir } from '../support/temp-dir';
import { post } from '../support/security';

/**
 * The server starts while its NEO4J_URI is down (as index.ts opens it): coded errors and /readyz 503
 * meanwhile; when Neo4j comes up, migrations run by themselves and the server turns ready.
 */
const READY_WITHIN_MS = 60_000;
const POLL_MS = 200;

let neo4j: LocalNeo4j | undefined;
let dataDir: string | undefined;
let db: Database;
let app: App;
afterAll(async () => {
  await app?.stop();
  await db?.close();
  await neo4j?.stop();
  await removeTempDir(dataDir);
}, 60_000);

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.once('error', reject);
  });
}

test('start with the database down, then recover and migrate when it comes up', async () => {
  const port = await freePort();
  const config = loadConfig({ NEO4J_URI: `bolt://127.0.0.1:${port}`, PORT: '0', LOG_LEVEL: 'silent' });
  const logger = createLogger('silent');
  db = await openDatabase(config, logger, false, true);
  app = await startApp(config, db.executor, logger, { databaseReady: db.isReady });

  expect((await fetch(`${app.url}/livez`)).status).toBe(200);
  expect((await fetch(`${app.url}/readyz`)).status).toBe(503);
  const down = await post(app, { query: '{ entity(id: "kt") { id } }' });
  expect(down.body.errors[0].extensions.code).toBe('SERVICE_UNAVAILABLE');

  ({ neo4j, dataDir } = await startOwnNeo4j(undefined, port, false)); // empty: the server must migrate it
  const t0 = Date.now();
  while ((await fetch(`${app.url}/readyz`)).status !== 200) {
    expect(Date.now() - t0).toBeLessThan(READY_WITHIN_MS);
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
  const readyAfterMs = Date.now() - t0;
  expect(db.isReady()).toBe(true);
  const migrations = await db.executor.read('MATCH (m:Migration) RETURN count(m) AS n');
  expect(Number(migrations[0]?.n)).toBeGreaterThan(0);
  const up = await post(app, { query: '{ entity(id: "kt") { id } }' });
  expect(up.body.errors).toBeUndefined();
  expect(up.body.data.entity).toBeNull(); // answered by the database (empty, never seeded)
  process.stderr.write(`start-while-down: ${JSON.stringify({ readyAfterNeo4jUpMs: readyAfterMs })}\n`);
}, 600_000);
