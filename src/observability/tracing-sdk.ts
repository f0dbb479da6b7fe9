import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, type SpanProcessor } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { SERVICE_NAME, type Tracing } from './tracing';

/**
 * OpenTelemetry tracing (OTEL_TRACING=true): spans go to an OTLP/HTTP collector, named by the
 * standard OTEL_EXPORTER_OTLP_ENDPOINT (default http://localhost:4318). Registering the provider
 * installs an AsyncLocalStorage context, so database spans find their request's span as parent.
 *
 * Its own module, loaded only when tracing is on: the SDK and exporter are about 3 MB of heap that
 * a server without tracing would carry for nothing (the API half in tracing.ts is small).
 */
export function startTracing(processor?: SpanProcessor): Tracing {
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ 'service.name': SERVICE_NAME }),
    spanProcessors: [processor ?? new BatchSpanProcessor(new OTLPTraceExporter())],
  });
  provider.register();
  return { tracer: provider.getTracer(SERVICE_NAME), shutdown: () => provider.shutdown() };
}
