import { Agent, request } from 'node:http';
import type { LoadFigures, Target } from './load';

/**
 * Latency under an open arrival rate, written here because autocannon's rate option is not one:
 * it gives each connection a quota per second, and a connection sends closed-loop until its quota
 * is spent, then waits for the next second. Arrivals then come in a burst at the start of every
 * second, and the latencies are those of a closed loop at full concurrency (in our runs p50 was
 * 5–7 ms for a 1 ms lookup at 60% load, for every server alike).
 *
 * Here request i is due at start + i / rate, whatever is still outstanding, and its latency runs
 * from that due time to the end of its answer. A stall on the server (or here) therefore delays
 * every request due during it, as it would delay real users: no coordinated omission.
 */

export interface OpenLoopOptions {
  /** Requests per second. */
  rate: number;
  seconds: number;
  /** Longest wait for one answer, and for the last answers once the schedule is over, before they count as failed. */
  timeoutMs?: number;
}

/** Percentile by rank on sorted values (nearest rank). */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] as number;
}

const round2 = (x: number): number => Math.round(x * 100) / 100;

export async function openLoop(target: Target, options: OpenLoopOptions): Promise<LoadFigures> {
  const { rate, seconds, timeoutMs = 30_000 } = options;
  const total = Math.max(1, Math.round(rate * seconds));
  const interval = 1000 / rate;
  // Sockets are opened as outstanding requests need them and kept for the next ones.
  const agent = new Agent({ keepAlive: true, maxSockets: 512 });
  const url = new URL(target.url);
  const latencies: number[] = [];
  let failures = 0;
  let done = 0;
  const start = performance.now() + 20;

  const finished = new Promise<void>((resolve) => {
    const settle = (): void => {
      if (++done === total) resolve();
    };
    const send = (due: number): void => {
      const body = target.body();
      const req = request(
        url,
        {
          method: 'POST',
          agent,
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
          timeout: timeoutMs,
        },
        (res) => {
          res.resume();
          res.once('end', () => {
            if (res.statusCode !== undefined && res.statusCode < 300) latencies.push(performance.now() - due);
            else failures++;
            settle();
          });
        },
      );
      req.once('timeout', () => req.destroy(new Error('timeout')));
      req.once('error', () => {
        failures++;
        settle();
      });
      req.end(body);
    };
    let next = 0;
    const pump = (): void => {
      const now = performance.now();
      // Everything due by now goes out, in order; a late timer sends what it owes at once.
      while (next < total && start + next * interval <= now) send(start + next++ * interval);
      if (next < total) setTimeout(pump, Math.max(0, start + next * interval - performance.now()));
      // A server that cannot keep up must not hold the run: what is still out then fails.
      else setTimeout(() => agent.destroy(), timeoutMs).unref();
    };
    setTimeout(pump, Math.max(0, start - performance.now()));
  });
  await finished;
  const elapsedS = (performance.now() - start) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return {
    requests: total,
    failures,
    rps: latencies.length / elapsedS,
    p50: round2(percentile(latencies, 50)),
    p99: round2(percentile(latencies, 99)),
    mean: round2(latencies.reduce((sum, x) => sum + x, 0) / Math.max(1, latencies.length)),
  };
}
