import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { cpus } from 'node:os';

/** A server under test, run as its own process so its CPU and memory can be read alone. */
export interface RunningServer {
  name: string;
  pid: number;
  baseUrl: string;
  /** Our servers' Prometheus figures, read around each latency window (window.ts). */
  metricsUrl?: string;
  stop: () => Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/** On a machine with 2+ cores, servers get their own core (the last) and Neo4j the others. */
export function canPin(): boolean {
  return cpus().length >= 2 && spawnSync('taskset', ['-V']).status === 0;
}

export const SERVER_CORE = (): number => cpus().length - 1;

/** Pin every thread of a running process (Neo4j's JVM) to `cores`, e.g. "0". */
export function pinProcess(pid: number, cores: string): void {
  if (canPin()) spawnSync('taskset', ['-a', '-cp', cores, String(pid)], { stdio: 'ignore' });
}

/** Start `node args...` (pinned to the server core when possible) and wait until `readyPath` answers. */
export async function startServer(
  name: string,
  args: string[],
  env: Record<string, string>,
  port: number,
  readyPath: string,
  metricsPath?: string,
): Promise<RunningServer> {
  const [command, argv] = canPin()
    ? ['taskset', ['-c', String(SERVER_CORE()), process.execPath, ...args]]
    : [process.execPath, args];
  const child = spawn(command, argv, {
    env: { ...process.env, NODE_ENV: 'production', ...env, PORT: String(port) },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${name} exited (${child.exitCode}): ${stderr}`);
    if (Date.now() > deadline) throw new Error(`${name} not ready after 120 s: ${stderr}`);
    const ok = await fetch(`${baseUrl}${readyPath}`).then(
      (res) => res.status < 500,
      () => false,
    );
    if (ok) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    name,
    pid: child.pid as number,
    baseUrl,
    ...(metricsPath ? { metricsUrl: `${baseUrl}${metricsPath}` } : {}),
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
