import { latencyWindow, type LatencyFigures, type Target, type WindowOptions } from './load';
import type { OpenLoopRun } from './open-loop';
import type { RunningServer } from './servers';
import { summarize } from './stats';
import { mergeWindows } from './window';

/**
 * Each peer's latency window is measured in this many blocks, the peers taking turns. One window
 * per peer, back to back, put a drift of the shared machine (a slower minute of Neo4j, a neighbour
 * on the hypervisor) on whichever peer it fell in: P2's p50 ratio to the floor read 0.87, 0.96 and
 * 1.41 in three runs of one code path. In turns, a drift longer than a block falls on every peer.
 */
export const LATENCY_BLOCKS = 3;

export interface Turn {
  server: RunningServer;
  target: Target;
  /** Requests per second: 60% of the peer's own throughput. */
  rate: number;
  window: WindowOptions;
}

/**
 * Open-loop latency for every peer, `seconds` each in all, in `blocks` blocks per peer, the peers
 * in the same order in every round, each block after `settle` (the previous peer's backlog gone).
 * Each peer's figures are its blocks' latencies pooled.
 */
export async function latencyInTurns(
  turns: readonly Turn[],
  seconds: number,
  settle: (server: RunningServer) => Promise<void>,
  blocks = LATENCY_BLOCKS,
): Promise<LatencyFigures[]> {
  const runs: OpenLoopRun[][] = turns.map(() => []);
  for (let round = 0; round < blocks; round++) {
    for (const [i, turn] of turns.entries()) {
      await settle(turn.server);
      runs[i]?.push(await latencyWindow(turn.target, turn.rate, seconds / blocks, turn.window));
    }
  }
  return runs.map(pool);
}

/** One peer's blocks as one window: latencies pooled, failures and their kinds summed. */
export function pool(blocks: readonly OpenLoopRun[]): LatencyFigures {
  const latencies = blocks.flatMap((b) => b.latencies);
  const requests = blocks.reduce((sum, b) => sum + b.requests, 0);
  const failures = blocks.reduce((sum, b) => sum + b.failures, 0);
  // Each block's measured seconds, from its answered requests and its rate.
  const seconds = blocks.reduce((sum, b) => sum + (b.rps > 0 ? b.latencies.length / b.rps : 0), 0);
  const failureKinds: Record<string, number> = {};
  for (const b of blocks) {
    for (const [kind, n] of Object.entries(b.failureKinds ?? {})) failureKinds[kind] = (failureKinds[kind] ?? 0) + n;
  }
  return {
    ...summarize(latencies, requests, failures, seconds || 1),
    failureKinds,
    window: mergeWindows(blocks.map((b) => b.window)),
  };
}
