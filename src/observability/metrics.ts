import { Gauge, Registry, collectDefaultMetrics } from 'prom-client';
import type { AdmissionFigures } from '../server/plugins/admission';
import { LabelledCounter, LabelledHistogram } from './labelled-metrics';
import type { PoolFigures } from './pool-metrics';

/** Request latency buckets (seconds): from a cached lookup (5 ms) to a capped traversal (15 s tx timeout). */
const REQUEST_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 15];
/** Cypher latency buckets (seconds): single queries are usually well under a request's time. */
const QUERY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 5, 15];

/** The Prometheus figures of one server: its own registry, so tests and several apps never share counters. */
export interface Metrics {
  registry: Registry;
  requests: LabelledCounter<'operation' | 'outcome'>;
  errors: LabelledCounter<'code'>;
  requestDuration: LabelledHistogram<'operation'>;
  dbQueries: LabelledCounter<'mode' | 'outcome'>;
  dbQueryDuration: LabelledHistogram<'mode' | 'operation'>;
  dbPoolConnections: Gauge<'state'>;
  admission: Gauge<'state'>;
}

export interface MetricsOptions {
  /** Process figures (CPU, memory, event-loop lag, GC); off in tests that read exact output. */
  defaultMetrics?: boolean;
  /** Read at every scrape for neo4j_pool_connections. */
  pool?: { maxSize: number; read: () => PoolFigures | undefined };
  /** Read at every scrape for graphql_admission: the cost budget, what runs and what waits. */
  admission?: { figures(): AdmissionFigures };
}

export function createMetrics(options: MetricsOptions = {}): Metrics {
  const { pool, admission } = options;
  const registry = new Registry();
  registry.setDefaultLabels({ app: 'kg-hyperscale' });
  if (options.defaultMetrics ?? true) collectDefaultMetrics({ register: registry });
  return {
    registry,
    requests: new LabelledCounter({
      name: 'graphql_requests_total',
      help: 'GraphQL requests by operation name and outcome (ok or error)',
      labelNames: ['operation', 'outcome'],
      registers: [registry],
    }),
    errors: new LabelledCounter({
      name: 'graphql_errors_total',
      help: 'GraphQL errors sent to clients, by extensions.code',
      labelNames: ['code'],
      registers: [registry],
    }),
    requestDuration: new LabelledHistogram({
      name: 'graphql_request_duration_seconds',
      help: 'GraphQL request latency by operation name',
      labelNames: ['operation'],
      buckets: REQUEST_BUCKETS,
      registers: [registry],
    }),
    dbQueries: new LabelledCounter({
      name: 'neo4j_queries_total',
      help: 'Cypher statements run by the executor, by access mode and outcome',
      labelNames: ['mode', 'outcome'],
      registers: [registry],
    }),
    dbQueryDuration: new LabelledHistogram({
      name: 'neo4j_query_duration_seconds',
      help: 'Cypher statement latency by access mode and executor operation',
      labelNames: ['mode', 'operation'],
      buckets: QUERY_BUCKETS,
      registers: [registry],
    }),
    dbPoolConnections: new Gauge({
      name: 'neo4j_pool_connections',
      help: 'Bolt connections in the driver pool: in use, idle, and the configured maximum',
      labelNames: ['state'],
      registers: [registry],
      collect() {
        if (!pool) return;
        this.set({ state: 'max' }, pool.maxSize);
        const figures = pool.read();
        if (!figures) return;
        this.set({ state: 'in_use' }, figures.inUse);
        this.set({ state: 'idle' }, figures.idle);
      },
    }),
    admission: new Gauge({
      name: 'graphql_admission',
      help: 'Admission by estimated cost: the budget, the cost running now, and operations waiting for room',
      labelNames: ['state'],
      registers: [registry],
      collect() {
        if (!admission) return;
        const { budget, inFlight, waiting } = admission.figures();
        this.set({ state: 'budget' }, budget);
        this.set({ state: 'in_flight_cost' }, inFlight);
        this.set({ state: 'waiting' }, waiting);
      },
    }),
  };
}
