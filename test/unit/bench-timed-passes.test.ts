import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describeTimed, timedPasses } from '../../src/tools/bench/timed-passes';

/**
 * P4's timed passes: at least the rule's minimum, more while a pass still fits in its time, never
 * more than its maximum; with each server's CPU per request and the stolen CPU over them.
 */

let server: Server;
let requests = 0;
/** CPU each answer burns before it is sent (ms of this process's CPU time, not of the clock). */
let burnMs = 0;

function burn(ms: number): void {
  const start = process.cpuUsage();
  for (;;) {
    const used = process.cpuUsage(start);
    if ((used.user + used.system) / 1000 >= ms) return;
  }
}

beforeAll(async () => {
  server = createServer((req, res) => {
    req.resume();
    req.once('end', () => {
      requests++;
      burn(burnMs);
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"data":{}}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  requests = 0;
  burnMs = 0;
});

const peer = () => ({
  target: { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, body: () => '{}' },
  pid: process.pid,
});

/** A clock that moves `stepMs` each time it is read. */
const ticking = (stepMs: number) => {
  let t = 0;
  return () => (t += stepMs);
};

test('short passes go on to the maximum', async () => {
  const { pooled, facts } = await timedPasses([peer(), peer()], 4, { minPasses: 2, maxPasses: 6, seconds: 3600 });
  expect(facts.passes).toBe(6);
  expect(requests).toBe(2 * 4 * 6);
  expect(pooled.map((p) => [p.latencies.length, p.failures])).toEqual([
    [24, 0],
    [24, 0],
  ]);
});

test('long passes stop at the minimum', async () => {
  // 10 s between clock reads: the first pass already judges the next to end past 12 s.
  const { facts } = await timedPasses([peer()], 3, { minPasses: 2, maxPasses: 6, seconds: 12 }, ticking(10_000));
  expect(facts.passes).toBe(2);
  expect(requests).toBe(6);
});

test('no pass past the minimum is begun that would end past the time, judged by the pass before', async () => {
  // Clock reads 2 s apart (the start, then each pass's start and end): each pass takes 2 s, with 2 s
  // between passes. After the second, 8 s have gone and the third would end at 10 s: begun; after
  // the third, 12 s, and a fourth would end at 14 s: not begun.
  const { facts } = await timedPasses([peer()], 2, { minPasses: 1, maxPasses: 10, seconds: 12 }, ticking(2_000));
  expect(facts.passes).toBe(3);
  expect(requests).toBe(6);
});

test("each server's CPU per request and the stolen CPU are read over the timed passes", async () => {
  burnMs = 1;
  const { facts } = await timedPasses([peer(), peer()], 50, { minPasses: 1, maxPasses: 1, seconds: 0 });
  // Both "servers" are this process, which burnt 1 ms of CPU per answer for each of 100 requests:
  // 100 ms over 50 requests per peer, read from /proc in 10 ms ticks.
  expect(facts.cpuMsPerRequest).toHaveLength(2);
  for (const ms of facts.cpuMsPerRequest) expect(ms).toBeGreaterThanOrEqual(1.6);
  // The burning is JavaScript on the main thread: it shows there too, and the whole process has at least as much.
  expect(facts.mainThreadMsPerRequest).toHaveLength(2);
  facts.mainThreadMsPerRequest.forEach((ms, i) => {
    expect(ms).toBeGreaterThanOrEqual(1.6);
    expect(ms).toBeLessThanOrEqual((facts.cpuMsPerRequest[i] as number) + 0.2);
  });
  expect(facts.stolenMs).toBeGreaterThanOrEqual(0);
  expect(facts.seconds).toBeGreaterThan(0);
});

test('the facts read as one line, the peers in their order', () => {
  const line = describeTimed({
    passes: 8,
    seconds: 11.4,
    cpuMsPerRequest: [1.561, 1.53],
    mainThreadMsPerRequest: [1.47, 1.2],
    stolenMs: 70.2,
  });
  expect(line).toBe(
    '8 timed passes in 11 s, server CPU per request 1.56 / 1.53 ms, main thread 1.47 / 1.2 ms, 70 ms stolen',
  );
});
