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
  let now = 0;
  const breaker = () => new CircuitBreaker(1_000, () => now);

  test('closed admits all; a failure opens it and refuses until the cool-down passes', () => {
    now = 0;
    const b = breaker();
    expect(b.admit()).toBe('yes');
    b.failed();
    expect(b.state).toBe('open');
    now = 999;
    expect(b.admit()).toBe('no');
    now = 1_000;
    expect(b.state).toBe('half-open');
  });

  test('half-open lets one trial through; its success closes, its failure reopens', () => {
    now = 0;
    const b = breaker();
    b.failed();
    now = 1_000;
    expect(b.admit()).toBe('trial');
    expect(b.admit()).toBe('no'); // one trial at a time
    b.failed();
    expect(b.state).toBe('open');
    now = 2_000;
    expect(b.admit()).toBe('trial');
    b.succeeded();
    expect(b.state).toBe('closed');
    expect(b.admit()).toBe('yes');
  });

  test('a trial that ends for another reason frees the slot without closing', () => {
    now = 0;
    const b = breaker();
    b.failed();
    now = 1_000;
    expect(b.admit()).toBe('trial');
    b.released();
    expect(b.admit()).toBe('trial');
  });
});
