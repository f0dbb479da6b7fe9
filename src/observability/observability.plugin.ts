import type { ApolloServerPlugin, BaseContext, GraphQLRequestContext } from '@apollo/server';
import type { Logger } from '../logger';
import type { Metrics } from './metrics';
import { OperationLabels } from './operation-label';
import { REQUEST_ID_HEADER } from './request-id';
import { annotateGraphQLSpan } from './tracing';

/** Slower requests are logged at warn, so they stand out without a dashboard. */
export const SLOW_REQUEST_MS = 1_000;

export interface ObservabilityOptions {
  logger: Logger;
  metrics?: Metrics;
  /** Name each request's span after its operation (OTEL_TRACING); without spans, nothing to name. */
  tracing?: boolean;
}

/** The codes clients saw: read from the formatted response, after the error mask. */
function errorCodes<T extends BaseContext>(ctx: GraphQLRequestContext<T>): string[] {
  const body = ctx.response.body;
  if (!body) return [];
  const errors = body.kind === 'single' ? body.singleResult.errors : body.initialResult.errors;
  return (errors ?? []).map((e) => {
    const code = e.extensions?.['code'];
    return typeof code === 'string' ? code : 'UNKNOWN';
  });
}

/**
 * One structured log line per GraphQL request (request id, operation name, duration, error codes)
 * and, when metrics are on, the request counters and latency histogram.
 */
export function observabilityPlugin<T extends BaseContext>(options: ObservabilityOptions): ApolloServerPlugin<T> {
  const labels = new OperationLabels();
  return {
    async requestDidStart(start) {
      const started = performance.now();
      const requestId = start.request.http?.headers.get(REQUEST_ID_HEADER) ?? undefined;
      return {
        async willSendResponse(ctx) {
          const durationMs = performance.now() - started;
          const operationName = ctx.operationName ?? ctx.request.operationName ?? null;
          const codes = errorCodes(ctx);
          const outcome = codes.length > 0 ? 'error' : 'ok';
          if (options.tracing) annotateGraphQLSpan(operationName, ctx.operation?.operation, codes);
          if (options.metrics) {
            const operation = labels.label(operationName);
            options.metrics.requests.inc({ operation, outcome });
            options.metrics.requestDuration.observe({ operation }, durationMs / 1000);
            for (const code of codes) options.metrics.errors.inc({ code });
          }
          const slow = durationMs >= SLOW_REQUEST_MS;
          // The line is built only when it will be written (LOG_LEVEL=warn drops every fast one).
          if (!slow && !options.logger.isLevelEnabled('info')) return;
          const line = {
            requestId,
            operation: operationName,
            operationType: ctx.operation?.operation,
            durationMs: Math.round(durationMs * 10) / 10,
            outcome,
            ...(codes.length > 0 ? { errorCodes: codes } : {}),
          };
          if (slow) options.logger.warn(line, 'graphql request (slow)');
          else options.logger.info(line, 'graphql request');
        },
      };
    },
  };
}
