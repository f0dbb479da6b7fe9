import { existsSync, mkdirSync, rmdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Neo4j and the load generator share a core during the HTTP scenarios (run.ts), and Linux shares a
 * core between threads, not processes: when a stall in Neo4j ends, dozens of its worker threads
 * wake at once, and the generator's one thread got a sliver of the core for a while. It then sent
 * late and, worse, read its answers late, which the window counts as the server's latency. In the
 * lab (P1's windows for two floor processes and ours, 1e5 graph, 15 blocks each way) the generator
 * fell up to 182 ms behind and a block's p99 reached 495 ms; with each of the two in a CPU group of
 * its own, of equal weight, the generator was at most 7.8 ms late in 14 of the 15 blocks (27.8 in
 * the other) and the floors' block p99s read 6.8-30 ms. A group only takes effect when both want
 * the core: either one alone still gets all of it, so Neo4j keeps every core it can use while the
 * generator is idle (P5's writes).
 *
 * Uses cgroup v1's cpu controller (`cpu.shares`), where this machine has it writable; elsewhere the
 * run goes on without groups and its report says so.
 */
export type CpuGroup = 'database' | 'load';

export interface CpuGroups {
  /** What the report's placement line says. */
  readonly description: string;
  place(group: CpuGroup, pid: number): void;
  /** Every placed process back in the root group, and the groups removed (those still in use stay). */
  release(): void;
}

const SHARES = '1024';
const GROUP_DIRS: Record<CpuGroup, string> = { database: 'kg-bench-database', load: 'kg-bench-load' };

export function openCpuGroups(root = '/sys/fs/cgroup/cpu'): CpuGroups | undefined {
  if (!existsSync(path.join(root, 'cgroup.procs'))) return undefined;
  const placed = new Set<number>();
  const dirs = new Set<string>();
  try {
    for (const dir of Object.values(GROUP_DIRS)) {
      const full = path.join(root, dir);
      mkdirSync(full, { recursive: true });
      writeFileSync(path.join(full, 'cpu.shares'), SHARES);
      dirs.add(full);
    }
  } catch {
    // Not writable here (no privilege, or a read-only cgroup mount): no groups.
    for (const dir of dirs) tryRmdir(dir);
    return undefined;
  }
  return {
    description: 'Neo4j and the load generator each in a CPU group of its own, of equal weight (cgroup v1 cpu.shares)',
    place: (group, pid) => {
      writeFileSync(path.join(root, GROUP_DIRS[group], 'cgroup.procs'), String(pid));
      placed.add(pid);
    },
    release: () => {
      for (const pid of placed) {
        try {
          writeFileSync(path.join(root, 'cgroup.procs'), String(pid));
        } catch {
          // The process has exited (Neo4j, closed before this): nothing to move.
        }
      }
      for (const dir of dirs) tryRmdir(dir);
    },
  };
}

function tryRmdir(dir: string): void {
  try {
    rmdirSync(dir);
  } catch {
    // Still holds a process: the kernel removes only an empty group.
  }
}
