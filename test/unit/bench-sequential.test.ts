import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sequential } from '../../src/tools/bench/sequential';
import { alternatingLatency, type Peer } from '../../src/tools/bench/measure';
import type { RunningServer } from '../../src/tools/bench/servers';

/**
 * P4's sequential latency: one request at a time, timed in fractions of a millisecond. Short
 * answers are what P4's shortest path consists of; a whole-millisecond histogram read them as 0.
 */

let server: Server;
let delayMs = 0;
let status = 200;
let inFlight = 0;
let mostInFlight = 0;

beforeAll(async () => {
  server = createServer((req, res) => {
    mostInFlight = Math.max(mostInFlight, ++inFlight);
    req.resume();
    req.once('end', () => {
      const answer = () => {
        inFlight--;
        res.writeHead(status, { 'content-type': 'application/json' }).end('{"data":{}}');
      };
      if (delayMs > 0) setTimeout(answer, delayMs);
      else answer();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  delayMs = 0;
  status = 200;
  mostInFlight = 0;
});

const target = () => ({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, body: () => '{}' });

test('sub-millisecond answers are timed as such, not rounded down to 0 ms', async () => {
  const figures = await sequential(target(), 200);
  expect(figures.failures).toBe(0);
  expect(figures.requests).toBe(200);
  expect(figures.mean).toBeGreaterThan(0);
  expect(figures.p50).toBeGreaterThan(0);
  expect(mostInFlight).toBe(1);
});

test('the mean follows the answer time and requests go one at a time', async () => {
  delayMs = 8;
  const figures = await sequential(target(), 20);
  expect(figures.failures).toBe(0);
  expect(figures.mean).toBeGreaterThanOrEqual(8);
  expect(figures.p50).toBeGreaterThanOrEqual(8);
  expect(figures.rps).toBeLessThanOrEqual(1000 / 8);
  expect(mostInFlight).toBe(1);
});

test('error answers count as failures and stay out of the latencies', async () => {
  status = 500;
  const figures = await sequential(target(), 10);
  expect(figures.failures).toBe(10);
  expect(figures.mean).toBe(0);
});

describe('alternating latency (P4)', () => {
  const servers: Server[] = [];
  const seen: string[] = [];
  const listen = async (name: string): Promise<RunningServer> => {
    const s = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.once('end', () => {
        seen.push(`${name}:${body}`);
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"data":{}}');
      });
    });
    servers.push(s);
    await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
    const port = (s.address() as AddressInfo).port;
    return { name, pid: process.pid, baseUrl: `http://127.0.0.1:${port}`, stop: async () => undefined };
  };
  afterAll(() => Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve)))));

  test('the peers take turns at warm passes over all inputs, then at each timed input and at going first', async () => {
    const inputs = ['i0', 'i1', 'i2', 'i3', 'i4', 'i5', 'i6', 'i7'];
    const peer = async (name: string): Promise<Peer> => {
      const server = await listen(name);
      let i = 0;
      return { name, server, target: { url: `${server.baseUrl}/`, body: () => inputs[i++ % inputs.length] as string } };
    };
    const settled: string[] = [];
    // No time for more than one warm pass each (warm-turns.test.ts has the stopping rule).
    const rule = { minPasses: 5, maxSeconds: 0, tolerance: 0.05 };
    const {
      figures,
      warmed,
      timed: facts,
    } = await alternatingLatency(
      [await peer('a'), await peer('b')],
      8,
      async (s) => {
        settled.push(s.name);
      },
      rule,
      { minPasses: 2, maxPasses: 2, seconds: 0 },
    );
    expect(figures.map((f) => [f.requests, f.failures, f.mean > 0])).toEqual([
      [16, 0, true],
      [16, 0, true],
    ]);
    expect(warmed.passes).toBe(1);
    expect(facts.passes).toBe(2);
    // Both servers are this process: its CPU per request is read for each peer.
    expect(facts.cpuMsPerRequest).toHaveLength(2);
    for (const ms of facts.cpuMsPerRequest) expect(Number.isFinite(ms) && ms >= 0).toBe(true);
    expect(settled).toEqual(['a', 'b']);
    // One answer to verify for each peer, a warm pass of 8 each; then two timed passes, input by
    // input, the first peer changing from input to input: a b, b a, a b, ...
    const runs = (names: string[]) =>
      names
        .join('')
        .replace(/(.)\1*/g, (run) => `${run[0]}${run.length} `)
        .trim();
    const peers = seen.map((s) => s.split(':')[0] as string);
    expect(runs(peers.slice(0, 18))).toBe('a1 b1 a8 b8');
    const timed = seen.slice(18);
    expect(timed).toHaveLength(32);
    expect(runs(timed.map((s) => s.split(':')[0] as string))).toBe(`a1 ${'b2 a2 '.repeat(7)}b2 a1`);
    // Both requests of a step carry the same input.
    for (let step = 0; step < 16; step++) {
      const [first, second] = timed.slice(step * 2, step * 2 + 2).map((s) => s.split(':'));
      expect(first?.[0]).not.toBe(second?.[0]);
      expect(first?.[1]).toBe(second?.[1]);
    }
    const inputsOf = (name: string) => timed.filter((s) => s.startsWith(`${name}:`)).map((s) => s.split(':')[1]);
    expect(inputsOf('a')).toEqual(inputsOf('b'));
    // Each input twice (the order starts one on: verifying an answer took the first).
    expect(inputsOf('a').sort()).toEqual([...inputs, ...inputs].sort());
  });
});
