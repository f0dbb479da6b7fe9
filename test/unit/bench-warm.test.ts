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
      // Slow (200 ms) while "warming", then 20 ms: throughput rises tenfold, then stays flat. Both
      // are timers long enough that the answer's own CPU and a busy machine's late timers are a
      // small part of them. With 1 ms after 50 ms, the flat part's throughput was mostly CPU (this
      // server and the load generator share the test's process), so it followed the load of the
      // other test workers, and a rise of more than the 25% tolerance restarts the count of flat
      // windows. With a slow phase of 8 ms, the rise once measured under 25% in CI.
      const delay = performance.now() < warmingUntil ? 200 : 20;
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

/** The stopping rule, fed the windows' throughputs: exact counts, free of the machine's noise. */
const fed = (rates: number[]) => {
  const queue = [...rates];
  return async () => queue.shift() ?? 0;
};
const options = { windowSeconds: 1, maxSeconds: 10, tolerance: 0.25 };

test('a server already steady is warmed for three windows only', async () => {
  const warm = await warmUntilSteady(target(), options, fed([1000, 1100, 950]));
  expect(warm).toEqual({ seconds: 3, first: 1000, last: 950 });
});

test('a window faster than the tolerance starts the count of flat windows again', async () => {
  const warm = await warmUntilSteady(target(), options, fed([600, 1000, 1100, 1400, 1450, 1500]));
  expect(warm).toEqual({ seconds: 6, first: 600, last: 1500 });
});

test('a server that never settles is warmed for the longest time allowed, and no longer', async () => {
  const warm = await warmUntilSteady(
    target(),
    options,
    fed([100, 200, 300, 400, 600, 800, 1100, 1500, 2000, 3000, 4000]),
  );
  expect(warm).toEqual({ seconds: 10, first: 100, last: 3000 });
});
