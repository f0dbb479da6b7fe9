import type { Executor } from '../db/executor';
import type { Metrics } from './metrics';

/** Records every Cypher statement the executor runs; returns the unsubscribe function. */
export function observeExecutor(executor: Executor, metrics: Metrics): () => void {
  return executor.onQuery((event) => {
    const outcome = event.error === undefined ? 'ok' : 'error';
    metrics.dbQueries.inc({ mode: event.mode, outcome });
    metrics.dbQueryDuration.observe({ mode: event.mode, operation: event.operation }, event.durationMs / 1000);
  });
}
