import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { stolenMs } from '../../src/tools/bench/proc';
import {
  databasePauses,
  describeWindow,
  mergeWindows,
  serverProbe,
  type WindowFacts,
} from '../../src/tools/bench/window';

/**
 * The benchmark's window facts: read from a server's Prometheus text around a latency window, so
 * a p99 far from its peers' can be placed (generator, machine, or server).
 */

let server: Server;
let scrapes: string[] = [];
let failing = false;

const exposition = (loopMax: number, gcSum: number, gcCount: number, gcUpTo100: number, majors = 1) =>
  [
    '# HELP nodejs_eventloop_lag_max_seconds The maximum recorded event loop delay.',
    `nodejs_eventloop_lag_max_seconds{app="kg-hyperscale"} ${loopMax}`,
    `nodejs_gc_duration_seconds_bucket{le="0.01",app="kg-hyperscale",kind="minor"} ${gcUpTo100 - majors}`,
    `nodejs_gc_duration_seconds_bucket{le="0.1",app="kg-hyperscale",kind="minor"} ${gcUpTo100 - majors}`,
    `nodejs_gc_duration_seconds_bucket{le="0.1",app="kg-hyperscale",kind="major"} ${majors}`,
    `nodejs_gc_duration_seconds_bucket{le="1",app="kg-hyperscale",kind="minor"} ${gcCount - majors}`,
    `nodejs_gc_duration_seconds_sum{app="kg-hyperscale",kind="minor"} ${gcSum / 2}`,
    `nodejs_gc_duration_seconds_sum{app="kg-hyperscale",kind="major"} ${gcSum / 2}`,
    `nodejs_gc_duration_seconds_count{app="kg-hyperscale",kind="minor"} ${gcCount - majors}`,
    `nodejs_gc_duration_seconds_count{app="kg-hyperscale",kind="major"} ${majors}`,
    '',
  ].join('\n');

beforeAll(async () => {
  server = createServer((req, res) => {
    if (failing) return void res.writeHead(404).end();
    res.end(scrapes.shift() ?? '');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  scrapes = [];
  failing = false;
});

const url = () => `http://127.0.0.1:${(server.address() as AddressInfo).port}/metrics`;

test('the server probe gives the window: the event-loop maximum at its end, GC time and long collections between', async () => {
  scrapes = [exposition(0.9, 1.5, 40, 40), exposition(0.0421, 1.62, 47, 45, 3)];
  const probe = serverProbe(url());
  probe.start();
  // 120 ms of GC in the window; 7 collections, 5 of them within 100 ms: 2 took longer. Half of
  // each sum is major: 2 major collections in the window (3 against 1), 60 ms of it.
  // The loop's longest interval, 42.1 ms, is 32.1 ms beyond the monitor's 10 ms tick.
  expect(await probe.end()).toEqual({ loopDelayMaxMs: 32.1, gcMs: 120, gcOver100ms: 2, majorGcs: 2, majorGcMs: 60 });
  // Primed first, the window reads from its own start: the priming scrape is not its baseline.
  scrapes = [exposition(5, 99, 90, 90), exposition(0.9, 1.5, 40, 40), exposition(0.0421, 1.62, 47, 45, 3)];
  await probe.prime();
  probe.start();
  expect((await probe.end())?.gcMs).toBe(120);
  // A loop never late reads the tick itself, or a hair under it: not late at all.
  scrapes = [exposition(0.9, 1.5, 40, 40), exposition(0.00998, 1.5, 40, 40)];
  probe.start();
  expect((await probe.end())?.loopDelayMaxMs).toBe(0);
});

test('a server without the figures gives none, and the run goes on', async () => {
  failing = true;
  const probe = serverProbe(url());
  probe.start();
  await expect(probe.end()).resolves.toBeUndefined();
  await expect(serverProbe('http://127.0.0.1:1/metrics').end()).resolves.toBeUndefined();
});

test('the stolen CPU is a count that only grows', () => {
  const a = stolenMs();
  const b = stolenMs();
  expect(a).toBeGreaterThanOrEqual(0);
  expect(b).toBeGreaterThanOrEqual(a);
});

test('the report line names each source of a stall', () => {
  const w = { slowestMs: 351.3, slowestAtS: 4.2, sendLagMs: 0.8, stolenMs: 12 };
  expect(describeWindow('floor', w)).toBe(
    'floor: slowest 351.3 ms (due 4.2 s in), the generator at most 0.8 ms late, 12 ms CPU stolen by the hypervisor',
  );
  const server = { loopDelayMaxMs: 310.5, gcMs: 140, gcOver100ms: 1, majorGcs: 2, majorGcMs: 120 };
  expect(describeWindow('ours', { ...w, server })).toBe(
    'ours: slowest 351.3 ms (due 4.2 s in), the generator at most 0.8 ms late, 12 ms CPU stolen by the hypervisor; ' +
      'its event loop at most 310.5 ms behind, 140 ms in GC (2 major, 120 ms; 1 over 100 ms)',
  );
  expect(describeWindow('floor', { ...w, server: { ...server, gcOver100ms: 0, majorGcs: 0, majorGcMs: 0 } })).toMatch(
    /hypervisor; its event loop at most 310.5 ms behind, 140 ms in GC$/,
  );
  const paused = (pauses: number, pauseMs: number, longestMs: number) =>
    describeWindow('floor', { ...w, database: { pauses, pauseMs, longestMs } });
  expect(paused(3, 320, 310)).toMatch(/hypervisor; 3 GC pauses in Neo4j, 320 ms in all, the longest 310 ms$/);
  expect(paused(1, 34, 34.4)).toMatch(/hypervisor; one GC pause in Neo4j, 34.4 ms$/);
  expect(paused(0, 0, 0)).toMatch(/hypervisor; no GC pause in Neo4j$/);
  expect(describeWindow('naive', { ...w, slowestMs: 0, slowestAtS: 0 })).toMatch(/^naive: no request answered, the/);
  const late = { reason: 'generator', block: 1, p99: 96.2, sendLagMs: 45.1, stolenMs: 300 } as const;
  const stolen = { reason: 'hypervisor', block: 3, p99: 231.4, sendLagMs: 2, stolenMs: 912 } as const;
  expect(describeWindow('floor', { ...w, remeasured: [late] })).toMatch(
    /hypervisor; measured again: block 1 \(the generator 45.1 ms late; its p99 96.2 ms, not kept\)$/,
  );
  expect(describeWindow('floor', { ...w, remeasured: [late, stolen] })).toMatch(
    /, block 3 \(912 ms CPU stolen; its p99 231.4 ms, not kept\)$/,
  );
  expect(describeWindow('floor', { ...w, remeasured: [] })).toMatch(/hypervisor$/);
});

test("Neo4j's pauses in a window are read from its GC log, concurrent phases left out", () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-window-'));
  const file = path.join(dir, 'gc.log');
  writeFileSync(
    file,
    [
      '[1000ms] Using G1',
      '[1500ms] GC(0) Pause Young (Normal) (G1 Evacuation Pause) 24M->4M(512M) 3.000ms',
      '[2000ms] GC(1) Pause Young (Concurrent Start) (G1 Humongous Allocation) 200M->150M(512M) 12.500ms',
      '[2001ms] GC(2) Concurrent Mark Cycle',
      '[2400ms] GC(2) Pause Remark 160M->160M(512M) 4.250ms',
      '[2600ms] GC(2) Concurrent Mark Cycle 599.123ms',
      '[3000ms] GC(3) Pause Full (G1 Compaction Pause) 400M->90M(512M) 310.000ms',
      '',
    ].join('\n'),
  );
  expect(databasePauses(file, 1900, 2700)).toEqual({ pauses: 2, pauseMs: 17, longestMs: 12.5 });
  expect(databasePauses(file, 0, 5000)).toEqual({ pauses: 4, pauseMs: 330, longestMs: 310 });
  rmSync(dir, { recursive: true, force: true });
  expect(databasePauses(path.join(tmpdir(), 'no-such-gc.log'), 0, 1)).toBeUndefined();
});

test('a window measured in blocks keeps its worst request and block, and sums what adds up', () => {
  const block = (slowestMs: number, slowestAtS: number, extra: Partial<WindowFacts> = {}): WindowFacts => ({
    slowestMs,
    slowestAtS,
    sendLagMs: slowestMs / 10,
    stolenMs: 5,
    server: { loopDelayMaxMs: slowestMs / 2, gcMs: 100, gcOver100ms: 1, majorGcs: 1, majorGcMs: 30 },
    database: { pauses: 2, pauseMs: 10, longestMs: slowestMs / 20 },
    ...extra,
  });
  const merged = mergeWindows([block(20, 1.5), block(90, 0.4), block(40, 3)]);
  expect(merged).toEqual({
    slowestMs: 90,
    slowestAtS: 0.4,
    blocks: 3,
    slowestBlock: 2,
    sendLagMs: 9,
    stolenMs: 15,
    server: { loopDelayMaxMs: 45, gcMs: 300, gcOver100ms: 3, majorGcs: 3, majorGcMs: 90 },
    database: { pauses: 6, pauseMs: 30, longestMs: 4.5 },
  });
  expect(describeWindow('ours', merged)).toMatch(/^ours: slowest 90 ms \(due 0.4 s into block 2 of 3\), the generator/);
  // A block without the server's figures (its /metrics did not answer): none, rather than a part.
  const partial = mergeWindows([block(20, 1), block(30, 1, { server: undefined, database: undefined })]);
  expect(partial.server).toBeUndefined();
  expect(partial.database).toBeUndefined();
  expect(() => mergeWindows([])).toThrow(RangeError);
});
