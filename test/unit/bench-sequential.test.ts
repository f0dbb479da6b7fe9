import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sequential } from '../../src/tools/bench/sequential';

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
