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

/** The latencies (ms), failures and seconds of `amount` sequential requests, for callers that pool several runs. */
export async function sequentialTimes(target: Target, amount: number, timeoutMs = 30_000): Promise<PairedPeerTimes> {
  const [times] = await pairedTimes([target], amount, timeoutMs);
  return times as PairedPeerTimes;
}

/** What one target of `pairedTimes` got: its latencies (ms), failures, and the seconds its requests took. */
export interface PairedPeerTimes {
  latencies: number[];
  failures: number;
  seconds: number;
}

/**
 * `amount` inputs, each sent to every target in turn before the next input is sent to any, the
 * first target changing from one input to the next (with two: a b, b a, a b, ...); each target on
 * its own keep-alive connection, one request at a time. The targets must replay the same inputs in
 * the same order, so the requests of one step carry the same input. With one target, `amount`
 * sequential requests.
 *
 * Why input by input (P4): the machine is shared (a hypervisor that takes a core for seconds,
 * Neo4j's collector, the other server's leftovers), and whatever slows a stretch of time slows
 * both requests of a pair, sent a few milliseconds apart. In blocks of 50 a slow stretch fell on
 * one peer's block. Lab (the 1e5 graph, ours and the floor, runs of 5 passes of 200 inputs, the
 * two methods in turn), the standard deviation over runs of the ratio of the means, input by input
 * against in blocks: shortest path 0.062 against 0.102 (8 runs each) and 0.055 against 0.123 (10),
 * 2-hop 0.035 against 0.054 (10), 3-hop 0.015 against 0.033 (8). The mean ratios moved both ways
 * (path 1.09 against 1.13 and 1.06 against 1.15; 2-hop 1.07 against 1.08; 3-hop 1.06 against
 * 1.03). Going first alternates because the second request of a pair finds Neo4j just through
 * the same input.
 */
export async function pairedTimes(targets: Target[], amount: number, timeoutMs = 30_000): Promise<PairedPeerTimes[]> {
  const lanes = targets.map((target) => ({
    target,
    url: new URL(target.url),
    agent: new Agent({ keepAlive: true, maxSockets: 1 }),
    times: { latencies: [], failures: 0, seconds: 0 } as PairedPeerTimes,
  }));
  try {
    for (let step = 0; step < amount; step++) {
      for (let k = 0; k < lanes.length; k++) {
        const { target, url, agent, times } = lanes[(step + k) % lanes.length] as (typeof lanes)[number];
        const body = target.body();
        const sent = performance.now();
        const ok = await new Promise<boolean>((resolve) => post(agent, url, body, timeoutMs, resolve));
        const ms = performance.now() - sent;
        times.seconds += ms / 1000;
        if (ok) times.latencies.push(ms);
        else times.failures++;
      }
    }
  } finally {
    for (const lane of lanes) lane.agent.destroy();
  }
  return lanes.map((lane) => lane.times);
}
