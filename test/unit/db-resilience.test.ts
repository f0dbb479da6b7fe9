import { Neo4jError } from 'neo4j-driver';
import { CircuitBreaker } from '../../src/db/breaker';
import { withRetry, type RetryPolicy } from '../../src/db/retry';
import { kindRecord, toEntityRecord } from '../../src/graph/records';

const unreachable = () => new Neo4jError('connect ECONNREFUSED', 'ServiceUnavailable', 'N/A', 'N/A');
const deadlock = () => new Neo4jError('deadlock', 'Neo.TransientError.Transaction.DeadlockDetected', 'N/A', 'N/A');
const syntax = () => new Neo4jError('bad', 'Neo.ClientError.Statement.SyntaxError', 'N/A', 'N/A');
const policy: RetryPolicy = { transientMs: 400, unreachableMs: 60, initialDelayMs: 10, maxDelayMs: 40 };

/** An attempt that fails with `fail()` the first `times` calls, then answers. */
function flaky(times: number, fail: () => Error) {
  let calls = 0;
  const attempt = async () => {
    calls += 1;
    if (calls <= times) throw fail();
    return 'answer';
  };
  return { attempt, calls: () => calls };
}

describe('withRetry', () => {
  test('a deadlock is retried until the transaction goes through', async () => {
    const f = flaky(3, deadlock);
    await expect(withRetry(f.attempt, policy)).resolves.toBe('answer');
    expect(f.calls()).toBe(4);
  });

  test('a read that met an entity deleted meanwhile is read again', async () => {
    // Under read-committed isolation a deleted node comes back with no labels and no properties.
    const deletedNode = () => {
      try {
        toEntityRecord({ labels: [], properties: {} });
      } catch (err) {
        return err as Error;
      }
      throw new Error('a deleted node was mapped');
    };
    const f = flaky(2, deletedNode);
    await expect(withRetry(f.attempt, policy)).resolves.toBe('answer');
    expect(f.calls()).toBe(3);
    // The same from a projected read ([kind, id] of a deleted node are both null).
    const projected = flaky(1, () => {
      try {
        kindRecord(null, null);
      } catch (err) {
        return err as Error;
      }
      throw new Error('a deleted node was mapped');
    });
    await expect(withRetry(projected.attempt, policy)).resolves.toBe('answer');
  });

  test('a stored entity without a kind label is an error retrying cannot fix', async () => {
    const f = flaky(5, () => {
      try {
        toEntityRecord({ labels: ['Entity'], properties: { id: 'x' } });
      } catch (err) {
        return err as Error;
      }
      throw new Error('an entity without a kind was mapped');
    });
    await expect(withRetry(f.attempt, policy)).rejects.toThrow('node without a kind label');
    expect(f.calls()).toBe(1);
    expect(() => kindRecord(null, 'x')).toThrow('node without a kind label');
  });

  test('an error that retrying cannot fix is thrown at once', async () => {
    const f = flaky(5, syntax);
    await expect(withRetry(f.attempt, policy)).rejects.toThrow('bad');
    expect(f.calls()).toBe(1);
  });

  test('an unreachable database gets the short window, a transient error the long one', async () => {
    const down = flaky(1_000, unreachable);
    await expect(withRetry(down.attempt, policy)).rejects.toThrow('ECONNREFUSED');
    const busy = flaky(1_000, deadlock);
    await expect(withRetry(busy.attempt, policy)).rejects.toThrow('deadlock');
    expect(down.calls()).toBeGreaterThan(1);
    expect(busy.calls()).toBeGreaterThan(down.calls());
  });
});

describe('CircuitBreaker', () => {
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
  /** A probe the test answers: each call waits until `answer` resolves or rejects it. */
  function controlledProbe() {
    const calls: { resolve: () => void; reject: (e: Error) => void }[] = [];
    const probe = () => new Promise<void>((resolve, reject) => calls.push({ resolve, reject }));
    return { probe, calls };
  }
  let breakers: CircuitBreaker[] = [];
  const breaker = (probe: () => Promise<void>, coolDownMs = 30) => {
    const b = new CircuitBreaker(probe, coolDownMs);
    breakers.push(b);
    return b;
  };
  afterEach(() => {
    for (const b of breakers) b.stop();
    breakers = [];
  });

  test('closed admits; a failure opens it, and it refuses every request until its own probe is answered', async () => {
    const { probe, calls } = controlledProbe();
    const b = breaker(probe);
    expect(b.admits()).toBe(true);
    b.failed();
    expect(b.state).toBe('open');
    expect(b.admits()).toBe(false);
    // No request starts the probe, and none goes through while it waits: the cool-down starts it.
    await sleep(60);
    expect(calls).toHaveLength(1);
    expect(b.admits()).toBe(false);
    calls[0]?.resolve();
    await sleep(0);
    expect(b.state).toBe('closed');
    expect(b.admits()).toBe(true);
  });

  test('a failed probe keeps it open and probes again after another cool-down, one probe at a time', async () => {
    const { probe, calls } = controlledProbe();
    const b = breaker(probe);
    b.failed();
    await sleep(60);
    expect(calls).toHaveLength(1);
    // More failures while a probe waits start no second probe.
    b.failed();
    b.failed();
    await sleep(60);
    expect(calls).toHaveLength(1);
    calls[0]?.reject(new Error('connect ECONNREFUSED'));
    await sleep(0);
    expect(b.admits()).toBe(false);
    await sleep(60);
    expect(calls).toHaveLength(2);
    calls[1]?.resolve();
    await sleep(0);
    expect(b.admits()).toBe(true);
  });

  test('an answer to a transaction admitted before it opened closes it too, and the probe then stops', async () => {
    const { probe, calls } = controlledProbe();
    const b = breaker(probe);
    b.failed();
    b.succeeded();
    expect(b.admits()).toBe(true);
    await sleep(60);
    expect(calls).toHaveLength(0);
  });

  test('stopped, it probes no more', async () => {
    const { probe, calls } = controlledProbe();
    const b = breaker(probe);
    b.failed();
    b.stop();
    await sleep(60);
    expect(calls).toHaveLength(0);
    expect(b.admits()).toBe(false);
  });
});
