import { Agent } from 'node:http';
import type { LatencyFigures, Target } from './load';
import { post } from './http-post';
import { summarize } from './stats';

/**
 * `amount` requests one after another on one keep-alive connection, each timed from its send to
 * the end of its answer. Written here because autocannon records latencies in an integer
 * histogram: a 0.7 ms answer counts as 0 ms and a 1.3 ms one as 1 ms, so the mean of short
 * sequential requests (P4's shortest path, 1 ms raw) came out truncated, and their ratios with it.
 */
export async function sequential(target: Target, amount: number, timeoutMs = 30_000): Promise<LatencyFigures> {
  const started = performance.now();
  const { latencies, failures } = await sequentialTimes(target, amount, timeoutMs);
  return summarize(latencies, amount, failures, (performance.now() - started) / 1000);
}

/** The latencies (ms) and failures of `amount` sequential requests, for callers that pool several runs. */
export async function sequentialTimes(
  target: Target,
  amount: number,
  timeoutMs = 30_000,
): Promise<{ latencies: number[]; failures: number }> {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const url = new URL(target.url);
  const latencies: number[] = [];
  let failures = 0;
  try {
    for (let i = 0; i < amount; i++) {
      const sent = performance.now();
      const ok = await new Promise<boolean>((resolve) => post(agent, url, target.body(), timeoutMs, resolve));
      if (ok) latencies.push(performance.now() - sent);
      else failures++;
    }
  } finally {
    agent.destroy();
  }
  return { latencies, failures };
}
