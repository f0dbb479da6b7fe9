import { readFileSync } from 'node:fs';
import { round } from './stats';

/**
 * Facts about a latency window, to place a stall when a p99 is far from its peers': was it the
 * load generator (it sent late), the machine (the hypervisor took CPU), or our server (its event
 * loop fell behind, or a garbage collection paused it)? They are read around the measured window
 * only, and explain a figure; they never change one. Two decide whether a block counts: a block in
 * which the generator sent late, or the hypervisor took more than a set share of the machine, is
 * measured again (turns.againBecause), and the block set aside is listed with its own p99.
 */
export interface WindowFacts {
  /** The slowest answered request (ms), and when it was due, in seconds into the window (or its block). */
  slowestMs: number;
  slowestAtS: number;
  /** A window measured in blocks (turns.ts): how many, and the one (from 1) that held the slowest request. */
  blocks?: number;
  slowestBlock?: number;
  /** Blocks measured again (turns.againBecause), in the order they ran; their latencies are not pooled. */
  remeasured?: DroppedBlock[];
  /** The generator's latest send: how long after its due time a request went out (ms). */
  sendLagMs: number;
  /** CPU time the hypervisor took from this machine's cores during the window (ms); 0 when not reported. */
  stolenMs: number;
  /** From the server's own /metrics (prom-client's process figures): ours and the floor's; absent for the others. */
  server?: ServerWindow;
  /** Neo4j's stop-the-world collections in the window, from its GC log (NEO4J_GC_LOG). */
  database?: DatabasePauses;
}

/**
 * Why a block is measured again (turns.againBecause): the generator sent late in it, or the
 * hypervisor took more than its share of the machine.
 */
export const REASONS = ['generator', 'hypervisor'] as const;
export type Reason = (typeof REASONS)[number];

/** A block set aside: why, which of the window's blocks it was (from 1), and what it measured. */
export interface DroppedBlock {
  reason: Reason;
  block: number;
  p99: number;
  sendLagMs: number;
  stolenMs: number;
}

export interface DatabasePauses {
  pauses: number;
  /** Their sum and the longest, in ms. */
  pauseMs: number;
  longestMs: number;
}

export interface ServerWindow {
  /** How late the event loop was at worst in the window (ms, sampled by prom-client's 10 ms timer). */
  loopDelayMaxMs: number;
  /** Time spent in garbage collection (ms), and how many collections took over 100 ms. */
  gcMs: number;
  gcOver100ms: number;
  /** Of them, the major (mark-compact) collections, which stop the whole heap: how many, and their time (ms). */
  majorGcs: number;
  majorGcMs: number;
}

interface ServerCounters {
  loopDelayMaxMs: number;
  gcMs: number;
  gcCount: number;
  gcUpTo100ms: number;
  majorGcMs: number;
  majorGcs: number;
}

/** prom-client's default event-loop monitoring resolution (ms), which ours and the floor keep. */
const LOOP_RESOLUTION_MS = 10;

/** Sums every sample of `name` in a Prometheus text exposition whose labels contain `labels`. */
export function sumSamples(text: string, name: string, labels = ''): number {
  let sum = 0;
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${name}{`) && !line.startsWith(`${name} `)) continue;
    if (labels && !line.includes(labels)) continue;
    sum += Number(line.slice(line.lastIndexOf(' ') + 1)) || 0;
  }
  return sum;
}

async function scrape(url: string): Promise<ServerCounters | undefined> {
  try {
    const res = await fetch(url);
    if (!res.ok) return undefined;
    const text = await res.text();
    return {
      // prom-client resets the event-loop histogram at every scrape: this is the max since the last one.
      // Node's histogram records each whole interval between its timer's ticks, so a loop that is
      // never late reads the timer's resolution; the lateness is what lies beyond it.
      loopDelayMaxMs: Math.max(0, sumSamples(text, 'nodejs_eventloop_lag_max_seconds') * 1000 - LOOP_RESOLUTION_MS),
      gcMs: sumSamples(text, 'nodejs_gc_duration_seconds_sum') * 1000,
      gcCount: sumSamples(text, 'nodejs_gc_duration_seconds_count'),
      gcUpTo100ms: sumSamples(text, 'nodejs_gc_duration_seconds_bucket', 'le="0.1"'),
      majorGcMs: sumSamples(text, 'nodejs_gc_duration_seconds_sum', 'kind="major"') * 1000,
      majorGcs: sumSamples(text, 'nodejs_gc_duration_seconds_count', 'kind="major"'),
    };
  } catch {
    return undefined;
  }
}

/**
 * Scrapes a server's /metrics at the window's start (which also resets its event-loop maximum) and
 * after its end; `prime` scrapes once before the window's schedule begins, so that the window's
 * first scrape is never the process's first. A first scrape runs prom-client's collectors for the
 * first time (a round trip of 8 ms on an idle floor, 2 ms after), a pause every probed server's
 * first block would otherwise hold. In one lab run, both floor processes' first P1 blocks, their
 * first scrape falling as measurement began at 2,400 req/s, had their event loops busy without a
 * break for 0.4 s (p99 443 and 381 ms); primed, the next lab run's first blocks had no such stall
 * from a server (one had the generator 182 ms late instead). A warm scrape is one more request
 * among the window's thousands.
 */
export function serverProbe(metricsUrl: string): {
  prime: () => Promise<void>;
  start: () => void;
  end: () => Promise<ServerWindow | undefined>;
} {
  let before: Promise<ServerCounters | undefined> = Promise.resolve(undefined);
  return {
    prime: async () => {
      await scrape(metricsUrl);
    },
    start: () => {
      before = scrape(metricsUrl);
    },
    end: async () => {
      const [a, b] = [await before, await scrape(metricsUrl)];
      if (!a || !b) return undefined;
      return {
        loopDelayMaxMs: round(b.loopDelayMaxMs),
        gcMs: Math.round(b.gcMs - a.gcMs),
        gcOver100ms: b.gcCount - a.gcCount - (b.gcUpTo100ms - a.gcUpTo100ms),
        majorGcs: b.majorGcs - a.majorGcs,
        majorGcMs: Math.round(b.majorGcMs - a.majorGcMs),
      };
    },
  };
}

/**
 * The JVM's pauses between two wall-clock times, from a log written with `-Xlog:gc:file=...:timemillis`
 * (local-neo4j.ts), whose pause lines read `[1733102438123ms] GC(12) Pause Young (Normal) (G1
 * Evacuation Pause) 120M->30M(512M) 5.123ms`. Concurrent phases are not pauses and are left out.
 */
export function databasePauses(logFile: string, fromMs: number, toMs: number): DatabasePauses | undefined {
  let text: string;
  try {
    text = readFileSync(logFile, 'utf8');
  } catch {
    return undefined;
  }
  const found = { pauses: 0, pauseMs: 0, longestMs: 0 };
  for (const match of text.matchAll(/^\[(\d+)ms\] GC\(\d+\) Pause .* ([\d.]+)ms$/gm)) {
    const at = Number(match[1]);
    const ms = Number(match[2]);
    if (at < fromMs || at > toMs) continue;
    found.pauses++;
    found.pauseMs += ms;
    found.longestMs = Math.max(found.longestMs, ms);
  }
  return { pauses: found.pauses, pauseMs: Math.round(found.pauseMs), longestMs: round(found.longestMs) };
}

/**
 * One window's facts from its blocks, in the order they ran: the slowest request of any (and its
 * block), the generator's worst lateness, the stolen CPU, GC time and pauses summed, the worst
 * event-loop delay and pause. A part is left out when any block lacks it, rather than understated.
 */
export function mergeWindows(blocks: readonly WindowFacts[]): WindowFacts {
  const [first] = blocks;
  if (!first) throw new RangeError('no blocks to merge');
  let slowest = first;
  let slowestBlock = 1;
  blocks.forEach((b, i) => {
    if (b.slowestMs > slowest.slowestMs) [slowest, slowestBlock] = [b, i + 1];
  });
  const merged: WindowFacts = {
    slowestMs: slowest.slowestMs,
    slowestAtS: slowest.slowestAtS,
    blocks: blocks.length,
    slowestBlock,
    sendLagMs: Math.max(...blocks.map((b) => b.sendLagMs)),
    stolenMs: blocks.reduce((sum, b) => sum + b.stolenMs, 0),
  };
  const servers = blocks.map((b) => b.server);
  if (servers.every((w) => w !== undefined)) {
    merged.server = {
      loopDelayMaxMs: Math.max(...servers.map((w) => w.loopDelayMaxMs)),
      gcMs: servers.reduce((sum, w) => sum + w.gcMs, 0),
      gcOver100ms: servers.reduce((sum, w) => sum + w.gcOver100ms, 0),
      majorGcs: servers.reduce((sum, w) => sum + w.majorGcs, 0),
      majorGcMs: servers.reduce((sum, w) => sum + w.majorGcMs, 0),
    };
  }
  const pauses = blocks.map((b) => b.database);
  if (pauses.every((p) => p !== undefined)) {
    merged.database = {
      pauses: pauses.reduce((sum, p) => sum + p.pauses, 0),
      pauseMs: pauses.reduce((sum, p) => sum + p.pauseMs, 0),
      longestMs: Math.max(...pauses.map((p) => p.longestMs)),
    };
  }
  return merged;
}

/** One line on a peer's window, for the report's notes. */
export function describeWindow(peer: string, w: WindowFacts): string {
  const server = w.server
    ? `; its event loop at most ${w.server.loopDelayMaxMs} ms behind, ${describeGc(w.server)}`
    : '';
  const database = w.database ? `; ${describePauses(w.database)}` : '';
  // No request answered: there is no slowest one to place.
  const where = w.blocks && w.blocks > 1 ? `into block ${w.slowestBlock} of ${w.blocks}` : 'in';
  const slowest =
    w.slowestMs > 0 ? `slowest ${w.slowestMs} ms (due ${w.slowestAtS} s ${where})` : 'no request answered';
  const again = w.remeasured?.length ? `; measured again: ${w.remeasured.map(describeDropped).join(', ')}` : '';
  return (
    `${peer}: ${slowest}, the generator at most ${w.sendLagMs} ms late, ` +
    `${w.stolenMs} ms CPU stolen by the hypervisor${server}${database}${again}`
  );
}

function describeDropped({ reason, block, p99, sendLagMs, stolenMs }: DroppedBlock): string {
  const why = reason === 'generator' ? `the generator ${sendLagMs} ms late` : `${stolenMs} ms CPU stolen`;
  return `block ${block} (${why}; its p99 ${round(p99, 2)} ms, not kept)`;
}

function describeGc({ gcMs, gcOver100ms, majorGcs, majorGcMs }: ServerWindow): string {
  const parts = [
    ...(majorGcs ? [`${majorGcs} major, ${majorGcMs} ms`] : []),
    ...(gcOver100ms ? [`${gcOver100ms} over 100 ms`] : []),
  ];
  return `${gcMs} ms in GC` + (parts.length ? ` (${parts.join('; ')})` : '');
}

function describePauses({ pauses, pauseMs, longestMs }: DatabasePauses): string {
  if (pauses === 0) return 'no GC pause in Neo4j';
  if (pauses === 1) return `one GC pause in Neo4j, ${longestMs} ms`;
  return `${pauses} GC pauses in Neo4j, ${pauseMs} ms in all, the longest ${longestMs} ms`;
}
