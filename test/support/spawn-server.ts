import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

export interface SpawnedServer {
  child: ChildProcess;
  /** The server's base URL (without /graphql), from its "ready" log line. */
  url: string;
  /** Every stdout line (the JSON log), still filled after start-up. */
  logs: string[];
}

/**
 * Start a compiled server (see buildServer) in its own process, on the given environment on top of
 * this one, and resolve once it logs "ready". Lines are read whole, so a log line split across two
 * chunks of output is still recognised.
 */
export function spawnServer(entry: string, env: Record<string, string>): Promise<SpawnedServer> {
  const child = spawn(process.execPath, [entry], {
    env: { ...process.env, PORT: '0', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const logs: string[] = [];
  return new Promise<SpawnedServer>((resolve, reject) => {
    createInterface({ input: child.stdout! }).on('line', (line) => {
      logs.push(line);
      if (!line.includes('"msg":"ready"')) return;
      const url = /"url":"(http:\/\/[^"]+)\/graphql"/.exec(line)?.[1];
      if (url) resolve({ child, url, logs });
    });
    child.once('exit', (code) => reject(new Error(`server exited early (${code})`)));
  });
}
