import { context, SpanKind, SpanStatusCode, trace, type Tracer } from '@opentelemetry/api';
import type { RequestHandler } from 'express';
import type { Executor } from '../db/executor';
import { REQUEST_ID_HEADER } from './request-id';

export const SERVICE_NAME = 'kg-hyperscale';

export interface Tracing {
  tracer: Tracer;
  shutdown(): Promise<void>;
}

/** One SERVER span per HTTP request; the rest of the request runs inside it. */
export function traceRequests(tracer: Tracer): RequestHandler {
  return (req, res, next) => {
    const span = tracer.startSpan(`${req.method} ${req.baseUrl || req.path}`, {
      kind: SpanKind.SERVER,
      attributes: {
        'http.request.method': req.method,
        'url.path': req.baseUrl || req.path,
        'kg.request_id': String(req.headers[REQUEST_ID_HEADER] ?? ''),
      },
    });
    res.on('finish', () => {
      span.setAttribute('http.response.status_code', res.statusCode);
      if (res.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
    });
    context.with(trace.setSpan(context.active(), span), next);
  };
}

/** Names the request's span after the GraphQL operation and records its error codes. */
export function annotateGraphQLSpan(operationName: string | null, operationType: string | undefined, codes: string[]) {
  const span = trace.getActiveSpan();
  if (!span) return;
  span.updateName(`graphql ${operationType ?? 'operation'} ${operationName ?? '(anonymous)'}`);
  if (operationName) span.setAttribute('graphql.operation.name', operationName);
  if (operationType) span.setAttribute('graphql.operation.type', operationType);
  if (codes.length > 0) {
    span.setAttribute('graphql.error.codes', codes);
    span.setStatus({ code: SpanStatusCode.ERROR, message: codes.join(',') });
  }
}

/** A CLIENT span per Cypher statement (its parameterized text, never its values), under the request's span. */
export function traceExecutor(executor: Executor, tracer: Tracer): () => void {
  return executor.onQuery((event) => {
    const end = Date.now();
    const span = tracer.startSpan(
      `neo4j ${event.operation}`,
      {
        kind: SpanKind.CLIENT,
        startTime: end - event.durationMs,
        attributes: {
          'db.system.name': 'neo4j',
          'db.operation.name': event.operation,
          'db.query.text': event.cypher,
          'kg.db.access_mode': event.mode,
        },
      },
      context.active(),
    );
    if (event.error !== undefined) span.setStatus({ code: SpanStatusCode.ERROR });
    span.end(end);
  });
}
