import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import neo4j, { type Driver } from 'neo4j-driver';
import { ensureLauncherBuilt, startLocalNeo4j, type LocalNeo4j } from '../../src/db/local-neo4j';
import { databasePauses } from '../../src/tools/bench/window';

// A cold Maven build downloads ~130 MB; a warm JVM start takes ~10 s on 2 cores.
const BUILD_TIMEOUT_MS = 600_000;
const START_TIMEOUT_MS = 120_000;

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('local Neo4j (embedded 5.26 + Bolt + APOC)', () => {
  let dataDir: string;
  let server: LocalNeo4j;
  let driver: Driver;
  let gcLog: string;
  let started: number;

  beforeAll(async () => {
    await ensureLauncherBuilt();
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'local-neo4j-test-'));
    // A space and a colon: the path must reach the JVM's -Xlog whole.
    gcLog = path.join(os.tmpdir(), `local-neo4j gc:${process.pid}.log`);
    started = Date.now();
    server = await startLocalNeo4j({
      dataDir,
      boltPort: 0,
      heap: '512m',
      pageCache: '64m',
      gcLog,
      jvmArgs: ['-XX:MaxTenuringThreshold=1', '-Dkg.launcher.test=yes'],
    });
    driver = neo4j.driver(server.uri); // no auth: a loopback-only dev/test server
  }, BUILD_TIMEOUT_MS + START_TIMEOUT_MS);

  afterAll(async () => {
    await driver?.close();
    await server?.stop();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    if (gcLog) fs.rmSync(gcLog, { force: true });
  }, 60_000);

  it('reports a loopback Bolt URI on the chosen free port', () => {
    expect(server.boltPort).toBeGreaterThan(0);
    expect(server.uri).toBe(`bolt://127.0.0.1:${server.boltPort}`);
  });

  it('writes its GC pauses with wall-clock times to the log it was given', async () => {
    const from = Date.now();
    // Tens of MB of young objects: the JVM must collect during the query.
    await driver.executeQuery('UNWIND range(1, 3000000) AS i WITH collect(toString(i)) AS l RETURN size(l) AS n');
    const pauses = databasePauses(gcLog, from, Date.now());
    expect(pauses?.pauses).toBeGreaterThan(0);
    expect(pauses?.longestMs).toBeGreaterThan(0);
    expect(databasePauses(gcLog, 0, started - 1)).toEqual({ pauses: 0, pauseMs: 0, longestMs: 0 });
  });

  it('starts its JVM with the extra options it was given', async () => {
    const { records } = await driver.executeQuery(
      "CALL dbms.queryJmx('java.lang:type=Runtime') YIELD attributes RETURN attributes.InputArguments.value AS args",
    );
    const args: unknown = records[0]?.get('args');
    expect(args).toEqual(expect.arrayContaining(['-XX:MaxTenuringThreshold=1', '-Dkg.launcher.test=yes']));
  });

  it(
    "fails to start with the JVM's own words when an option is out of range",
    async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'local-neo4j-bad-jvm-'));
      try {
        await expect(
          startLocalNeo4j({ dataDir: dir, boltPort: 0, jvmArgs: ['-XX:MaxTenuringThreshold=99'] }),
        ).rejects.toThrow(/MaxTenuringThreshold=99 is outside the allowed range/);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
    START_TIMEOUT_MS,
  );

  it('answers Cypher over Bolt', async () => {
    const { records } = await driver.executeQuery('RETURN 1 AS one');
    expect(records[0]?.get('one').toNumber()).toBe(1);
  });

  it('has APOC procedures and functions registered', async () => {
    const procs = await driver.executeQuery(
      "SHOW PROCEDURES YIELD name WHERE name STARTS WITH 'apoc.' RETURN count(*) AS n",
    );
    expect(procs.records[0]?.get('n').toNumber()).toBeGreaterThan(100);
    const fn = await driver.executeQuery("RETURN apoc.text.join(['a', 'b'], '-') AS s");
    expect(fn.records[0]?.get('s')).toBe('a-b');
  });

  it('runs apoc.path.subgraphAll', async () => {
    await driver.executeQuery('CREATE (:T {id: 1})-[:R]->(:T {id: 2})-[:R]->(:T {id: 3}), (:T {id: 4})');
    const { records } = await driver.executeQuery(
      `MATCH (start:T {id: 1})
       CALL apoc.path.subgraphAll(start, {relationshipFilter: 'R', maxLevel: 5})
       YIELD nodes, relationships
       RETURN size(nodes) AS n, size(relationships) AS r`,
    );
    expect(records[0]?.get('n').toNumber()).toBe(3);
    expect(records[0]?.get('r').toNumber()).toBe(2);
  });

  it(
    'refuses a second instance on the same data dir, saying it is locked',
    async () => {
      await expect(startLocalNeo4j({ dataDir, boltPort: 0 })).rejects.toThrow(/locked by another running Neo4j/);
    },
    START_TIMEOUT_MS,
  );

  it('stops cleanly, idempotently, and leaves no process behind', async () => {
    await driver.close();
    await Promise.all([server.stop(), server.stop()]);
    await server.stop();
    expect(await server.exited).toBe(143); // 128 + SIGTERM: the JVM ran its shutdown hook
    expect(isAlive(server.pid)).toBe(false);
  }, 60_000);
});
