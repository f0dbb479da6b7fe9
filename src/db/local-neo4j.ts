import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../config';

/**
 * A real Neo4j 5.26 Community (embedded, Bolt, APOC) for development and tests, run by the Java
 * launcher in tools/neo4j: built once with Maven, then started as plain `java -cp ...`.
 */

const LAUNCHER_DIR = path.join(REPO_ROOT, 'tools', 'neo4j');
const TARGET = path.join(LAUNCHER_DIR, 'target');
const CLASSPATH_FILE = path.join(TARGET, 'classpath.txt');
const MAIN_CLASS = 'kg.hyperscale.neo4j.Launcher';
const MAIN_CLASS_FILE = path.join(TARGET, 'classes', ...MAIN_CLASS.split('.'));
// Another process may be building. A cold build (~130 MB of jars) takes a minute or two, so a
// lock this old belongs to a build that died.
const BUILD_LOCK_STALE_MS = 15 * 60_000;
// A warm start takes ~10 s on 2 idle cores and 20 s+ on a busy one; leave room for CI.
const DEFAULT_START_TIMEOUT_MS = 120_000;
// On SIGTERM Neo4j checkpoints and closes its stores: about a second; 30 s means it hangs.
const STOP_GRACE_MS = 30_000;
const EXIT_STORE_LOCKED = 3; // the launcher's exit code for a data dir another Neo4j holds
const TAIL_LINES = 40;
const noLog = (): void => {};

export interface LocalNeo4jOptions {
  dataDir: string;
  boltPort?: number /* 0 = pick a free port */;
  heap?: string;
  pageCache?: string;
  /** Write the JVM's GC log (pauses, with epoch-millisecond times) to this file; unset = none. */
  gcLog?: string;
  /** More JVM options (config's NEO4J_JVM_ARGS: -X and -D only), after the launcher's own, so they win. */
  jvmArgs?: readonly string[];
  /** Server-side db.transaction.timeout; unset = none. */
  txTimeoutMs?: number;
  startTimeoutMs?: number;
  log?: (line: string) => void;
}

export interface LocalNeo4j {
  uri: string;
  boltPort: number;
  pid: number;
  /** Settles when the JVM exits: its exit code (143 after stop()), null if killed by a signal. */
  exited: Promise<number | null>;
  stop(): Promise<void>;
}

function launcherIsFresh(): boolean {
  const outputs = [CLASSPATH_FILE, `${MAIN_CLASS_FILE}.class`];
  if (!outputs.every((f) => fs.existsSync(f))) return false;
  // Jars deleted from ~/.m2 since the last build: rebuilding downloads them again.
  const jars = fs.readFileSync(CLASSPATH_FILE, 'utf8').trim();
  if (!jars.split(path.delimiter).every((jar) => fs.existsSync(jar))) {
    return false;
  }
  const src = path.join(LAUNCHER_DIR, 'src');
  const inputs = fs
    .readdirSync(src, { recursive: true, encoding: 'utf8' })
    .map((f) => path.join(src, f))
    .concat(path.join(LAUNCHER_DIR, 'pom.xml'));
  const mtime = (f: string): number => fs.statSync(f).mtimeMs;
  return Math.min(...outputs.map(mtime)) >= Math.max(...inputs.map(mtime));
}

/** Forwards each output line to `log`; returns the last lines, kept for error messages. */
function forwardLines(child: ChildProcess, log: (l: string) => void): string[] {
  const tail: string[] = [];
  for (const stream of [child.stdout, child.stderr]) {
    let partial = '';
    stream?.setEncoding('utf8');
    stream?.on('data', (chunk: string) => {
      const lines = (partial + chunk).split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) {
        if (tail.push(line) > TAIL_LINES) tail.shift();
        log(line);
      }
    });
  }
  return tail;
}

function mavenPackage(log: (line: string) => void): Promise<void> {
  const args = ['-q', '-B', '-f', path.join(LAUNCHER_DIR, 'pom.xml'), 'package'];
  return new Promise((resolve, reject) => {
    const child = spawn('mvn', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const tail = forwardLines(child, log);
    const hint = 'is Maven 3.8+ with Java 17+ on the PATH?';
    child.on('error', (e) => reject(new Error(`cannot run mvn (${hint}): ${e.message}`)));
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`mvn ${args.join(' ')} failed (exit ${code}):\n${tail.join('\n')}`)),
    );
  });
}

/** Runs `fn` while holding a lock directory: one build at a time across processes. */
async function withBuildLock(fn: () => Promise<void>): Promise<void> {
  const lock = path.join(TARGET, '.build-lock');
  fs.mkdirSync(TARGET, { recursive: true });
  for (;;) {
    try {
      fs.mkdirSync(lock); // atomic
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const since = fs.statSync(lock, { throwIfNoEntry: false })?.mtimeMs;
      if (since && Date.now() - since > BUILD_LOCK_STALE_MS) fs.rmSync(lock, { recursive: true });
      await new Promise((r) => setTimeout(r, 1_000));
    }
  }
  try {
    await fn();
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

/** Builds tools/neo4j with Maven when its output is missing or older than its sources. */
export async function ensureLauncherBuilt(opts: { log?: (msg: string) => void } = {}): Promise<void> {
  const log = opts.log ?? noLog;
  if (launcherIsFresh()) return;
  await withBuildLock(async () => {
    if (launcherIsFresh()) return; // another process built it meanwhile
    log('building tools/neo4j with Maven (the first build downloads ~130 MB to ~/.m2)...');
    const started = Date.now();
    await mavenPackage(log);
    // Maven leaves up-to-date outputs untouched: stamp them so the freshness check passes.
    const now = new Date();
    for (const f of [CLASSPATH_FILE, `${MAIN_CLASS_FILE}.class`]) fs.utimesSync(f, now, now);
    log(`tools/neo4j built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  });
}

function javaArgs(opts: LocalNeo4jOptions, dataDir: string): string[] {
  const classes = path.join(TARGET, 'classes');
  const jars = fs.readFileSync(CLASSPATH_FILE, 'utf8').trim();
  return [
    `-Xmx${opts.heap ?? '512m'}`, // plenty for dev/test graphs, cheap enough to run several
    '-XX:+ExitOnOutOfMemoryError', // die loudly rather than limp on
    '-XX:-OmitStackTraceInFastThrow',
    // Quoted: a path may hold the colons that separate -Xlog's parts.
    ...(opts.gcLog ? [`-Xlog:gc:file="${path.resolve(opts.gcLog)}":timemillis`] : []),
    ...(opts.jvmArgs ?? []),
    // As Neo4j's own start script: lets the page cache and Netty reach direct buffers.
    '--add-opens=java.base/java.nio=ALL-UNNAMED',
    '--add-opens=java.base/java.io=ALL-UNNAMED',
    '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
    '-Dio.netty.tryReflectionSetAccessible=true',
    '-Dlog4j2.disable.jmx=true',
    ...['-cp', `${classes}${path.delimiter}${jars}`, MAIN_CLASS],
    ...['--data-dir', dataDir, '--page-cache', opts.pageCache ?? '128m'],
    // Port 0 goes to the JVM as is: it binds a free port and reports it in NEO4J_READY, which
    // cannot race with another process the way probing for a free port here would.
    ...['--port', String(opts.boltPort ?? 7687)],
    ...(opts.txTimeoutMs ? ['--tx-timeout', `${opts.txTimeoutMs}ms`] : []),
  ];
}

/** Resolves with the Bolt URI from NEO4J_READY; rejects on early exit or timeout. */
function waitForReady(
  child: ChildProcess,
  tail: string[],
  exited: Promise<number | null>,
  timeoutMs: number,
): Promise<string> {
  return new Promise((resolve, reject) => {
    const fail = (why: string): void => {
      clearTimeout(timer);
      reject(new Error(`${why}\n--- last output ---\n${tail.join('\n')}`));
    };
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      fail(`no NEO4J_READY within ${timeoutMs} ms`);
    }, timeoutMs);
    child.once('error', (err) => fail(`cannot run java: ${err.message}`));
    child.stdout?.on('data', () => {
      const ready = tail.map((l) => /^NEO4J_READY (bolt:\S+)/.exec(l)).find(Boolean);
      if (ready?.[1]) {
        clearTimeout(timer);
        resolve(ready[1]);
      }
    });
    void exited.then((code) => {
      const reason = [...tail].reverse().find((l) => l.startsWith('NEO4J_ERROR '));
      if (code === EXIT_STORE_LOCKED) {
        fail('the data directory is locked by another running Neo4j (stop it or use another dataDir)');
      } else {
        fail(`exited early with code ${code}${reason ? `: ${reason.slice(12)}` : ''}`);
      }
    });
  });
}

/** Starts a Neo4j on `dataDir` and resolves once Bolt accepts connections. */
export async function startLocalNeo4j(opts: LocalNeo4jOptions): Promise<LocalNeo4j> {
  const dataDir = path.resolve(opts.dataDir);
  fs.mkdirSync(dataDir, { recursive: true });
  const java = process.env.JAVA_HOME ? path.join(process.env.JAVA_HOME, 'bin', 'java') : 'java';
  // stdin stays an open pipe for the JVM's whole life: its EOF (we died, even by SIGKILL) stops it.
  const child = spawn(java, javaArgs(opts, dataDir), { stdio: ['pipe', 'pipe', 'pipe'] });
  const tail = forwardLines(child, opts.log ?? noLog); // also drains the pipes, so the JVM never blocks
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const killOnExit = (): void => void child.kill('SIGTERM');
  process.on('exit', killOnExit);

  let uri: string;
  try {
    uri = await waitForReady(child, tail, exited, opts.startTimeoutMs ?? DEFAULT_START_TIMEOUT_MS);
  } catch (err) {
    process.off('exit', killOnExit);
    throw new Error(`local Neo4j on ${dataDir}: ${(err as Error).message}`, { cause: err });
  }
  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> =>
    (stopping ??= (async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const grace = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
        await exited;
        clearTimeout(grace);
      }
      process.off('exit', killOnExit);
    })());
  const boltPort = Number(/:(\d+)$/.exec(uri)?.[1]);
  return { uri, boltPort, pid: child.pid ?? -1, exited, stop };
}
