import { isRetryableError } from 'neo4j-driver';
import { isUnreachable } from './db-errors';
import { DeletedWhileReadError } from './read-race';

/**
 * How the executor retries a transaction. The driver's own retry (managed transactions) gives every
 * retryable error the same window, so during an outage each request waited up to that window before
 * failing. Here an unreachable database gets a short window, long enough to replace a dropped pooled
 * connection or ride out a leader switch, and then the circuit breaker takes over; transient errors
 * (deadlocks, a database still starting, a read that met an entity deleted meanwhile) keep the long window.
 */
export interface RetryPolicy {
  /** Total time to keep retrying transient errors such as deadlocks. */
  transientMs: number;
  /** Total time to keep retrying when the database cannot be reached. */
  unreachableMs: number;
  initialDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = {
  transientMs: 15_000,
  unreachableMs: 2_000,
  initialDelayMs: 50,
  maxDelayMs: 1_000,
};

const JITTER = 0.2;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Run `attempt` until it succeeds, fails with an error that is not retryable, or its window closes. */
export async function withRetry<T>(attempt: () => Promise<T>, policy: RetryPolicy = DEFAULT_RETRY): Promise<T> {
  const started = Date.now();
  let delay = policy.initialDelayMs;
  for (;;) {
    try {
      return await attempt();
    } catch (err) {
      if (!isRetryableError(err) && !(err instanceof DeletedWhileReadError)) throw err;
      const window = isUnreachable(err) ? policy.unreachableMs : policy.transientMs;
      const wait = delay * (1 - JITTER + Math.random() * 2 * JITTER);
      if (Date.now() - started + wait > window) throw err;
      await sleep(wait);
      delay = Math.min(delay * 2, policy.maxDelayMs);
    }
  }
}
