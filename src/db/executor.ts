import { Neo4jError, type Driver, type Result, type Transaction } from 'neo4j-driver';
import { ServiceUnavailableError } from '../errors/errors';
import { CircuitBreaker } from './breaker';
import { forgetResults } from './forget-results';
import { withoutCallStack } from './no-call-stack';
import { isUnreachable, mapDatabaseError } from './db-errors';
import { DEFAULT_RETRY, withRetry, type RetryPolicy } from './retry';
import { toRow, toRows, type Plain } from './values';

export type Row = Record<string, Plain>;
export type Params = Record<string, unknown>;

/** Schema commands wait for index population (db.awaitIndexes): minutes on a busy machine, not seconds. */
const SCHEMA_TX_TIMEOUT_MS = 300_000;
/** The breaker's probe is one trivial read: an answer slower than this is no answer. */
const PROBE_TX_TIMEOUT_MS = 2_000;

export interface QueryEvent {
  cypher: string;
  params: Params;
  operation: string;
  mode: 'READ' | 'WRITE' | 'SCHEMA';
  durationMs: number;
  error?: unknown;
}
export type QueryListener = (event: QueryEvent) => void;

export interface ExecutorOptions {
  database: string;
  /** Neo4j stops any transaction that runs longer than this. */
  txTimeoutMs: number;
  retry?: RetryPolicy;
}

/** Turns one row into what the caller keeps; `index` counts the rows of the answer from 0. */
export type RowMapper<T> = (row: Row, index: number) => T;

/** A transaction handed to `readTx`/`writeTx` work: plain rows out, events for every query. */
export interface Tx {
  run(cypher: string, params?: Params): Promise<Row[]>;
  /** The rows mapped one by one as they arrive (see `Executor.readEach`). */
  each<T>(cypher: string, params: Params, map: RowMapper<T>): Promise<T[]>;
}

/**
 * The only code that talks to the driver. It owns sessions, transactions (retried on transient
 * errors, see retry.ts), the circuit breaker that fails fast while Neo4j is down, transaction
 * metadata and timeouts, the conversion of every value out of Neo4j, and the mapping of Neo4j
 * errors to coded GraphQL errors.
 */
export class Executor {
  private readonly listeners = new Set<QueryListener>();
  /** Opens when the database cannot be reached, and closes when its own probe is answered. */
  readonly breaker = new CircuitBreaker(() => this.probe());

  constructor(
    private readonly driver: Driver,
    private readonly options: ExecutorOptions,
  ) {}

  get database(): string {
    return this.options.database;
  }

  /** Observe every query (round-trip counting in tests, metrics, slow-query logs). */
  onQuery(listener: QueryListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * One read statement: sent as an auto-commit query (RUN and PULL, no BEGIN and COMMIT), one
   * round trip instead of two; it is retried here like any transaction.
   */
  read(cypher: string, params: Params = {}, operation = 'read'): Promise<Row[]> {
    return this.transaction('READ', (tx) => tx.run(cypher, params), operation, undefined, true);
  }

  /**
   * One read statement (auto-commit, as `read`) whose rows are mapped as they arrive rather than
   * once the answer is complete. A large answer's driver values (lists, strings) then die young,
   * while the row is mapped, instead of all living until the last row is in: under concurrent
   * nested reads they were most of what survived each young-generation collection. A retried
   * attempt starts a fresh list, so `map` may run again for rows it has seen.
   */
  readEach<T>(cypher: string, params: Params, operation: string, map: RowMapper<T>): Promise<T[]> {
    return this.transaction('READ', (tx) => tx.each(cypher, params, map), operation, undefined, true);
  }

  write(cypher: string, params: Params = {}, operation = 'write'): Promise<Row[]> {
    return this.writeTx((tx) => tx.run(cypher, params), operation);
  }

  /** Several reads in one transaction (routed to a reader in a cluster). */
  readTx<T>(work: (tx: Tx) => Promise<T>, operation = 'read'): Promise<T> {
    return this.transaction('READ', work, operation);
  }

  /** Several writes in one transaction: all or nothing. `work` may be retried, so keep it idempotent. */
  writeTx<T>(work: (tx: Tx) => Promise<T>, operation = 'write', timeoutMs?: number): Promise<T> {
    return this.transaction('WRITE', work, operation, timeoutMs);
  }

  /** Schema commands (constraints, indexes) cannot share a transaction with writes: auto-commit. */
  async schema(cypher: string, operation = 'migrate'): Promise<Row[]> {
    const session = this.driver.session({
      database: this.options.database,
      defaultAccessMode: 'WRITE',
    });
    const started = performance.now();
    try {
      const result = await session.run(cypher, {}, this.txConfig(operation, SCHEMA_TX_TIMEOUT_MS));
      this.emit({
        cypher,
        params: {},
        operation,
        mode: 'SCHEMA',
        durationMs: performance.now() - started,
      });
      return toRows(result);
    } catch (err) {
      this.emit({
        cypher,
        params: {},
        operation,
        mode: 'SCHEMA',
        durationMs: performance.now() - started,
        error: err,
      });
      throw mapDatabaseError(err);
    } finally {
      await session.close();
      forgetResults(session);
    }
  }

  /** Reach the database, bypassing the breaker (health checks). */
  async ping(): Promise<void> {
    try {
      await this.driver.verifyConnectivity({ database: this.options.database });
    } catch (err) {
      throw mapDatabaseError(err);
    }
  }

  close(): Promise<void> {
    this.breaker.stop();
    return this.driver.close();
  }

  /**
   * The breaker's question while it is open: one read in the named database, not retried. A
   * connection alone is not enough: a Neo4j that is starting accepts connections before its
   * databases answer.
   */
  private async probe(): Promise<void> {
    await this.attempt('READ', (tx) => tx.run('RETURN 1 AS up'), 'breaker.probe', PROBE_TX_TIMEOUT_MS, true);
  }

  private async transaction<T>(
    mode: 'READ' | 'WRITE',
    work: (tx: Tx) => Promise<T>,
    operation: string,
    timeoutMs?: number,
    autoCommit = false,
  ): Promise<T> {
    if (!this.breaker.admits()) throw new ServiceUnavailableError();
    try {
      const result = await withRetry(
        () => this.attempt(mode, work, operation, timeoutMs, autoCommit),
        this.options.retry ?? DEFAULT_RETRY,
      );
      this.breaker.succeeded();
      return result;
    } catch (err) {
      if (isUnreachable(err)) this.breaker.failed();
      // Only the driver's errors are mapped; what the work raised on purpose (validation,
      // NOT_FOUND, a seed conflict) passes through unchanged.
      if (err instanceof Neo4jError) throw mapDatabaseError(err);
      throw err;
    }
  }

  /** One try: a session, then the work as one auto-commit query, or in an explicit transaction committed (or rolled back). */
  private async attempt<T>(
    mode: 'READ' | 'WRITE',
    work: (tx: Tx) => Promise<T>,
    operation: string,
    timeoutMs: number | undefined,
    autoCommit: boolean,
  ): Promise<T> {
    const session = this.driver.session({ database: this.options.database, defaultAccessMode: mode });
    const config = this.txConfig(operation, timeoutMs);
    try {
      if (autoCommit) {
        return await work(this.wrap({ run: (cypher, params) => session.run(cypher, params, config) }, mode, operation));
      }
      const tx = session.beginTransaction(config);
      try {
        const result = await work(this.wrap(tx, mode, operation));
        await tx.commit();
        return result;
      } catch (err) {
        if (tx.isOpen()) await tx.rollback().catch(() => undefined);
        throw err;
      }
    } finally {
      // The work's answer is complete (or failed) here: the caller need not wait for the session to
      // give its connection back. Closing begins now and ends a few microtasks later; waiting for
      // it kept every answer back by those turns (lab: 5-8 µs of a shortest path's time in the server).
      void session
        .close()
        .catch(() => undefined)
        .then(() => forgetResults(session));
    }
  }

  private wrap(mtx: Pick<Transaction, 'run'>, mode: 'READ' | 'WRITE', operation: string): Tx {
    const observed = async <T>(cypher: string, params: Params, collect: (result: Result) => Promise<T>): Promise<T> => {
      const started = performance.now();
      try {
        const answer = await collect(withoutCallStack(() => mtx.run(cypher, params)));
        this.emit({ cypher, params, operation, mode, durationMs: performance.now() - started });
        return answer;
      } catch (err) {
        this.emit({ cypher, params, operation, mode, durationMs: performance.now() - started, error: err });
        throw err;
      }
    };
    return {
      run: (cypher, params = {}) => observed(cypher, params, async (result) => toRows(await result)),
      each: (cypher, params, map) => observed(cypher, params, (result) => mapEach(result, map)),
    };
  }

  private txConfig(operation: string, timeoutMs = this.options.txTimeoutMs) {
    return {
      timeout: timeoutMs,
      metadata: { app: 'kg-hyperscale', operation },
    };
  }

  private emit(event: QueryEvent): void {
    for (const listener of this.listeners) listener(event);
  }
}

/** Map a result's rows as the driver delivers them (see `Executor.readEach`). */
function mapEach<T>(result: Result, map: RowMapper<T>): Promise<T[]> {
  return new Promise<T[]>((resolve, reject) => {
    const out: T[] = [];
    let failed = false;
    result.subscribe({
      onNext: (record) => {
        if (failed) return;
        try {
          out.push(map(toRow(record), out.length));
        } catch (err) {
          // The rest of the answer still arrives (and is dropped); the session closes after it.
          failed = true;
          reject(err);
        }
      },
      onCompleted: () => resolve(out),
      onError: reject,
    });
  });
}
