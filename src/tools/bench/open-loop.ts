import { Agent } from 'node:http';
import { post } from './http-post';
import type { LatencyFigures, Target } from './load';
import { round, summarize } from './stats';
import { stolenMs } from './proc';
import type { WindowFacts } from './window';

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
  /**
   * Seconds sent at the same rate before the measured ones, and not counted. The agent starts with
   * no sockets and opens one per outstanding request; without this, the first tenth of a second
   * (new connections, each server's first accepts) was the run's p99 for every server.
   */
  warmUpSeconds?: number;
  /** Called as the first measured request goes out (window.ts: a server probe starts there). */
  onMeasuredStart?: () => void;
}

/** Request 0 is due this long after the call, so that the first sends do not start late. */
export const OPEN_LOOP_LEAD_MS = 20;

/** A window's figures, where its stall came from, and its latencies (ms, sorted) for pooling windows. */
export type OpenLoopRun = LatencyFigures & { window: WindowFacts; latencies: number[] };

export async function openLoop(target: Target, options: OpenLoopOptions): Promise<OpenLoopRun> {
  const { rate, seconds, timeoutMs = 30_000, warmUpSeconds = 0, onMeasuredStart } = options;
  const unmeasured = Math.round(rate * warmUpSeconds);
  const measured = Math.max(1, Math.round(rate * seconds));
  const total = unmeasured + measured;
  const interval = 1000 / rate;
  // Sockets are opened as outstanding requests need them and kept for the next ones.
  const agent = new Agent({ keepAlive: true, maxSockets: 512 });
  const url = new URL(target.url);
  const latencies: number[] = [];
  let failures = 0;
  const failureKinds: Record<string, number> = {};
  let done = 0;
  const start = performance.now() + OPEN_LOOP_LEAD_MS;
  const measuredFrom = start + unmeasured * interval;
  let deadline: NodeJS.Timeout | undefined;
  // Where a stall was: the slowest request, and how late the generator itself sent.
  let slowest = 0;
  let slowestDue = measuredFrom;
  let sendLag = 0;
  let stolenBefore = 0;

  const finished = new Promise<void>((resolve) => {
    const settle = (): void => {
      if (++done === total) resolve();
    };
    const send = (due: number): void => {
      post(agent, url, target.body(), timeoutMs, (ok, failure) => {
        // A warm-up request counts as neither a latency nor a failure.
        if (due >= measuredFrom) {
          if (ok) {
            const latency = performance.now() - due;
            latencies.push(latency);
            if (latency > slowest) [slowest, slowestDue] = [latency, due];
          } else {
            failures++;
            const kind = failure ?? 'unknown';
            failureKinds[kind] = (failureKinds[kind] ?? 0) + 1;
          }
        }
        settle();
      });
    };
    let next = 0;
    const pump = (): void => {
      const now = performance.now();
      // Everything due by now goes out, in order; a late timer sends what it owes at once.
      while (next < total && start + next * interval <= now) {
        const due = start + next++ * interval;
        if (due >= measuredFrom) sendLag = Math.max(sendLag, performance.now() - due);
        if (next === unmeasured + 1) {
          stolenBefore = stolenMs();
          onMeasuredStart?.();
        }
        send(due);
      }
      if (next < total) setTimeout(pump, Math.max(0, start + next * interval - performance.now()));
      // A server that cannot keep up must not hold the run: what is still out then fails.
      else deadline = setTimeout(() => agent.destroy(), timeoutMs);
    };
    setTimeout(pump, Math.max(0, start - performance.now()));
  });
  await finished;
  const stolen = stolenMs() - stolenBefore;
  clearTimeout(deadline);
  // At least the schedule's length: a window of one request (the naive peer's, at 0.12 req/s) ends
  // with its answer, and its rate is the schedule's, not one over that answer's time.
  const elapsedS = Math.max((performance.now() - measuredFrom) / 1000, measured / rate);
  agent.destroy();
  const window: WindowFacts = {
    slowestMs: round(slowest, 1),
    slowestAtS: round((slowestDue - measuredFrom) / 1000, 1),
    sendLagMs: round(sendLag, 1),
    stolenMs: Math.round(stolen),
  };
  return { ...summarize(latencies, measured, failures, elapsedS), seconds: elapsedS, failureKinds, window, latencies };
}
