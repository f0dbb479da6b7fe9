import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { latencyRate } from '../../src/tools/bench/measure';
import type { OpenLoopRun } from '../../src/tools/bench/open-loop';
import type { RunningServer } from '../../src/tools/bench/servers';
import {
  againBecause,
  generatorLate,
  hostStole,
  latencyInTurns,
  pool,
  REMEASURES_PER_ROUND,
  remeasureAllowance,
  throughputInTurns,
} from '../../src/tools/bench/turns';

/**
 * Measuring in turns: each peer's throughput run and latency window are split into blocks and the
 * peers take turns, so a drift of the machine longer than a block falls on every peer; each peer's
 * figures pool its blocks.
 */

let servers: Server[] = [];
let arrivals: { peer: string; at: number }[] = [];
const delays: Record<string, number> = { a: 2, b: 12, slow: 200 };
/** Peer "stall" holds this whole process (server and generator alike) for `stall.ms` at every `stall.every`th arrival (0: never). */
const stall = { every: 0, ms: 0, count: 0 };
let open = 0;

beforeAll(async () => {
  servers = await Promise.all(
    ['a', 'b', 'stall', 'slow'].map(
      (peer) =>
        new Promise<Server>((resolve) => {
          const server = createServer((req, res) => {
            arrivals.push({ peer, at: performance.now() });
            if (peer === 'stall' && stall.every && ++stall.count % stall.every === 0) {
              const until = performance.now() + stall.ms;
              while (performance.now() < until);
            }
            open++;
            req.resume();
            req.once('end', () =>
              setTimeout(() => {
                open--;
                res.end('{"data":{}}');
              }, delays[peer] ?? 1),
            );
          });
          server.listen(0, '127.0.0.1', () => resolve(server));
        }),
    ),
  );
});
afterAll(() => Promise.all(servers.map((s) => new Promise<void>((resolve) => s.close(() => resolve())))));

const turn = (server: Server, name: string) => ({
  server: { name, pid: process.pid, baseUrl: '' } as unknown as RunningServer,
  target: { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, body: () => '{}' },
  rate: 100,
  window: { warmUpSeconds: 0.05 },
});

/** Two peers, a and b; what settle was called for, in order, is kept in `settled`. */
function twoPeers() {
  arrivals = [];
  const settled: string[] = [];
  const settle = async (server: RunningServer) => {
    settled.push(server.name);
  };
  return { turns: [turn(servers[0] as Server, 'a'), turn(servers[1] as Server, 'b')], settle, settled };
}

/** Which peer sent each run of consecutive arrivals, in arrival order. */
const runsOfArrivals = () => arrivals.map((x) => x.peer).filter((peer, i, all) => i === 0 || all[i - 1] !== peer);

const TURNS = ['a', 'b', 'a', 'b', 'a', 'b'];

test('latency: the peers take turns, block by block, each after the previous one has settled', async () => {
  const { turns, settle, settled } = twoPeers();
  const [a, b] = await latencyInTurns(turns, 0.9, settle, 3);
  // A block the generator sent late in (a loaded machine), or the hypervisor took a share of, is
  // measured again at once, in the same turn: it settles again, and its peer's requests arrive
  // again before the other peer's turn.
  const again = (a?.window?.remeasured?.length ?? 0) + (b?.window?.remeasured?.length ?? 0);
  expect(settled).toHaveLength(TURNS.length + again);
  expect(settled.filter((peer, i) => i === 0 || settled[i - 1] !== peer)).toEqual(TURNS);
  // In arrival order, the peers' requests come in six runs: a, b, a, b, a, b.
  expect(runsOfArrivals()).toEqual(TURNS);
  // Each peer's figures pool its three blocks of 0.3 s at 100 req/s.
  for (const figures of [a, b]) {
    expect(figures?.requests).toBe(90);
    expect(figures?.failures).toBe(0);
    expect(figures?.window?.blocks).toBe(3);
  }
  expect(a?.p50).toBeGreaterThanOrEqual(2);
  expect(b?.p50).toBeGreaterThanOrEqual(12);
  expect(b?.p50).toBeGreaterThan(a?.p50 ?? Infinity);
});

test('throughput: the peers take turns as well, and each pools its requests over its seconds', async () => {
  const { turns, settle, settled } = twoPeers();
  const [a, b] = await throughputInTurns(turns, 1.5, settle, 3);
  expect(settled).toEqual(TURNS);
  expect(runsOfArrivals()).toEqual(TURNS);
  // Eight connections to an answer that takes 12 ms: at most 8 / 12 ms = 667 per second.
  expect(b?.rps).toBeGreaterThan(100);
  expect(b?.rps).toBeLessThanOrEqual(667);
  expect(a?.rps).toBeGreaterThan(b?.rps ?? Infinity);
  for (const figures of [a, b]) {
    expect(figures?.failures).toBe(0);
    // The three blocks' requests over their seconds: 1.5 s asked, each block rounded to 1 s.
    const seconds = (figures?.requests ?? 0) / (figures?.rps ?? 1);
    expect(seconds).toBeGreaterThan(2.7);
    expect(seconds).toBeLessThan(3.5);
    expect(figures?.serverCpuMs).toBeGreaterThanOrEqual(0);
  }
});

test("pooled figures are those of all the blocks' latencies and failures together", () => {
  const block = (latencies: number[], failures: number, kinds: Record<string, number>): OpenLoopRun => ({
    requests: latencies.length + failures,
    failures,
    failureKinds: kinds,
    rps: latencies.length / 2,
    seconds: 2,
    p50: 0,
    p99: 0,
    mean: 0,
    latencies,
    window: { slowestMs: Math.max(...latencies), slowestAtS: 1, sendLagMs: 1, stolenMs: 0 },
  });
  const pooled = pool([
    block([1, 2, 3, 4], 1, { 'HTTP 503': 1 }),
    block([10, 20, 30, 40], 2, { 'HTTP 503': 1, timeout: 1 }),
  ]);
  expect(pooled).toMatchObject({ requests: 11, failures: 3, failureKinds: { 'HTTP 503': 2, timeout: 1 } });
  // Eight latencies over 4 s: the median is the fourth, the p99 the slowest.
  expect(pooled).toMatchObject({ rps: 2, p50: 4, p99: 40, mean: 13.75 });
  expect(pooled.window).toMatchObject({ slowestMs: 40, slowestBlock: 2, blocks: 2 });
});

test('a generator late by more than a hundredth of its block (and over 10 ms) could decide its p99', () => {
  const late = (sendLagMs: number) => ({ window: { sendLagMs } }) as OpenLoopRun;
  expect(generatorLate(late(9.9), 0.3)).toBe(false);
  expect(generatorLate(late(10.1), 0.3)).toBe(true);
  // P1's blocks: 10 s in three.
  expect(generatorLate(late(33), 10 / 3)).toBe(false);
  expect(generatorLate(late(34), 10 / 3)).toBe(true);
});

test("a block in which the hypervisor took over a tenth of the machine's CPU time measures the host", () => {
  const run = (stolenMs: number, seconds?: number, sendLagMs = 1) =>
    ({ seconds, window: { sendLagMs, stolenMs } }) as OpenLoopRun;
  // P1's blocks: 10 s in three, on two cores: 6,667 ms of the machine's time, a tenth 667 ms.
  expect(hostStole(run(666), 10 / 3, 2)).toBe(false);
  expect(hostStole(run(667), 10 / 3, 2)).toBe(true);
  // The block's own length when it ran longer than asked (its last answers waited for).
  expect(hostStole(run(667, 4), 10 / 3, 2)).toBe(false);
  expect(hostStole(run(667), 10 / 3, 4)).toBe(false);
  // The generator's lateness is named first; a block with neither stands.
  expect(againBecause(run(5000, undefined, 50), 10 / 3)).toBe('generator');
  expect(againBecause(run(0), 10 / 3)).toBeUndefined();
  // A window that heeds only the generator (P2's, judged on its p50) keeps a stolen block.
  expect(againBecause(run(5000), 10 / 3, ['generator'])).toBeUndefined();
  expect(againBecause(run(5000, undefined, 50), 10 / 3, ['generator'])).toBe('generator');
  expect(againBecause(run(5000, undefined, 50), 10 / 3, ['hypervisor'])).toBe('hypervisor');
});

test('latency: a block in which the generator sent late is measured again, and its figures are not kept', async () => {
  // The first block's fifth arrival holds the process (and so the generator) for 150 ms.
  Object.assign(stall, { every: 1000, ms: 150, count: 995 });
  const settled: string[] = [];
  const settle = async (server: RunningServer) => {
    settled.push(server.name);
  };
  const [figures] = await latencyInTurns([turn(servers[2] as Server, 'stall')], 0.9, settle, 3);
  Object.assign(stall, { every: 0 });
  const again = figures?.window?.remeasured?.length ?? 0;
  expect(again).toBeGreaterThanOrEqual(1);
  // The block set aside is listed with its reason and its own figures: the stall is in its p99.
  expect(figures?.window?.remeasured?.[0]).toMatchObject({ reason: 'generator', block: 1 });
  expect(figures?.window?.remeasured?.[0]?.p99).toBeGreaterThanOrEqual(100);
  expect(again).toBeLessThanOrEqual(REMEASURES_PER_ROUND);
  // Each block measured again settles first, like any other.
  expect(settled).toHaveLength(3 + again);
  // Three blocks' requests are kept, none of the stalled one.
  expect(figures?.requests).toBe(90);
  expect(figures?.window?.blocks).toBe(3);
  expect(figures?.window?.slowestMs).toBeLessThan(150);
});

test('latency: once its allowance is spent, a late block is kept and the count says so', async () => {
  // Every block holds the process for 40 ms at least once (100 req/s, 30 per block).
  Object.assign(stall, { every: 20, ms: 40, count: 0 });
  const [figures] = await latencyInTurns([turn(servers[2] as Server, 'stall')], 0.9, async () => {}, 3);
  Object.assign(stall, { every: 0 });
  expect(figures?.window?.remeasured).toHaveLength(REMEASURES_PER_ROUND);
  for (const dropped of figures?.window?.remeasured ?? []) {
    expect(dropped.reason).toBe('generator');
    expect(dropped.sendLagMs).toBeGreaterThan(10);
  }
  expect(figures?.requests).toBe(90);
  expect(figures?.window?.sendLagMs).toBeGreaterThan(10);
  expect(figures?.window?.slowestMs).toBeGreaterThanOrEqual(40);
});

test("latency: a window of more blocks (P1's) may have the same share of them measured again", async () => {
  expect(remeasureAllowance(3)).toBe(REMEASURES_PER_ROUND);
  Object.assign(stall, { every: 20, ms: 40, count: 0 });
  const [figures] = await latencyInTurns([turn(servers[2] as Server, 'stall')], 1.8, async () => {}, 6);
  Object.assign(stall, { every: 0 });
  expect(figures?.window?.remeasured).toHaveLength(2 * REMEASURES_PER_ROUND);
  expect(figures?.window?.blocks).toBe(6);
  expect(figures?.requests).toBe(180);
});

test('throughput by count: each block is that many requests, all answered before the next', async () => {
  const { settle } = twoPeers();
  const slow = turn(servers[3] as Server, 'slow');
  const [figures] = await throughputInTurns([slow], 0.3, settle, 2, 8);
  expect(open).toBe(0);
  expect(figures?.requests).toBe(16);
  expect(figures?.failures).toBe(0);
  // Eight connections, each answer 200 ms: about 8 / 0.2 s = 40 per second, not 8 over the 0.3 s asked.
  expect(figures?.rps).toBeGreaterThan(20);
  expect(figures?.rps).toBeLessThanOrEqual(40);
});

test('the latency window runs at 60% of the throughput, however slow, not rounded to whole requests', () => {
  expect(latencyRate(500)).toBe(300);
  // The naive peer: 8 answers in 40 s.
  expect(latencyRate(0.2)).toBeCloseTo(0.12, 6);
  expect(latencyRate(0)).toBeGreaterThan(0);
});
