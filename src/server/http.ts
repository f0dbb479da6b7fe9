import type { ApolloServer } from '@apollo/server';
import express, { type Express, type RequestHandler } from 'express';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Executor } from '../db/executor';
import type { Services } from '../services';
import type { Authenticator } from '../auth/authenticate';
import type { Context } from './context';
import { apolloHandler } from './apollo-handler';
import { graphqlFastRoute } from './fast-route';
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
import { MAX_BODY_BYTES, plainJsonBody } from './json-body';

/** Where GraphQL is served: over HTTP (both routes) and over WebSocket (subscriptions). */
export const GRAPHQL_PATH = '/graphql';

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

export interface HttpApp {
  /** Express's app: its prototypes go to the server's request and response classes. */
  app: Express;
  /** The server's request listener: POST /graphql by the fast route, the rest by Express. */
  listener: (req: IncomingMessage, res: ServerResponse) => void;
}

/** HTTP routes: /graphql (Apollo), /healthz, /livez and /readyz beside it. */
export function createHttpApp(
  apollo: ApolloServer<Context>,
  services: Services,
  executor: Executor,
  options: HttpOptions = {},
): HttpApp {
  const app = express();
  app.disable('x-powered-by');
  // GraphQL answers are POST responses that no cache revalidates; an ETag would hash every body
  // (SHA-1 of each answer, measured at ~5% of a point lookup's CPU). Static assets keep theirs.
  app.disable('etag');
  app.set('trust proxy', options.trustProxy ?? false);
  const withId = requestId();
  app.use(withId);

  // /graphql's handlers, in order, around the body: the same on both routes.
  const before: RequestHandler[] = [
    ...(options.tracer ? [traceRequests(options.tracer)] : []),
    ...(options.authenticator ? [authenticate(options.authenticator)] : []),
    ...(options.rateLimit ? [rateLimit(options.rateLimit)] : []),
    ...(options.authenticator ? [rejectBadCredentials] : []),
  ];
  const after: RequestHandler[] = [
    ...(options.trustedDocuments ? [trustedDocumentsOnly(options.trustedDocuments)] : []),
    apolloHandler(apollo, services),
  ];
  app.use(GRAPHQL_PATH, ...before, express.json({ limit: MAX_BODY_BYTES }), ...after);

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
  const fast = [withId, ...before, plainJsonBody(MAX_BODY_BYTES, options.tracer !== undefined), ...after];
  return { app, listener: graphqlFastRoute(app, GRAPHQL_PATH, fast, httpErrorHandler) };
}
