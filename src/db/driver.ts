import neo4j, { type Driver } from 'neo4j-driver';
import { installBoltStringDecoder } from './bolt-strings';

export interface DriverSettings {
  uri: string;
  username: string;
  password: string;
  maxPoolSize: number;
}

/** Fail fast when the database is unreachable, so the API answers SERVICE_UNAVAILABLE quickly. */
const CONNECTION_TIMEOUT_MS = 5_000;
/**
 * Waiting for a pooled connection longer than this means the pool is saturated; it also bounds
 * opening a new one to a Neo4j that accepts connections but cannot answer yet (while it starts).
 */
const ACQUISITION_TIMEOUT_MS = 10_000;

/** One driver per process: create it here, once, and hand it to the Executor (which owns retries). */
export function createDriver(settings: DriverSettings): Driver {
  // Our string decoder in the driver's place (bolt-strings.ts); a unit test fails if it no longer can be.
  installBoltStringDecoder();
  // No password: the project's local Neo4j runs without auth on loopback only.
  const auth = settings.password ? neo4j.auth.basic(settings.username, settings.password) : undefined;
  return neo4j.driver(settings.uri, auth, {
    maxConnectionPoolSize: settings.maxPoolSize,
    connectionTimeout: CONNECTION_TIMEOUT_MS,
    connectionAcquisitionTimeout: ACQUISITION_TIMEOUT_MS,
    disableLosslessIntegers: false,
    userAgent: 'kg-hyperscale/0.1',
  });
}
