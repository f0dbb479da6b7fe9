import type { Executor } from '../db/executor';

export interface PoolFigures {
  inUse: number;
  idle: number;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null;
const sum = (values: number[]): number => values.reduce((a, b) => a + b, 0);

/**
 * neo4j-driver has no public pool statistics, so this reads its pool's bookkeeping
 * (connection provider → pool: active counts and idle lists per server address). Any change in
 * that shape yields undefined, and the gauge then reports only the configured maximum.
 */
export function readPoolFigures(driver: unknown): PoolFigures | undefined {
  if (!isObj(driver)) return undefined;
  const provider = driver['_connectionProvider'];
  if (!isObj(provider)) return { inUse: 0, idle: 0 }; // no connection opened yet
  const pool = provider['_connectionPool'];
  if (!isObj(pool)) return undefined;
  const active = pool['_activeResourceCounts'];
  const pools = pool['_pools'];
  if (!isObj(active) || !isObj(pools)) return undefined;
  const inUse = sum(Object.values(active).filter((n): n is number => typeof n === 'number'));
  const idle = sum(Object.values(pools).map((p) => (isObj(p) && typeof p['length'] === 'number' ? p['length'] : 0)));
  return { inUse, idle };
}

/** The executor's pool figures (it keeps its driver private; this only reads figures from it). */
export function executorPoolFigures(executor: Executor): () => PoolFigures | undefined {
  const driver: unknown = Reflect.get(executor, 'driver');
  return () => readPoolFigures(driver);
}
