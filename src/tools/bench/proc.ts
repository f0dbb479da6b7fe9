import { readFileSync } from 'node:fs';

/** Process figures from /proc (Linux): CPU time and resident memory of a server under test. */

/** Clock ticks per second of /proc/<pid>/stat times; 100 on every Linux this runs on. */
const TICKS_PER_SECOND = 100;

/** User plus system CPU seconds the process has used so far, all its threads. */
export function cpuSeconds(pid: number): number {
  return statCpuSeconds(`/proc/${pid}/stat`);
}

/**
 * User plus system CPU seconds of the process's main thread alone: where a Node server runs its
 * JavaScript, so the CPU on each request's path. The rest (V8's collector helpers, libuv's pool)
 * runs beside it.
 */
export function mainThreadCpuSeconds(pid: number): number {
  return statCpuSeconds(`/proc/${pid}/task/${pid}/stat`);
}

function statCpuSeconds(file: string): number {
  const stat = readFileSync(file, 'utf8');
  // Fields after the command name (which may hold spaces) start past the last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  return (utime + stime) / TICKS_PER_SECOND;
}

/** CPU stolen by the hypervisor from all cores since boot (ms): /proc/stat's eighth column; 0 where not reported. */
export function stolenMs(): number {
  try {
    const cpu = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0] ?? '';
    const steal = Number(cpu.trim().split(/\s+/)[8] ?? 0);
    return Number.isFinite(steal) ? (steal * 1000) / TICKS_PER_SECOND : 0;
  } catch {
    return 0;
  }
}

/** Resident set size in MB. */
export function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kb / 1024;
}

/** Sample a process's RSS every `everyMs` until stopped; answers the peak in MB. */
export function watchRss(pid: number, everyMs = 200): { stop: () => number } {
  let peak = rssMb(pid);
  const timer = setInterval(() => {
    try {
      peak = Math.max(peak, rssMb(pid));
    } catch {
      // the process ended; keep the last peak
    }
  }, everyMs);
  return {
    stop: () => {
      clearInterval(timer);
      return peak;
    },
  };
}

/**
 * Wait until the given processes are quiet: together under `share` of one core over a `windowMs`
 * window, or `timeoutMs` has passed. Answers the seconds waited. A peer must not be measured while
 * Neo4j still digests the graph just written or a previous peer's backlog.
 */
export async function settle(
  pids: number[],
  { share = 0.1, windowMs = 1000, timeoutMs = 30_000 } = {},
): Promise<{ waited: number; quiet: boolean }> {
  const started = Date.now();
  const total = () => pids.reduce((sum, pid) => sum + cpuSeconds(pid), 0);
  for (;;) {
    const before = total();
    await new Promise((resolve) => setTimeout(resolve, windowMs));
    const used = total() - before;
    const waited = (Date.now() - started) / 1000;
    if (used <= (share * windowMs) / 1000) return { waited, quiet: true };
    if (Date.now() - started >= timeoutMs) return { waited, quiet: false };
  }
}
