import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { warmUntilSteady } from '../../src/tools/bench/load';

/**
 * Before P1, the benchmark loads Neo4j until its throughput is steady: a database that has just
 * written the graph serves its first reads far slower, and the first peer measured paid for it.
 */

let server: Server;
let warmingUntil = 0;

beforeAll(async () => {
  server = createServer((req, res) => {
    req.resume();
    req.once('end', () => {
      // Slow (8 ms) while "warming", then 1 ms: throughput rises, then stays flat.
      const delay = performance.now() < warmingUntil ? 8 : 1;
      setTimeout(() => res.writeHead(200, { 'content-type': 'application/json' }).end('{}'), delay);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const target = () => ({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, body: () => '{}' });

test('keeps loading while throughput rises, and stops once it is flat', async () => {
  warmingUntil = performance.now() + 2200;
  const warm = await warmUntilSteady(target(), { windowSeconds: 1, maxSeconds: 10, concurrency: 2, tolerance: 0.25 });
  expect(warm.seconds).toBeGreaterThanOrEqual(4); // the rise (2.2 s), then two flat windows
  expect(warm.seconds).toBeLessThan(10);
  expect(warm.last).toBeGreaterThan(warm.first * 2);
});

test('a server already steady is warmed for three windows only', async () => {
  warmingUntil = 0;
  const warm = await warmUntilSteady(target(), { windowSeconds: 1, maxSeconds: 10, concurrency: 2, tolerance: 0.25 });
  expect(warm.seconds).toBe(3);
});
