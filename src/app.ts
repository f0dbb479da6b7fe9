import 'reflect-metadata';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Config } from './config';
import { createDriver } from './db/driver';
import { Executor } from './db/executor';
import type { Logger } from './logger';
import { createAuthenticator } from './auth/authenticate';
import { createApolloServer, hardeningFrom } from './server/apollo';
import { createAdmission } from './server/plugins/admission';
import { setMaxPageSize } from './common/paging';
import { setLookahead } from './prefetch/prefetch.plan';
import { Readiness } from './server/health';
import { createHttpApp } from './server/http';
import { expressPrototypes } from './server/express-prototypes';
import { getSchema } from './server/schema';
import { loadTrustedDocuments } from './server/trusted-documents';
import { attachSubscriptions } from './server/ws';
import { createServices, type Services } from './services';
import { observeExecutor } from './observability/db-metrics';
import { createMetrics } from './observability/metrics';
import { observabilityPlugin } from './observability/observability.plugin';
import { executorPoolFigures } from './observability/pool-metrics';
import { traceExecutor, type Tracing } from './observability/tracing';
import { webPagesEnabled } from './server/pages/web-pages';

export interface App {
  executor: Executor;
  services: Services;
  url: string;
  /** What /readyz reports; `draining` is set by the SIGTERM handler. */
  readiness: Readiness;
  stop(): Promise<void>;
}

export interface StartOptions {
  /** False until migrations are applied (a database given by NEO4J_URI may come up after us). */
  databaseReady?: () => boolean;
  /** Tracing to use instead of the one OTEL_TRACING would start (tests pass an in-memory one). */
  tracing?: Tracing;
}

export function createExecutor(config: Config, uri: string): Executor {
  const driver = createDriver({
    uri,
    username: config.NEO4J_USERNAME,
    password: config.NEO4J_PASSWORD,
    maxPoolSize: config.NEO4J_MAX_POOL_SIZE,
  });
  return new Executor(driver, {
    database: config.NEO4J_DATABASE,
    txTimeoutMs: config.NEO4J_TX_TIMEOUT_MS,
  });
}

/** HTTP → Apollo → resolvers → services → executor, listening on config.HOST:PORT (0 = any free port). */
export async function startApp(
  config: Config,
  executor: Executor,
  logger: Logger,
  options: StartOptions = {},
): Promise<App> {
  setMaxPageSize(config.MAX_PAGE_SIZE);
  setLookahead(config.QUERY_LOOKAHEAD);
  const services = createServices(executor);
  const prototypes = expressPrototypes();
  const httpServer = http.createServer(prototypes.serverOptions);
  const readiness = new Readiness(executor, options.databaseReady);
  const admission = createAdmission(config);
  const metrics = config.METRICS_ENABLED
    ? createMetrics({
        pool: { maxSize: config.NEO4J_MAX_POOL_SIZE, read: executorPoolFigures(executor) },
        admission,
      })
    : undefined;
  const unobserve = metrics ? observeExecutor(executor, metrics) : () => undefined;
  // The SDK is loaded only when tracing is on (see tracing-sdk.ts).
  const tracing =
    options.tracing ?? (config.OTEL_TRACING ? (await import('./observability/tracing-sdk')).startTracing() : undefined);
  const untrace = tracing ? traceExecutor(executor, tracing.tracer) : () => undefined;
  const schema = await getSchema();
  const apollo = createApolloServer(schema, httpServer, logger, hardeningFrom(config, admission), [
    observabilityPlugin({ logger, metrics, tracing: tracing !== undefined }),
    // Subscriptions over graphql-ws share the port and path; their sockets close on stop.
    attachSubscriptions(httpServer, schema, services),
  ]);
  await apollo.start();
  readiness.schemaBuilt = true;
  const routes = createHttpApp(apollo, services, executor, {
    authenticator: await createAuthenticator(config),
    rateLimit: config,
    readiness,
    trustProxy: config.TRUST_PROXY,
    metrics,
    webPages: webPagesEnabled(config),
    tracer: tracing?.tracer,
    trustedDocuments: config.TRUSTED_DOCUMENTS_FILE ? loadTrustedDocuments(config.TRUSTED_DOCUMENTS_FILE) : undefined,
  });
  prototypes.adopt(routes.app);
  httpServer.on('request', routes.listener);
  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(config.PORT, config.HOST, resolve);
  });
  const { port } = httpServer.address() as AddressInfo;
  return {
    executor,
    services,
    url: `http://${config.HOST}:${port}`,
    readiness,
    stop: () =>
      apollo.stop().finally(async () => {
        unobserve();
        untrace();
        // Only a tracer this app started is shut down (flushing its last spans).
        if (!options.tracing) await tracing?.shutdown();
      }),
  };
}
