import { InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { createExecutor, startApp, type App } from '../../src/app';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/logger';
import { type Tracing } from '../../src/observability/tracing';
import { startTracing } from '../../src/observability/tracing-sdk';

/** OpenTelemetry: a span per GraphQL request, named after its operation, with its Cypher statements as children. */
let app: App;
let tracing: Tracing;
const exporter = new InMemorySpanExporter();
const config = loadConfig({ ...process.env, PORT: '0', LOG_LEVEL: 'silent' });

beforeAll(async () => {
  tracing = startTracing(new SimpleSpanProcessor(exporter));
  app = await startApp(config, createExecutor(config, process.env.NEO4J_URI as string), createLogger('silent'), {
    tracing,
  });
}, 180_000);
afterAll(async () => {
  await app?.stop();
  await app?.executor.close();
  await tracing?.shutdown();
});

test('tracing is off unless OTEL_TRACING=true', () => {
  expect(loadConfig({}).OTEL_TRACING).toBe(false);
  expect(loadConfig({ OTEL_TRACING: 'true' }).OTEL_TRACING).toBe(true);
});

test('a GraphQL request is one server span with its database statements as child spans', async () => {
  exporter.reset();
  const res = await fetch(`${app.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-request-id': 'trace-me-1' },
    body: JSON.stringify({
      query: 'query TracedNaver { entity(id: "naver") { name ... on Organization { partners { other { name } } } } }',
    }),
  });
  expect(res.status).toBe(200);
  const spans = exporter.getFinishedSpans();
  const server = spans.find((s) => s.name === 'graphql query TracedNaver');
  expect(server).toBeDefined();
  expect(server!.attributes).toMatchObject({
    'graphql.operation.name': 'TracedNaver',
    'http.response.status_code': 200,
    'kg.request_id': 'trace-me-1',
  });
  const db = spans.filter((s) => s.name.startsWith('neo4j '));
  expect(db.length).toBeGreaterThanOrEqual(1); // the entity with its partners: one statement (look-ahead)
  for (const span of db) {
    expect(span.spanContext().traceId).toBe(server!.spanContext().traceId);
    expect(span.parentSpanContext?.spanId).toBe(server!.spanContext().spanId);
    expect(span.attributes['db.system.name']).toBe('neo4j');
    expect(String(span.attributes['db.query.text'])).not.toContain('naver'); // values stay parameters
  }
});
