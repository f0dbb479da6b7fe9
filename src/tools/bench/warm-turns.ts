import type { Target } from './load';
import { sequentialTimes } from './sequential';
import { Steadiness } from './stats';

/** How sequential peers (P4) are warmed before they are timed. */
export interface WarmRule {
  /** Passes per peer at least (what a fixed warm-up gave before). */
  minPasses: number;
  /** No turn is begun that would end past this (judged by the last turn), steady or not: the run's 30 minutes hold P4 at two sizes. */
  maxSeconds: number;
  /** A pass this much faster than the peer's best before it means it is still warming. */
  tolerance: number;
}

export const P4_WARM: WarmRule = { minPasses: 5, maxSeconds: 24, tolerance: 0.05 };

export interface Warmed {
  /** Passes each peer got. */
  passes: number;
  /** Whether every peer had stopped getting faster (false: the time ran out first). */
  steady: boolean;
  seconds: number;
}

/** One untimed pass of `amount` sequential requests; the mean latency of its answers, ms (0: none). */
export async function passMean(target: Target, amount: number): Promise<number> {
  const { latencies } = await sequentialTimes(target, amount);
  return latencies.reduce((sum, ms) => sum + ms, 0) / Math.max(1, latencies.length);
}

/**
 * Untimed passes over the inputs, the peers taking turns, until every peer has stopped getting
 * faster (two passes in a row within `tolerance` of its best before them), after `minPasses` each
 * and within `maxSeconds` for all (time wins over `minPasses`; one pass each at least).
 *
 * Why not a fixed count: a server process that has not run an operation before keeps getting
 * faster at it for thousands of requests, longer than five passes of 200. In the lab (a fresh
 * server, 1e5 graph, windows of 200 sequential requests), our server's CPU per 2-hop request went
 * 3,300 → 2,300 → 1,600 → 1,000 µs over its first 2,200, and the floor's 1,800 → 1,100 → 600 µs
 * over 3,000: the peer with more of its own code warms longer, so a verdict taken partway
 * measured warming rather than serving. Taking turns also lets a drift of the machine during the
 * warm-up fall on every peer.
 */
export async function warmInTurns(
  peers: readonly { target: Target }[],
  amount: number,
  rule: WarmRule = P4_WARM,
  runPass: (target: Target, amount: number) => Promise<number> = passMean,
  now: () => number = () => performance.now(),
): Promise<Warmed> {
  const started = now();
  const steadiness = peers.map(() => new Steadiness(rule.tolerance, 'lower'));
  for (let passes = 1; ; passes++) {
    const turnStarted = now();
    for (const [i, peer] of peers.entries()) steadiness[i]?.add(await runPass(peer.target, amount));
    const elapsedMs = now() - started;
    const steady = steadiness.every((s) => s.flat >= 2);
    // No turn is begun that would end past the bound, judged by the turn just run: at 1e6 one turn
    // of a 3-hop neighbourhood takes about 9 s, and finishing it anyway overran the bound by a third.
    const nextEndMs = elapsedMs + (now() - turnStarted);
    if ((passes >= rule.minPasses && steady) || nextEndMs > rule.maxSeconds * 1000) {
      return { passes, steady, seconds: elapsedMs / 1000 };
    }
  }
}
