import type { ChildProcess } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildServer } from '../support/build-server';
import { removeTempDir } from '../support/temp-dir';
import { spawnServer } from '../support/spawn-server';

/**
 * OTEL_TRACING=true as an operator sets it: the compiled server loads the OpenTelemetry SDK itself
 * and sends its spans over OTLP/HTTP to OTEL_EXPORTER_OTLP_ENDPOINT, here a local collector that
 * keeps what it receives. A real process, because the exporter loads part of itself with a dynamic
 * import, which jest's module sandbox refuses.
 */
const received: { path: string; body: string }[] = [];
const collector = http.createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    received.push({ path: req.url ?? '', body: Buffer.concat(chunks).toString('utf8') });
    res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
  });
});
let server: ChildProcess | undefined;
let buildDir: string | undefined;

afterAll(async () => {
  if (server?.exitCode === null) server.kill('SIGKILL');
  await new Promise((resolve) => collector.close(resolve));
  await removeTempDir(buildDir);
});

test('with OTEL_TRACING=true a request reaches the collector as a span, flushed on SIGTERM', async () => {
  const { entry, dir } = await buildServer();
  buildDir = dir;
  await new Promise<void>((resolve) => collector.listen(0, '127.0.0.1', resolve));
  const { child, url } = await spawnServer(entry, {
    SEED_ON_START: 'false',
    SHUTDOWN_DRAIN_DELAY_MS: '0',
    OTEL_TRACING: 'true',
    OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${(collector.address() as AddressInfo).port}`,
  });
  server = child;
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: 'query OtlpProbe { entity(id: "naver") { name } }' }),
  });
  expect(res.status).toBe(200);
  const exitCode = await new Promise<number | null>((resolve) => {
    child.once('exit', resolve);
    child.kill('SIGTERM');
  });
  expect(exitCode).toBe(0);
  const bodies = received
    .filter((r) => r.path === '/v1/traces')
    .map((r) => r.body)
    .join('\n');
  expect(bodies).toContain('graphql query OtlpProbe');
  expect(bodies).toContain('neo4j '); // the statement's child span
  expect(bodies).toContain('kg-hyperscale'); // service.name
}, 240_000);
