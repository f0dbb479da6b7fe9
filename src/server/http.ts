import { expressMiddleware } from '@as-integrations/express5';
import type { ApolloServer } from '@apollo/server';
import express, { type Express } from 'express';
import type { Executor } from '../db/executor';
import type { Services } from '../services';
import type { Authenticator } from '../auth/authenticate';
import { ANONYMOUS, type Principal } from '../auth/roles';
import { createContext, type Context } from './context';
import { healthRoutes, type Readiness } from './health';
import { httpErrorHandler } from './http-errors';
import { authenticate, rejectBadCredentials } from './plugins/authenticate';
import { rateLimit, type RateLimitSettings } from './plugins/rate-limit';
import type { Metrics } from '../observability/metrics';
import { metricsHandler } from '../observability/metrics.route';
import { requestId } from '../observability/request-id';
import { traceRequests } from '../observability/tracing';
import type { Tracer } from '@opentelemetry/api';
import { webPages } from './pages/web-pages';
import { trustedDocumentsOnly, type TrustedDocuments } from './trusted-documents';

/** Largest request body: far above any real query, far below what could tie up the parser. */
export const MAX_BODY_BYTES = '1mb';

/** Auth, rate limiting and probes; each is skipped when not given. */
export interface HttpOptions {
  authenticator?: Authenticator;
  rateLimit?: RateLimitSettings;
  readiness?: Readiness;
  /** Take the client address from X-Forwarded-For (only behind a trusted proxy). */
  trustProxy?: boolean;
  /** GET /metrics (Prometheus) when given. */
  metrics?: Metrics;
  /** Serve GraphiQL at /graphiql and the explorer at /explorer. */
  webPages?: boolean;
  /** A span per /graphql request when given (OTEL_TRACING). */
  tracer?: Tracer;
  /** Only these operations run (TRUSTED_DOCUMENTS_FILE). */
  trustedDocuments?: TrustedDocuments;
}

/** HTTP routes: /graphql (Apollo), /healthz, /livez and /readyz beside it. */
export function createHttpApp(
  apollo: ApolloServer<Context>,
  services: Services,
  executor: Executor,
  options: HttpOptions = {},
): Express {
  const app = express();
  app.disable('x-powered-by');
  // GraphQL answers are POST responses that no cache revalidates; an ETag would hash every body
  // (SHA-1 of each answer, measured at ~5% of a point lookup's CPU). Static assets keep theirs.
  app.disable('etag');
  app.set('trust proxy', options.trustProxy ?? false);
  app.use(requestId());
  if (options.tracer) app.use('/graphql', traceRequests(options.tracer));

  const guards = [
    ...(options.authenticator ? [authenticate(options.authenticator)] : []),
    ...(options.rateLimit ? [rateLimit(options.rateLimit)] : []),
    ...(options.authenticator ? [rejectBadCredentials] : []),
  ];
  app.use(
    '/graphql',
    ...guards,
    express.json({ limit: MAX_BODY_BYTES }),
    ...(options.trustedDocuments ? [trustedDocumentsOnly(options.trustedDocuments)] : []),
    expressMiddleware(apollo, {
      context: async ({ res }) =>
        createContext(
          services,
          (res.locals.principal as Principal | undefined) ?? ANONYMOUS,
          () => res.socket === null || res.socket.destroyed,
        ),
    }),
  );

  // Pages and probes after /graphql: the hot route is matched first.
  if (options.metrics) app.get('/metrics', metricsHandler(options.metrics));
  if (options.webPages) app.use(webPages());
  if (options.readiness) app.use(healthRoutes(options.readiness));

  app.get('/healthz', async (_req, res) => {
    try {
      await executor.ping();
      res.status(200).json({ status: 'ok', database: executor.database });
    } catch {
      res.status(503).json({ status: 'unavailable' });
    }
  });

  app.use(httpErrorHandler);
  return app;
}
