import path from 'node:path';
import { z } from 'zod';

/** Repository root (this file compiles to dist/src/config.js, so two or three levels up). */
export const REPO_ROOT = path.resolve(__dirname, __dirname.includes(`${path.sep}dist${path.sep}`) ? '../..' : '..');

const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

/**
 * JVM options, space-separated, as Neo4j's own `server.jvm.additional` takes them: `-X...` (the
 * collector and its tuning) and `-D...` (system properties) only, so that nothing else can reach
 * the launcher's command line (a class path, a main class, an agent).
 */
const jvmOptions = z
  .string()
  .transform((s) => s.split(/\s+/).filter(Boolean))
  .pipe(z.array(z.string().regex(/^-[XD][^\s]+$/, 'each option must start with -X or -D')));

/**
 * Every setting, parsed and validated once from the environment. Each default says why it is what it is.
 */
const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  /** 4000 is the port the README and docker-compose.yml promise. */
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  /** Loopback by default: a fresh checkout must not expose itself to the network. */
  HOST: z.string().default('127.0.0.1'),

  /** When set, use that Neo4j (Docker, Aura, a cluster) and start nothing. */
  NEO4J_URI: z.string().optional(),
  NEO4J_USERNAME: z.string().default('neo4j'),
  NEO4J_PASSWORD: z.string().default(''),
  /** Named on every call; Community edition has exactly one user database, `neo4j`. */
  NEO4J_DATABASE: z.string().default('neo4j'),

  /** The local Neo4j that `npm start` runs when NEO4J_URI is unset. */
  NEO4J_BOLT_PORT: z.coerce.number().int().min(0).max(65535).default(7687),
  NEO4J_DATA_DIR: z.string().default(path.join(REPO_ROOT, '.neo4j', 'data')),
  /** Modest: the article graph is tiny; raise for the 1e6-entity benchmarks. */
  NEO4J_HEAP: z.string().default('512m'),
  NEO4J_PAGECACHE: z.string().default('128m'),
  /** A file for the local Neo4j's garbage-collection log (its pauses, with wall-clock times); unset = none. */
  NEO4J_GC_LOG: z.string().optional(),
  /** More options for the local Neo4j's JVM (see jvmOptions); the benchmark sets its collector's here. */
  NEO4J_JVM_ARGS: jvmOptions.default([]),

  /** Caps every transaction so one runaway query cannot hold the database. */
  NEO4J_TX_TIMEOUT_MS: z.coerce.number().int().positive().default(15_000),
  /** Driver pool: enough for 2 cores with headroom; more only adds contention. */
  NEO4J_MAX_POOL_SIZE: z.coerce.number().int().positive().default(50),

  /** Load the article seed at start when the graph has no entities. */
  SEED_ON_START: bool.default(true),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),

  /**
   * Old-generation growth after each full collection, in percent (V8's --heap-growing-percent).
   * V8's own heuristic lets the heap grow up to 4× what survived: in the benchmark this server then
   * peaked at about 210 MB under point lookups and 270 MB under 6,100-item nested reads. 100 (2×)
   * kept those at 147 and 186 MB; point lookups ran as fast, nested reads spent about a fifth more
   * CPU (more full collections). 0 = V8's heuristic; a --heap-growing-percent on the command line wins.
   */
  HEAP_GROWING_PERCENT: z.coerce.number().int().min(0).max(400).default(100),

  /**
   * V8's allocation-site pretenuring: allocating straight in the old generation from the code that
   * built objects which outlived young collections. One large answer (10,000 entities) marks the
   * driver's record and our mapping code that way; afterwards every small answer's records were born
   * old, held their young fields alive through each young collection, and were promoted with them
   * (about 1 MB per collection instead of 0.1, 3–4 ms pauses instead of 0.7, ten full collections
   * in the span of 3-hop requests that had one before), for as long as the process ran. Off by
   * default; true = V8's default.
   * `--allocation-site-pretenuring` or its `--no-` form on the command line wins.
   */
  ALLOCATION_SITE_PRETENURING: bool.default(false),

  /** Schema introspection; unset = on everywhere except production, where it only helps an attacker map the API. */
  GRAPHQL_INTROSPECTION: bool.optional(),
  /** Deepest selection: the deepest real query (entity → facts → provenance → article) is about 8. */
  MAX_QUERY_DEPTH: z.coerce.number().int().positive().default(12),
  /** Largest estimated cost (list fields cost by their `first`): one full page of 500 with fields, not 500 × 500. */
  MAX_QUERY_COST: z.coerce.number().int().positive().default(10_000),
  /**
   * Estimated cost (MAX_QUERY_COST's units) that may execute at once; more waits its turn. Sized so
   * about three 6,000-item nested reads run together (one core's throughput is the same, the heap
   * smaller); 0 = no limit.
   */
  MAX_INFLIGHT_COST: z.coerce.number().int().min(0).default(100_000),
  /** How long an operation may wait for room before a 503 SERVICE_UNAVAILABLE with Retry-After. */
  ADMISSION_TIMEOUT_MS: z.coerce.number().int().positive().default(5_000),
  /** Largest page (`first`/`last`) any list field accepts; raise MAX_QUERY_COST with it. */
  MAX_PAGE_SIZE: z.coerce.number().int().positive().default(500),
  /** Root fields fetch the facts their entities select in their own query; false = one batched query per level. */
  QUERY_LOOKAHEAD: bool.default(true),
  /** Queries and mutations run compiled by graphql-jit; false = graphql-js's interpreter. */
  GRAPHQL_JIT: bool.default(true),
  /** Most aliases per operation: aliasing is how one request multiplies an expensive field. */
  MAX_QUERY_ALIASES: z.coerce.number().int().positive().default(30),
  /** Most directives per operation: the schema needs only @include/@skip, a few times. */
  MAX_QUERY_DIRECTIVES: z.coerce.number().int().positive().default(20),
  /** Most lexical tokens per document: stops parser-bound bombs before any validation runs. */
  MAX_QUERY_TOKENS: z.coerce.number().int().positive().default(2_000),

  /** Anyone may read (the article graph is public); false = every operation needs at least `reader`. */
  AUTH_PUBLIC_READS: bool.default(true),
  /** API keys, comma-separated `name:role:sha256-hex-of-key`; only hashes are ever stored. */
  API_KEYS: z.string().default(''),
  /** A file of API keys in the same `name:role:sha256` form, one per line (# comments allowed). */
  API_KEYS_FILE: z.string().optional(),
  /** HS256 secret for bearer JWTs; 32+ characters, as RFC 7518 asks of an HS256 key. */
  JWT_SECRET: z.string().min(32).optional(),
  /** JWKS endpoint of an identity provider, for RS/ES-signed bearer JWTs. */
  JWT_JWKS_URL: z.url().optional(),
  /** Expected `iss` and `aud` of bearer JWTs, checked when set. */
  JWT_ISSUER: z.string().optional(),
  JWT_AUDIENCE: z.string().optional(),
  /** The claim that holds the caller's roles (an array or a space-separated string). */
  JWT_ROLES_CLAIM: z.string().default('roles'),

  /** Requests per client (API key, token subject or IP) per window; 0 turns rate limiting off. */
  RATE_LIMIT_REQUESTS: z.coerce.number().int().min(0).default(600),
  /** The rate-limit window: a minute smooths bursts without holding a client back for long. */
  RATE_LIMIT_WINDOW_MS: z.coerce.number().int().positive().default(60_000),
  /** Clients remembered at once: bounds the limiter's memory whatever addresses an attacker uses. */
  RATE_LIMIT_MAX_CLIENTS: z.coerce.number().int().positive().default(10_000),
  /** Behind a reverse proxy, take the client address from X-Forwarded-For (otherwise it could be forged). */
  TRUST_PROXY: bool.default(false),

  /** On SIGTERM, how long /readyz answers 503 before the listener closes, so balancers stop routing here. */
  SHUTDOWN_DRAIN_DELAY_MS: z.coerce.number().int().min(0).default(1_000),
  /** How long in-flight requests may take to finish once the listener is closed. */
  SHUTDOWN_GRACE_MS: z.coerce.number().int().positive().default(10_000),

  /** GraphiQL (/graphiql) and the graph explorer (/explorer); unset = on everywhere except production. */
  WEB_PAGES: bool.optional(),
  /** Prometheus text at GET /metrics; in production, let only the scraper reach it (proxy rules). */
  METRICS_ENABLED: bool.default(true),
  /** OpenTelemetry spans to OTEL_EXPORTER_OTLP_ENDPOINT; off by default: it needs a collector to send to. */
  OTEL_TRACING: bool.default(false),
  /**
   * A trusted-documents manifest (sha256 -> document, as `npm run codegen` writes it). When set, only
   * its operations run; unset (the default), any operation within the limits runs.
   */
  TRUSTED_DOCUMENTS_FILE: z.string().optional(),
});

export type Config = z.infer<typeof schema>;

/** Every variable the app reads (docker-compose.yml is checked against this list). */
export const CONFIG_KEYS = Object.keys(schema.shape) as (keyof Config)[];

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n  ${lines.join('\n  ')}`);
  }
  return parsed.data;
}
