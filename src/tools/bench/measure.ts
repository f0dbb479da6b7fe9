import { load, verify, warmBeforeMeasuring, type LatencyFigures, type LoadFigures, type Target } from './load';
import { round, summarize } from './stats';
import { cpuSeconds, watchRss } from './proc';
import type { RunningServer } from './servers';
import type { Measurement } from './types';
import { BLOCKS, latencyInTurns, throughputInTurns, type Settle } from './turns';
import { describeWindow, REASONS, sumSamples, type Reason } from './window';
import { P4_TIMED, timedPasses, type TimedFacts, type TimedRule } from './timed-passes';
import { P4_WARM, warmInTurns, type WarmRule, type Warmed } from './warm-turns';

/** A peer in a scenario: the server and what it is sent. */
export interface Peer {
  name: string;
  server: RunningServer;
  target: Target;
  /** Cannot keep up with any load (the naive peer): measured after the others, alone, so its backlog cannot linger in their blocks. */
  backlogs?: boolean;
}

export type { Settle };

export interface PeerFigures {
  max: LoadFigures;
  at60: LatencyFigures;
  rssPeakMb: number;
}

/** How a scenario's latency windows are measured, where it differs from the default. */
export interface LatencyWindowOptions {
  /** Why a latency block is measured again (turns.againBecause); default every reason. */
  heeded?: readonly Reason[];
  /**
   * The window in rounds of BLOCKS blocks of `seconds` / BLOCKS each; default one (P1's is longer:
   * scenarios.http.ts).
   */
  rounds?: number;
}

/**
 * Every peer warmed in turn (the same order every scenario), each after verifying its answer: without
 * that, the first peer measured also warmed Neo4j (its page cache and JIT for the scenario) for the
 * others. Then every peer's throughput at c=8, and its latency at 60% of that throughput, both
 * measured in blocks, the peers taking turns (turns.ts). A peer that backlogs is warmed and measured
 * after all the others, alone, in one block each: its unfinished backlog would load the server core
 * in the others' blocks.
 */
export async function compare(
  peers: Peer[],
  seconds: number,
  log: (line: string) => void,
  settle: Settle,
  /** Neo4j's GC log, for the pauses in each latency window. */
  dbGcLog?: string,
  latency: LatencyWindowOptions = {},
): Promise<Map<string, PeerFigures>> {
  const { heeded = REASONS, rounds: latencyRounds = 1 } = latency;
  const rss = new Map(peers.map((peer) => [peer.name, watchRss(peer.server.pid)]));
  const out = new Map<string, PeerFigures>();
  const measure = async (group: Peer[]) => {
    const backlogs = group.every((peer) => peer.backlogs);
    const blocks = backlogs ? 1 : BLOCKS;
    for (const peer of group) {
      await settle(peer.server);
      await verify(peer.name, peer.target);
      // A peer that runs thousands of statements per request is warm after the verifying request
      // and one more. Warmed by one request per connection instead (8 at c=8), the naive peer took
      // 8 x 5.85 s of server CPU (the 76cb685 run) on its one core; it has no goal, only context.
      if (backlogs) await load(peer.target, { connections: 1, amount: 1 });
      else await warmBeforeMeasuring(peer.target, seconds);
    }
    const maxes = await throughputInTurns(group, seconds, settle, blocks, backlogs ? BACKLOG_BLOCK : undefined);
    const rated = group.map((peer, i) => ({
      server: peer.server,
      target: peer.target,
      rate: latencyRate((maxes[i] as LoadFigures).rps),
      window: { metricsUrl: peer.server.metricsUrl, dbGcLog },
    }));
    const rounds = backlogs ? 1 : latencyRounds;
    const latencies = await latencyInTurns(rated, seconds * rounds, settle, blocks * rounds, heeded);
    group.forEach((peer, i) => {
      const rssPeakMb = rss.get(peer.name)?.stop() ?? NaN;
      const figures = { max: maxes[i] as LoadFigures, at60: latencies[i] as LatencyFigures, rssPeakMb };
      logFigures(log, peer.name, figures);
      out.set(peer.name, figures);
    });
  };
  await measure(peers.filter((p) => !p.backlogs));
  for (const peer of peers.filter((p) => p.backlogs)) await measure([peer]);
  return out;
}

/**
 * A backlogging peer's throughput block: one request per connection, all answered
 * (turns.throughputInTurns). The naive peer answered none of its c=8 requests within a 10 s block
 * in the 9285b26 run (its throughput read 0).
 */
export const BACKLOG_BLOCK = 8;

/**
 * The open-loop rate for a peer's latency window: 60% of its throughput, not rounded to whole
 * requests per second. Rounded up to 1, the naive peer (under 0.05 req/s at c=8) was sent many
 * times what it could answer, and its "latency at 60%" was a queue's: p50 14.8 s in the 9285b26 run.
 */
export function latencyRate(rps: number): number {
  return Math.max(0.01, rps * 0.6);
}

function logFigures(log: (line: string) => void, peer: string, { max, at60, rssPeakMb }: PeerFigures): void {
  const cpu = max.serverCpuMs === undefined ? '' : ` (server CPU ${max.serverCpuMs.toFixed(2)} ms per request)`;
  log(
    `  ${peer}: ${perSecond(max.rps)} req/s at c=8${cpu}; at ${perSecond(at60.rps)} req/s p50 ${round(at60.p50, 2)} ms p99 ${round(at60.p99, 2)} ms; RSS ≤ ${rssPeakMb.toFixed(0)} MB`,
  );
  if (max.failures || at60.failures) log(`  ${peer}: ${failedRequests(max, at60)}`);
  if (at60.window) log(`  ${describeWindow(peer, at60.window)}`);
}

/** A rate for the log: whole requests per second, two significant digits below 10. */
const perSecond = (rps: number) => (rps >= 10 ? rps.toFixed(0) : rps.toPrecision(2));

/** The report's notes on where each peer's slowest latencies came from (window.ts). */
export function windowNotes(figures: Map<string, PeerFigures>): string[] {
  return [...figures].flatMap(([peer, f]) =>
    f.at60.window ? [`latency window of ${describeWindow(peer, f.at60.window)}`] : [],
  );
}

export function loadRows(figures: Map<string, PeerFigures>): Measurement[] {
  return [...figures].flatMap(([peer, f]) => [
    { peer, metric: 'throughput (c=8)', value: round(f.max.rps, f.max.rps < 1 ? 3 : 1), unit: 'req/s' },
    // CPU per request shows whether a server was bound by its own core or waited on something else.
    ...(f.max.serverCpuMs === undefined
      ? []
      : [{ peer, metric: 'server CPU per request (c=8)', value: round(f.max.serverCpuMs, 2), unit: 'ms' }]),
    { peer, metric: 'p50 at 60% of max', value: f.at60.p50, unit: 'ms' },
    { peer, metric: 'p99 at 60% of max', value: f.at60.p99, unit: 'ms' },
    ...(f.max.failures + f.at60.failures
      ? [{ peer, metric: failedRequests(f.max, f.at60), value: f.max.failures + f.at60.failures, unit: '' }]
      : []),
  ]);
}

/** Server CPU seconds per request over `amount` sequential requests (after a warm-up of 20). */
export async function cpuPerRequest(peer: Peer, amount: number, settle: Settle): Promise<number> {
  await settle(peer.server);
  await verify(peer.name, peer.target);
  await load(peer.target, { connections: 1, amount: 20 });
  const before = cpuSeconds(peer.server.pid);
  await load(peer.target, { connections: 1, amount });
  return (cpuSeconds(peer.server.pid) - before) / amount;
}

export interface AlternatingFigures {
  figures: LatencyFigures[];
  warmed: Warmed;
  timed: TimedFacts;
}

/**
 * Sequential latency of several peers over the same inputs (each peer's target replays them in the
 * same order). The peers first take turns at untimed passes over all of them until each is steady
 * (warm-turns.ts), so that Neo4j's caches and plans, and each server's JIT, are warm for every peer
 * alike. Then timed passes over the inputs (timed-passes.ts), input by input: each input goes to
 * every peer in turn before the next goes to any, the first peer changing from one input to the
 * next (sequential.pairedTimes, which says why). Until this, the peers took turns in blocks of 50.
 */
export async function alternatingLatency(
  peers: Peer[],
  amount: number,
  settle: Settle,
  warmRule: WarmRule = P4_WARM,
  timedRule: TimedRule = P4_TIMED,
): Promise<AlternatingFigures> {
  for (const peer of peers) await verify(peer.name, peer.target);
  const warmed = await warmInTurns(peers, amount, warmRule);
  for (const peer of peers) await settle(peer.server);
  const { pooled, facts } = await timedPasses(
    peers.map((p) => ({ target: p.target, pid: p.server.pid })),
    amount,
    timedRule,
  );
  const timed = amount * facts.passes;
  return {
    figures: pooled.map((p) => summarize(p.latencies, timed, p.failures, p.seconds)),
    warmed,
    timed: facts,
  };
}

/** Our server's GraphQL requests and Cypher statements so far, from its Prometheus counters. */
export async function servedCounts(server: RunningServer): Promise<{ requests: number; statements: number }> {
  const text = await (await fetch(`${server.baseUrl}/metrics`)).text();
  return { requests: sumSamples(text, 'graphql_requests_total'), statements: sumSamples(text, 'neo4j_queries_total') };
}

/** Cypher statements our server ran per request, read from its Prometheus counter. */
export async function statementsPerRequest(peer: Peer, requests: number): Promise<number> {
  const total = async () => (await servedCounts(peer.server)).statements;
  const before = await total();
  for (let i = 0; i < requests; i++) await verify(peer.name, peer.target);
  return ((await total()) - before) / requests;
}

/** "failed requests (c=8: HTTP 503 ×3; open loop: ECONNRESET ×2)": how many, and what they were. */
function failedRequests(max: LoadFigures, at60: LoadFigures): string {
  const kinds = (f: LoadFigures) =>
    Object.entries(f.failureKinds ?? {})
      .map(([kind, n]) => `${kind} ×${n}`)
      .join(', ') || 'none';
  return `failed requests (c=8: ${kinds(max)}; open loop: ${kinds(at60)})`;
}
