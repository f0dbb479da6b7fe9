import autocannon from 'autocannon';
import { openLoop, type OpenLoopRun } from './open-loop';
import { databasePauses, serverProbe, type WindowFacts } from './window';
import { Steadiness } from './stats';

/** What a peer answers a scenario with: its URL and a body per request (e.g. a random id each time). */
export interface Target {
  url: string;
  body: () => string;
}

/** A run's count, rate and failures. */
export interface LoadFigures {
  requests: number;
  /** Transport errors, timeouts and non-2xx answers. */
  failures: number;
  /** What the failures were (an HTTP status, a socket error, a timeout), with how many of each. */
  failureKinds?: Record<string, number>;
  rps: number;
  /** How long the run was measured (s), to pool runs (turns.ts). */
  seconds?: number;
  /** Server CPU (user + system) per answered request during the run, in ms, when the pid was given. */
  serverCpuMs?: number;
}

/**
 * A run's figures with its latencies (ms), from the benchmark's own generators (open-loop.ts,
 * sequential.ts), which time requests to a fraction of a millisecond. autocannon's runs give none:
 * its histogram keeps whole milliseconds.
 */
export interface LatencyFigures extends LoadFigures {
  p50: number;
  p99: number;
  mean: number;
  /** Open-loop runs only: where a stall in the window came from (window.ts). */
  window?: WindowFacts;
}

export interface LoadOptions {
  connections: number;
  /** Seconds. */
  duration?: number;
  /** Stop after this many requests instead of after `duration`. */
  amount?: number;
}

/** One autocannon run (POST, JSON): throughput and failures; its latencies are left out (LatencyFigures). */
export async function load(target: Target, options: LoadOptions): Promise<LoadFigures> {
  const started = performance.now();
  let lastAnswer = started;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: target.url,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        connections: options.connections,
        duration: options.duration ?? 10,
        ...(options.amount ? { amount: options.amount } : {}),
        timeout: 60,
        requests: [{ setupRequest: (req) => ({ ...req, body: target.body() }) }],
      },
      (err, res) => (err ? reject(err) : resolve(res)),
    );
    // By count, autocannon reports at its next 1 s sample after the last answer: the run's time is
    // taken here, from the start to that answer.
    if (options.amount) instance.on('response', () => (lastAnswer = performance.now()));
  });
  const seconds = options.amount ? Math.max(0.001, (lastAnswer - started) / 1000) : result.duration || 1;
  return {
    requests: result.requests.total,
    failures: result.errors + result.timeouts + result.non2xx,
    failureKinds: autocannonFailures(result),
    rps: result['2xx'] / seconds,
    seconds,
  };
}

/** Ask once and check the answer is data, not errors: a peer that fails fast must not look fast. */
export async function verify(name: string, target: Target): Promise<unknown> {
  const res = await fetch(target.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: target.body(),
  });
  const text = await res.text();
  const json = JSON.parse(text) as { errors?: unknown; data?: unknown };
  if (!res.ok || json.errors) throw new Error(`${name} answered ${res.status}: ${text.slice(0, 400)}`);
  return json.data ?? json;
}

export interface SteadyWarmUp {
  seconds: number;
  /** Throughput of the first and of the last window, req/s. */
  first: number;
  last: number;
}

/**
 * Closed-loop load in windows until throughput stops rising: two windows in a row no more than
 * `tolerance` above the best before them, or `maxSeconds`. A Neo4j that has just written the
 * graph serves its first reads far slower until its read path is warm (it was idle before them, so
 * this is not background work): in the lab, P1's lookups through our server went from 450 to
 * 3,000 req/s over their first 50 s, with Neo4j's CPU per request falling from 2.0 to 0.2 ms. A peer measured in that time (the first, in a fixed
 * order) was measured against a slower database than the others. `runWindow` runs one window and
 * gives its throughput (autocannon against `target` unless given).
 */
export async function warmUntilSteady(
  target: Target,
  { windowSeconds = 5, maxSeconds = 120, tolerance = 0.05, concurrency = 8 } = {},
  runWindow: (seconds: number) => Promise<number> = async (seconds) =>
    (await load(target, { connections: concurrency, duration: seconds })).rps,
): Promise<SteadyWarmUp> {
  const rates: number[] = [];
  const steadiness = new Steadiness(tolerance, 'higher');
  while (rates.length * windowSeconds < maxSeconds && steadiness.flat < 2) {
    const rps = await runWindow(windowSeconds);
    steadiness.add(rps);
    rates.push(rps);
  }
  return { seconds: rates.length * windowSeconds, first: rates[0] ?? 0, last: rates.at(-1) ?? 0 };
}

/** A closed-loop warm-up of a third of a measurement's length (at least 2 s). */
export async function warmUp(target: Target, seconds: number, concurrency = 8): Promise<void> {
  await load(target, { connections: concurrency, duration: Math.max(2, Math.round(seconds / 3)) });
}

/**
 * Warm-up before a peer is measured, by count as well as by time: a slow operation (P2) gets a
 * handful of runs in a few seconds, while Neo4j needs dozens before its first, compiling executions
 * are behind it.
 */
export async function warmBeforeMeasuring(target: Target, seconds: number, concurrency = 8): Promise<void> {
  await load(target, { connections: concurrency, amount: concurrency * 4 });
  await warmUp(target, seconds, concurrency);
}

/** More than any peer's driver pool holds (neo4j-driver's default, 100; ours, NEO4J_MAX_POOL_SIZE 50). */
export const POOL_BURST = 128;

/**
 * A burst of POOL_BURST requests at once, one per connection, twice over: each server's Neo4j
 * driver opens every pooled connection it ever will, before any block is measured. A peer's pool
 * otherwise grows where its first stall does: a 30 ms pause of Neo4j's collector at 2,000 req/s
 * leaves about 60 requests waiting, and the driver then opens a connection for each (a socket, a
 * Bolt handshake and a worker thread in Neo4j, on the core that is catching up). Connections to
 * the benchmark's Neo4j sampled every 0.5 s through P1 (75c9426, fifth run): in each server's first
 * latency block ours went 8 -> 50, @neo4j/graphql and the control 8 -> 100, the floor 10 -> 97
 * (100 in its second); the slowest request of ours, the floor and the control (78, 80 and 396 ms)
 * all fell in their first block. The driver keeps its connections (it closes one only when broken
 * or an hour old), so the burst is needed once: sampled again in a full run with it, every pool
 * held its maximum from before the first block to the end of P1.
 */
export async function fillPools(name: string, target: Target): Promise<void> {
  const burst = await load(target, { connections: POOL_BURST, amount: POOL_BURST * 2 });
  if (burst.failures) throw new Error(`${name} failed ${burst.failures} of a burst of ${burst.requests} requests`);
}

export interface WindowOptions {
  /** The server's Prometheus figures (ours only), read around the window (window.ts). */
  metricsUrl?: string;
  /** Neo4j's GC log, read for the pauses in the window (window.ts). */
  dbGcLog?: string;
  /** Unmeasured seconds at the same rate before the window (2 unless given). */
  warmUpSeconds?: number;
}

/**
 * One latency window at `rate` with an open arrival rate (open-loop.ts: a slow answer does not slow
 * the arrivals, so p99 stays honest), after unmeasured seconds at the same rate (open-loop.ts says
 * why), with the facts that place its slowest requests.
 */
export async function latencyWindow(
  target: Target,
  rate: number,
  seconds: number,
  options: WindowOptions = {},
): Promise<OpenLoopRun> {
  const probe = options.metricsUrl ? serverProbe(options.metricsUrl) : undefined;
  let from = Date.now();
  const onMeasuredStart = () => {
    from = Date.now();
    probe?.start();
  };
  const { warmUpSeconds = 2 } = options;
  await probe?.prime();
  const run = await openLoop(target, { rate, seconds, warmUpSeconds, onMeasuredStart });
  const server = await probe?.end();
  if (server) run.window.server = server;
  const database = options.dbGcLog ? databasePauses(options.dbGcLog, from, Date.now()) : undefined;
  if (database) run.window.database = database;
  return run;
}

function autocannonFailures(result: autocannon.Result): Record<string, number> {
  const kinds: Record<string, number> = {};
  if (result.errors) kinds['socket errors'] = result.errors;
  if (result.timeouts) kinds.timeouts = result.timeouts;
  for (const [status, { count }] of Object.entries(result.statusCodeStats ?? {})) {
    if (!status.startsWith('2')) kinds[`HTTP ${status}`] = count ?? 0;
  }
  return kinds;
}
