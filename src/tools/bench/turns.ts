import { latencyWindow, load, type LatencyFigures, type LoadFigures, type Target, type WindowOptions } from './load';
import type { OpenLoopRun } from './open-loop';
import { cpuSeconds } from './proc';
import type { RunningServer } from './servers';
import { summarize } from './stats';
import { mergeWindows } from './window';

/**
 * Each peer's throughput run and latency window are measured in this many blocks, the peers taking
 * turns. One run per peer, back to back, put a drift of the shared machine (a slower minute of
 * Neo4j, a neighbour on the hypervisor) on whichever peer it fell in: P2's p50 ratio to the floor
 * read 0.87, 0.96 and 1.41 in three runs of one code path. In turns, a drift longer than a block
 * falls on every peer.
 */
export const BLOCKS = 3;

export interface Turn {
  server: RunningServer;
  target: Target;
}

/** Waits until Neo4j and the given server are idle; see proc.settle. */
export type Settle = (server: RunningServer) => Promise<void>;

/**
 * Throughput at c=8 (closed loop) for every peer, about `seconds` each in all, in `blocks` blocks
 * per peer, the peers in the same order in every round, each block after `settle`. A peer's figures
 * are its blocks' requests over their seconds, and its server's CPU over those requests.
 */
export async function throughputInTurns(
  turns: readonly Turn[],
  seconds: number,
  settle: Settle,
  blocks = BLOCKS,
): Promise<LoadFigures[]> {
  const runs: { figures: LoadFigures; cpuS: number }[][] = turns.map(() => []);
  await inTurns(turns, blocks, settle, async ({ server, target }, i) => {
    const cpuBefore = cpuSeconds(server.pid);
    // autocannon runs whole seconds: a block is rounded to the nearest (at least one).
    const figures = await load(target, { connections: 8, duration: Math.max(1, Math.round(seconds / blocks)) });
    const cpuS = cpuSeconds(server.pid) - cpuBefore;
    runs[i]?.push({ figures, cpuS });
  });
  return runs.map((blocksRun) => {
    const figures = blocksRun.map((b) => b.figures);
    const requests = figures.reduce((sum, f) => sum + f.requests, 0);
    const elapsed = figures.reduce((sum, f) => sum + (f.seconds ?? 0), 0);
    const ok = figures.reduce((sum, f) => sum + f.rps * (f.seconds ?? 0), 0);
    const cpuS = blocksRun.reduce((sum, b) => sum + b.cpuS, 0);
    return {
      requests,
      failures: figures.reduce((sum, f) => sum + f.failures, 0),
      failureKinds: mergeKinds(figures),
      rps: elapsed > 0 ? ok / elapsed : 0,
      ...(requests > 0 ? { serverCpuMs: (cpuS * 1000) / requests } : {}),
    };
  });
}

/** Open-loop latency for every peer at its own `rate` (60% of its throughput), in turns as above. */
export async function latencyInTurns(
  turns: readonly (Turn & { rate: number; window: WindowOptions })[],
  seconds: number,
  settle: Settle,
  blocks = BLOCKS,
): Promise<LatencyFigures[]> {
  const runs: OpenLoopRun[][] = turns.map(() => []);
  await inTurns(turns, blocks, settle, async (turn, i) => {
    runs[i]?.push(await latencyWindow(turn.target, turn.rate, seconds / blocks, turn.window));
  });
  return runs.map(pool);
}

async function inTurns<T extends Turn>(
  turns: readonly T[],
  blocks: number,
  settle: Settle,
  block: (turn: T, index: number) => Promise<void>,
): Promise<void> {
  for (let round = 0; round < blocks; round++) {
    for (const [i, turn] of turns.entries()) {
      await settle(turn.server);
      await block(turn, i);
    }
  }
}

/** One peer's latency blocks as one window: latencies pooled, failures and their kinds summed. */
export function pool(blocks: readonly OpenLoopRun[]): LatencyFigures {
  const latencies = blocks.flatMap((b) => b.latencies);
  const requests = blocks.reduce((sum, b) => sum + b.requests, 0);
  const failures = blocks.reduce((sum, b) => sum + b.failures, 0);
  const seconds = blocks.reduce((sum, b) => sum + (b.seconds ?? 0), 0);
  return {
    ...summarize(latencies, requests, failures, seconds || 1),
    failureKinds: mergeKinds(blocks),
    window: mergeWindows(blocks.map((b) => b.window)),
  };
}

function mergeKinds(runs: readonly LoadFigures[]): Record<string, number> {
  const kinds: Record<string, number> = {};
  for (const run of runs) {
    for (const [kind, n] of Object.entries(run.failureKinds ?? {})) kinds[kind] = (kinds[kind] ?? 0) + n;
  }
  return kinds;
}
