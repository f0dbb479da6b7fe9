import { Router } from 'express';
import type { Executor } from '../db/executor';

/** /readyz waits this long for Neo4j before calling it unreachable: a probe must answer fast. */
const READY_PING_TIMEOUT_MS = 2_000;

/**
 * What /readyz checks: the schema is built, migrations are applied, Neo4j answers, the circuit breaker
 * admits requests, and we are not draining. The breaker closes on its own probe, up to a cool-down
 * after Neo4j is back: until then every request is refused, so the server is not ready either.
 */
export class Readiness {
  schemaBuilt = false;
  draining = false;

  constructor(
    private readonly executor: Executor,
    /** False until the database has been reached once and migrated (see openDatabase). */
    private readonly databaseReady: () => boolean = () => true,
  ) {}

  async check(): Promise<{ ready: boolean; checks: Record<string, boolean> }> {
    const checks = {
      schema: this.schemaBuilt,
      notDraining: !this.draining,
      migrations: this.databaseReady(),
      database: await this.reachable(),
      circuitClosed: this.executor.breaker.admits(),
    };
    return { ready: Object.values(checks).every(Boolean), checks };
  }

  private async reachable(): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), READY_PING_TIMEOUT_MS);
    });
    const ping = this.executor.ping().then(
      () => true,
      () => false,
    );
    try {
      return await Promise.race([ping, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }
}

/** /livez: the process answers (restart it if not). /readyz: send it traffic (or not, with 503). */
export function healthRoutes(readiness: Readiness): Router {
  const router = Router();
  router.get('/livez', (_req, res) => {
    res.status(200).json({ status: 'ok' });
  });
  router.get('/readyz', async (_req, res) => {
    const { ready, checks } = await readiness.check();
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'unavailable', checks });
  });
  return router;
}
