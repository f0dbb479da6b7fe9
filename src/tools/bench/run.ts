import 'reflect-metadata';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig, REPO_ROOT } from '../../config';
import { openDatabase } from '../../db/bootstrap';
import { createLogger } from '../../logger';
import { runCountScenario } from './counts.scenario';
import { writeP2Graph, writeReadGraph, READ_NAMESPACE } from './data';
import { OURS_NAMESPACE, runIngestScenario } from './ingest.scenario';
import { loadNow, writeReport, type RunFacts } from './report';
import { p1, p2, p3, p4, p7, type HttpOptions } from './scenarios.http';
import { RUNS_PAGE, writeRunsPage } from './runs.history';
import { OUR_BENCH_ENV, startBenchServers } from './bench-servers';
import { canPin, pinProcess, type RunningServer } from './servers';
import { openCpuGroups } from './cpu-groups';
import { settle as settleProcesses } from './proc';
import type { BenchDb, ScenarioResult } from './types';

const USAGE = `Usage: npm run bench -- [--large N | --read-only] [--seconds S] [--out DIR]
  Runs P1-P7 on one throwaway Neo4j, each scenario beside its peers, and writes DIR/bench.md and
  DIR/bench.json (default docs/, where docs/bench-runs.md then reads it beside every run the
  history keeps: npm run bench:runs). --large sizes P4-P6's big graph (default 1000000; 100000 for a
  quick run); --read-only runs P1-P4 at 1e5 and P7 only; --seconds is each load measurement's
  length (default 10; P1's latency window is three times that, in blocks of the usual length).`;

/**
 * Neo4j's JVM options for the run, given its heap (BENCH_NEO4J_JVM_ARGS replaces them; empty = the
 * JVM's defaults, G1). Every peer reads the same Neo4j, so its collector's pauses land in whichever
 * peer's latency window is open, and P1 compares windows of different peers: the fewer and shorter
 * the pauses, the less of a p99 they decide. Under P1's load G1's default tenuring copied the
 * warm-up's long-lived objects again in every young collection (17-74 ms pauses), so what survives
 * one collection is promoted; and G1's own heap sizing then kept eden small enough to fill every
 * 5 s (nine pauses per window), so the heap is fixed (-Xms equal to -Xmx, as Neo4j advises for
 * production) and eden stays large: at most one pause per P1 window since, though on a slow
 * machine P1's p99 still misses, decided by the servers' own stalls. The runs and the settings
 * tried (a fixed heap alone, ZGC) are in docs/bench-history.md.
 */
function benchNeo4jJvm(heap: string): string {
  return `-Xms${heap} -XX:MaxTenuringThreshold=1`;
}

/** The read scenarios' graph size (P1-P4), fixed by the scenarios themselves. */
const READ_ENTITIES = 100_000;
/** Entities the raw UNWIND peer of P5 writes (a prefix of the same graph). */
const RAW_PREFIX = 200_000;

function options() {
  const { values } = parseArgs({
    options: {
      large: { type: 'string', default: '1000000' },
      seconds: { type: 'string', default: '10' },
      out: { type: 'string', default: path.join(REPO_ROOT, 'docs') },
      'read-only': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  const large = Number(values.large);
  const seconds = Number(values.seconds);
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  }
  if (!Number.isInteger(large) || large < 1000 || large > 2_000_000)
    throw new Error(`--large: 1000 to 2000000\n${USAGE}`);
  if (!Number.isFinite(seconds) || seconds < 1) throw new Error(`--seconds: at least 1\n${USAGE}`);
  return { large, seconds, out: values.out, readOnly: values['read-only'] };
}

function ensurePeersInstalled(log: (line: string) => void): void {
  const dir = path.join(REPO_ROOT, 'tools', 'bench', 'peer');
  if (existsSync(path.join(dir, 'node_modules', '@neo4j', 'graphql'))) return;
  log('installing the peers (npm ci in tools/bench/peer) ...');
  const res = spawnSync('npm', ['ci', '--prefix', dir, '--no-audit', '--no-fund'], { stdio: 'inherit' });
  if (res.status !== 0) throw new Error('npm ci in tools/bench/peer failed');
}

async function main(): Promise<void> {
  const opts = options();
  const started = Date.now();
  const log = (line: string) => process.stderr.write(`[${((Date.now() - started) / 1000).toFixed(0)} s] ${line}\n`);
  const loadBefore = loadNow();
  ensurePeersInstalled(log);
  const dataDir = mkdtempSync(path.join(tmpdir(), 'kg-bench-'));
  // Beside the store, not in it: read for the pauses in each latency window, removed with it.
  const dbGcLog = `${dataDir}.gc.log`;
  const heap = process.env.BENCH_NEO4J_HEAP ?? '4g';
  const pageCache = process.env.BENCH_NEO4J_PAGECACHE ?? '4g';
  const jvm = process.env.BENCH_NEO4J_JVM_ARGS ?? benchNeo4jJvm(heap);
  const config = loadConfig({
    ...process.env,
    NEO4J_URI: undefined,
    NEO4J_DATA_DIR: dataDir,
    NEO4J_BOLT_PORT: '0',
    NEO4J_HEAP: heap,
    NEO4J_PAGECACHE: pageCache,
    NEO4J_JVM_ARGS: jvm,
    NEO4J_GC_LOG: dbGcLog,
    NEO4J_TX_TIMEOUT_MS: '600000',
    LOG_LEVEL: 'warn',
  });
  const neo4jSettings = `heap ${heap}, page cache ${pageCache}, JVM ${config.NEO4J_JVM_ARGS.join(' ') || 'defaults'}`;
  log(`starting Neo4j (${neo4jSettings}) in ${dataDir}`);
  const db = await openDatabase(config, createLogger('warn'));
  const local = db.local;
  if (!local) throw new Error('the benchmark needs its own Neo4j');
  // Pinned once the read graph is written (below): like P5's writes, that writing has every core
  // (lab, the 1e5 read graph into a fresh Neo4j, two runs each way: 43.9-46.2 s, 76.9-86.0 on one).
  const dbCores = cpus().length > 1 ? `0-${cpus().length - 2}` : '0';
  // Opened before the try below, whose finally releases them: from here on, a failed run leaves
  // neither Neo4j running nor a group behind.
  const groups = openCpuGroups();
  const bench: BenchDb = {
    uri: local.uri,
    user: config.NEO4J_USERNAME,
    password: config.NEO4J_PASSWORD,
    database: config.NEO4J_DATABASE,
  };
  const results: ScenarioResult[] = [];
  const parts: RunFacts['parts'] = [];
  const timePart = async <T>(part: string, work: () => Promise<T>): Promise<T> => {
    const partStarted = Date.now();
    try {
      return await work();
    } finally {
      parts.push({ part, seconds: Math.round((Date.now() - partStarted) / 1000) });
    }
  };
  let neo4jVersion: string;
  try {
    groups?.place('database', local.pid);
    const [version] = await db.executor.read(
      'CALL dbms.components() YIELD versions RETURN versions[0] AS v',
      {},
      'bench',
    );
    neo4jVersion = String(version?.v ?? 'unknown');
    log(`writing the read graph (${READ_ENTITIES} entities) and P2's organizations`);
    const servers = await timePart('read graph and servers', async () => {
      const secs = await writeReadGraph(db.executor, READ_ENTITIES, log);
      await writeP2Graph(db.executor);
      log(`  read graph written in ${secs.toFixed(0)} s`);
      pinProcess(local.pid, dbCores);
      return startBenchServers(bench, log);
    });
    const settle = async (server: RunningServer) => {
      const { waited, quiet } = await settleProcesses([local.pid, server.pid]);
      if (!quiet) log(`  Neo4j and ${server.name} still busy after ${waited.toFixed(0)} s; measuring anyway`);
      else if (waited > 2) log(`  waited ${waited.toFixed(0)} s for Neo4j and ${server.name} to go idle`);
    };
    const http: HttpOptions = { seconds: opts.seconds, log, rss: new Map(), settle, dbGcLog };
    // The load generator (autocannon and our own generators, in this process) shares Neo4j's
    // core(s) while servers are measured: left unpinned, the scheduler also ran it on the server's
    // core, taking a varying share of the resource being measured (in the lab, at P1's c=8, our
    // server's throughput moved 1,900-2,900 req/s from one run to the next; pinned, 3,000-3,100).
    // Ingest is not an HTTP scenario: it runs with every core open, as before.
    const allCores = `0-${cpus().length - 1}`;
    pinProcess(process.pid, dbCores);
    // After the servers started, so that they stay out of the generator's group (cpu-groups.ts).
    groups?.place('load', process.pid);
    try {
      results.push(await timePart('P1', () => p1(servers, READ_ENTITIES, http)));
      results.push(await timePart('P2', () => p2(servers, http)));
      results.push(p7(http.rss));
      results.push(await timePart('P3', () => p3(servers, 10_000, 30, http)));
      results.push(await timePart('P4 1e5', () => p4(servers, READ_NAMESPACE, READ_ENTITIES, 200, http)));
      await servers.stopPeers();
      pinProcess(process.pid, allCores);
      if (!opts.readOnly) {
        // Raw UNWIND writes the first RAW_PREFIX entities of the same graph and is compared with
        // ours' time for that prefix: writing 1e6 entities twice would not fit the 30-minute run.
        // No server is measured while the peers write, so Neo4j gets every core, as it would in
        // a bulk load (lab, 60,000 entities with 300,000 facts, warm: 30.5-36.0 s on both cores,
        // 39.6-40.8 s on one), and both peers write under the same placement.
        pinProcess(local.pid, allCores);
        const ingest = await timePart('P5', () =>
          runIngestScenario(bench, db.executor, {
            entities: opts.large,
            relationshipsPerEntity: 5,
            rawEntities: Math.min(opts.large, RAW_PREFIX),
            log,
          }),
        );
        results.push(ingest);
        pinProcess(local.pid, dbCores);
        pinProcess(process.pid, dbCores);
        const large = `P4 ${opts.large.toExponential().replace('+', '')}`;
        results.push(await timePart(large, () => p4(servers, OURS_NAMESPACE, opts.large, 200, http)));
        pinProcess(process.pid, allCores);
        results.push(
          await timePart('P6', () => runCountScenario(bench, db.executor, { namespace: OURS_NAMESPACE, log })),
        );
      }
    } finally {
      await servers.stopAll();
    }
  } finally {
    await db.close();
    groups?.release();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(dbGcLog, { force: true });
  }
  const file = writeReport(opts.out, results, {
    command: `npm run bench -- ${opts.readOnly ? '--read-only' : `--large ${opts.large}`} --seconds ${opts.seconds}`,
    startedAt: new Date(started).toISOString(),
    minutes: Math.round((Date.now() - started) / 6000) / 10,
    parts,
    neo4jVersion,
    neo4jSettings,
    pinned: canPin()
      ? `Neo4j on core(s) ${dbCores} (every core while the read graph and P5's graph are written), each server under test on core ${cpus().length - 1}, load generator (this process) on Neo4j's core(s) during the HTTP scenarios; every peer warmed in turn before any is measured, then measured in blocks, the peers taking turns, each block once Neo4j and its server are idle (P4: input by input, each input to both peers in turn)`
      : 'no pinning (taskset missing or one core)',
    cpuGroups: groups?.description ?? 'no CPU groups (no writable cgroup v1 cpu controller)',
    settings: OUR_BENCH_ENV,
    loadBefore,
    loadAfter: loadNow(),
  });
  log(`wrote ${file}`);
  if (path.resolve(opts.out) === path.dirname(RUNS_PAGE)) writeAcrossRuns(log);
}

/** docs/bench-runs.md reads this run beside every kept one; a checkout without git history has none. */
function writeAcrossRuns(log: (line: string) => void): void {
  try {
    const reports = writeRunsPage();
    log(`wrote ${RUNS_PAGE} (${reports.length} runs)`);
  } catch (err) {
    log(`${RUNS_PAGE} not written: ${err instanceof Error ? err.message : String(err)}`);
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
