import path from 'node:path';
import { z } from 'zod';

/** Repository root (this file compiles to dist/src/config.js, so two or three levels up). */
export const REPO_ROOT = path.resolve(__dirname, __dirname.includes(`${path.sep}dist${path.sep}`) ? '../..' : '..');

const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

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

  /** Caps every transaction so one runaway query cannot hold the database. */
  NEO4J_TX_TIMEOUT_MS: z.coerce.number().int().positive().default(15_000),
  /** Driver pool: enough for 2 cores with headroom; more only adds contention. */
  NEO4J_MAX_POOL_SIZE: z.coerce.number().int().positive().default(50),

  /** Load the article seed at start when the graph has no entities. */
  SEED_ON_START: bool.default(true),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
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
