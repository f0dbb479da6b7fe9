import { cpus } from 'node:os';
import { latencyWindow, load, type LatencyFigures, type LoadFigures, type Target, type WindowOptions } from './load';
import type { OpenLoopRun } from './open-loop';
import { cpuSeconds } from './proc';
import type { RunningServer } from './servers';
import { summarize } from './stats';
import { mergeWindows, REASONS, type DroppedBlock, type Reason } from './window';

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
 *
 * With `amount`, a block is that many requests, answered, instead of a time: for a peer that
 * answers slower than a block lasts (the naive peer, seconds per request at c=8), a timed block
 * ends with its requests unanswered, which the server then works through while the next block
 * waits for it to settle (up to 30 s each in the 9285b26 run).
 */
export async function throughputInTurns(
  turns: readonly Turn[],
  seconds: number,
  settle: Settle,
  blocks = BLOCKS,
  amount?: number,
): Promise<LoadFigures[]> {
  const runs: { figures: LoadFigures; cpuS: number }[][] = turns.map(() => []);
  await inTurns(turns, blocks, settle, async ({ server, target }, i) => {
    const cpuBefore = cpuSeconds(server.pid);
    // autocannon runs whole seconds: a block is rounded to the nearest (at least one).
    const duration = Math.max(1, Math.round(seconds / blocks));
    const figures = await load(target, { connections: 8, ...(amount ? { amount } : { duration }) });
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

/**
 * Blocks a peer may have measured again per round of BLOCKS blocks of a window (see againBecause),
 * the same for every peer: a window of more rounds (P1's) meets more of the stalls that set one
 * aside, and keeps the same share of its blocks open to being measured again.
 */
export const REMEASURES_PER_ROUND = 2;

/** The blocks a peer may have measured again in a window of `blocks` blocks. */
export function remeasureAllowance(blocks: number): number {
  return Math.ceil((REMEASURES_PER_ROUND * blocks) / BLOCKS);
}

/**
 * Whether the generator's own lateness could have decided a block's p99. The load generator shares
 * Neo4j's core (run.ts), and when Neo4j's collector or the hypervisor takes that core the generator
 * sends late; the requests due meanwhile are timed from when they were due, so that delay counts
 * as the server's. A lag of L ms reaches about L x rate requests, and a block's p99 is its slowest
 * hundredth, rate x seconds / 100: a lag longer than a hundredth of the block can be the whole p99,
 * at any rate. Below 10 ms is timer noise and never counts.
 *
 * Measured: in P1 of the 9285b26 run, ours' slowest request (171.6 ms, p99 125 ms against the
 * floor's 13) came in a block where the generator sent up to 79.7 ms late during a 44 ms pause of
 * Neo4j's collector; the run before, the floor's p99 (156.5 ms) had the stall instead.
 */
export function generatorLate(run: OpenLoopRun, blockSeconds: number): boolean {
  return run.window.sendLagMs > Math.max(10, blockSeconds * 10);
}

/**
 * The share of the machine's CPU time (every core, over the block) the hypervisor may take before
 * a block measures the host rather than the server. Lab, after the cd0aabf run: ours and the floor
 * on the 1e5 graph, six P1 windows of 10 s each at 60% of its own maximum, in turns. Where the
 * hypervisor took up to a tenth of the machine (2 s of 20), the p99 was 13-38 ms for both; from
 * 2.9 s on, 34-211 ms, each server's worst in its most stolen window (ours 211 ms with 7.6 s taken,
 * the floor 189 ms with 6.0 s). In the cd0aabf run's P1 miss (ours 274.5 ms against the floor's
 * 30.7) 910 ms were taken over ours' three blocks of 3.3 s: 14% of the machine in one block if all
 * fell there, 4.5% if spread evenly (the stolen time was then summed per window only).
 */
export const STOLEN_SHARE = 0.1;

/** Whether the hypervisor took more than STOLEN_SHARE of the machine's CPU time during the block. */
export function hostStole(run: OpenLoopRun, blockSeconds: number, cores = cpus().length): boolean {
  const machineMs = cores * (run.seconds ?? blockSeconds) * 1000;
  return run.window.stolenMs > STOLEN_SHARE * machineMs;
}

/**
 * Why a block cannot stand for its server's latency, if it cannot, of the reasons the window heeds:
 * the generator first, then the host.
 */
export function againBecause(
  run: OpenLoopRun,
  blockSeconds: number,
  heeded: readonly Reason[] = REASONS,
): Reason | undefined {
  if (heeded.includes('generator') && generatorLate(run, blockSeconds)) return 'generator';
  if (heeded.includes('hypervisor') && hostStole(run, blockSeconds)) return 'hypervisor';
  return undefined;
}

/**
 * Open-loop latency for every peer at its own `rate` (60% of its throughput), in turns as above. A
 * block that cannot stand for its server (againBecause: the generator sent late, or the hypervisor
 * took more than STOLEN_SHARE of the machine) is measured again at once, up to remeasureAllowance
 * times per peer, the same allowance for every peer; each block set aside is kept in the window's
 * facts with its reason and its own p99 for the report, and a block is kept, whatever it held,
 * once the allowance is spent. `heeded` names the reasons this window measures again for.
 */
export async function latencyInTurns(
  turns: readonly (Turn & { rate: number; window: WindowOptions })[],
  seconds: number,
  settle: Settle,
  blocks = BLOCKS,
  heeded: readonly Reason[] = REASONS,
): Promise<LatencyFigures[]> {
  const runs: OpenLoopRun[][] = turns.map(() => []);
  const dropped: DroppedBlock[][] = turns.map(() => []);
  const blockSeconds = seconds / blocks;
  const allowance = remeasureAllowance(blocks);
  await inTurns(turns, blocks, settle, async (turn, i) => {
    const setAside = dropped[i] ?? [];
    let run = await latencyWindow(turn.target, turn.rate, blockSeconds, turn.window);
    let reason = againBecause(run, blockSeconds, heeded);
    while (reason && setAside.length < allowance) {
      const { p99, window } = run;
      setAside.push({
        reason,
        block: (runs[i]?.length ?? 0) + 1,
        p99,
        sendLagMs: window.sendLagMs,
        stolenMs: window.stolenMs,
      });
      await settle(turn.server);
      run = await latencyWindow(turn.target, turn.rate, blockSeconds, turn.window);
      reason = againBecause(run, blockSeconds, heeded);
    }
    runs[i]?.push(run);
  });
  return runs.map((blocksRun, i) => {
    const figures = pool(blocksRun);
    const setAside = dropped[i] ?? [];
    if (setAside.length && figures.window) figures.window.remeasured = setAside;
    return figures;
  });
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
