import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { OpenLoopRun } from '../../src/tools/bench/open-loop';
import type { RunningServer } from '../../src/tools/bench/servers';
import { latencyInTurns, pool, throughputInTurns } from '../../src/tools/bench/turns';

/**
 * Measuring in turns: each peer's throughput run and latency window are split into blocks and the
 * peers take turns, so a drift of the machine longer than a block falls on every peer; each peer's
 * figures pool its blocks.
 */

let servers: Server[] = [];
let arrivals: { peer: string; at: number }[] = [];
const delays: Record<string, number> = { a: 2, b: 12 };

beforeAll(async () => {
  servers = await Promise.all(
    ['a', 'b'].map(
      (peer) =>
        new Promise<Server>((resolve) => {
          const server = createServer((req, res) => {
            arrivals.push({ peer, at: performance.now() });
            req.resume();
            req.once('end', () => setTimeout(() => res.end('{"data":{}}'), delays[peer]));
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
  expect(settled).toEqual(TURNS);
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
