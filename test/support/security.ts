import { SignJWT } from 'jose';
import { createExecutor, startApp, type App } from '../../src/app';
import { hashApiKey } from '../../src/auth/api-keys';
import { loadConfig } from '../../src/config';
import type { Executor } from '../../src/db/executor';
import { createLogger } from '../../src/logger';

/** Test keys (long random-looking strings, as real ones are); only their hashes go into the config. */
export const KEYS = {
  reader: 'test-reader-key-9f1c2a7e5b3d4c6a8e0f1b2c3d4e5f60',
  editor: 'test-editor-key-0a1b2c3d4e5f60718293a4b5c6d7e8f9',
  admin: 'test-admin-key-7e6d5c4b3a29180f7e6d5c4b3a291800',
} as const;
export const JWT_SECRET = 'test-hs256-secret-that-is-long-enough-0123456789';

export const API_KEYS = Object.entries(KEYS)
  .map(([role, key]) => `${role}-bot:${role}:${hashApiKey(key)}`)
  .join(',');

/** The real HTTP stack on a free loopback port, with test keys, a JWT secret and any overrides. */
export async function startSecuredApp(env: Record<string, string> = {}, uri?: string): Promise<App> {
  const config = loadConfig({
    ...process.env,
    PORT: '0',
    LOG_LEVEL: 'silent',
    API_KEYS,
    JWT_SECRET,
    ...env,
  });
  return startApp(config, createExecutor(config, uri ?? (process.env.NEO4J_URI as string)), createLogger('silent'));
}

export async function stopApp(app: App): Promise<void> {
  await app.stop();
  await app.executor.close();
}

export function signJwt(claims: Record<string, unknown>, expiresIn: string | number = '5m', secret = JWT_SECRET) {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject('test-user')
    .setIssuedAt()
    .setExpirationTime(expiresIn)
    .sign(new TextEncoder().encode(secret));
}

export interface HttpAnswer {
  status: number;
  text: string;
  body: any;
  headers: Headers;
}

export async function post(
  app: App,
  body: unknown,
  headers: Record<string, string> = {},
  path = '/graphql',
): Promise<HttpAnswer> {
  const res = await fetch(`${app.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' || body instanceof Uint8Array ? body : JSON.stringify(body),
  });
  const text = await res.text();
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = null;
  }
  return { status: res.status, text, body: parsed, headers: res.headers };
}

/** Text that must never reach a client: driver or database names, Cypher, stacks, file paths. */
export const INTERNAL_TEXT =
  /Neo4j|Cypher|neo4j-driver|stacktrace|ECONNREFUSED|\bat [\w.<>]+ \(|\.ts:\d+|node_modules|SyntaxError: Unexpected|<html|<pre>/i;

/**
 * Nodes outside any test's own data (test files create theirs under `uniquePrefix()` ids, `t-…`, and
 * run in parallel): a write or a delete that slipped through shows here, another file's work does not.
 */
export async function nodeCount(executor: Executor): Promise<number> {
  const rows = await executor.read(
    "MATCH (n) WHERE n.id IS NULL OR NOT toString(n.id) STARTS WITH 't-' RETURN count(n) AS n",
  );
  return Number(rows[0]?.n);
}
