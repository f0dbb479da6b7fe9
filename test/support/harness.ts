import 'reflect-metadata';
import { ApolloServer } from '@apollo/server';
import { randomBytes } from 'node:crypto';
import { loadConfig } from '../../src/config';
import { jitExecution } from '../../src/server/jit';
import { createExecutor } from '../../src/app';
import type { Executor, QueryEvent } from '../../src/db/executor';
import { createLogger } from '../../src/logger';
import type { Principal } from '../../src/auth/roles';
import { createContext, type Context } from '../../src/server/context';
import { makeFormatError } from '../../src/server/format-error';
import { getSchema } from '../../src/server/schema';
import { createServices, type Services } from '../../src/services';

export interface GqlResult<T = Record<string, unknown>> {
  data?: T | null;
  errors?: {
    message: string;
    extensions?: Record<string, unknown>;
    path?: unknown;
  }[];
}

export interface Harness {
  executor: Executor;
  services: Services;
  /** Run an operation through Apollo exactly as HTTP would, with a fresh per-request context. */
  gql<T = Record<string, any>>(query: string, variables?: Record<string, unknown>): Promise<GqlResult<T>>;
  /** Record every database query while `fn` runs. */
  countQueries<T>(fn: () => Promise<T>): Promise<{ result: T; queries: QueryEvent[] }>;
  close(): Promise<void>;
}

/** The in-process harness tests services, not auth: it calls as an admin (the security tests check auth over HTTP). */
const HARNESS_PRINCIPAL: Principal = { subject: 'test-harness', roles: ['admin'], via: 'api-key' };

/** A unique prefix so each test file owns its data and never touches another's. */
export function uniquePrefix(name: string): string {
  return `t-${name}-${randomBytes(4).toString('hex')}`;
}

export async function createHarness(
  uri = process.env.NEO4J_URI as string,
  env: Record<string, string> = {},
): Promise<Harness> {
  const config = loadConfig({ ...process.env, LOG_LEVEL: 'silent', ...env });
  const executor = createExecutor(config, uri);
  const services = createServices(executor);
  const schema = await getSchema();
  const jit = config.GRAPHQL_JIT ? jitExecution(schema) : undefined;
  const server = new ApolloServer<Context>({
    // Executed as the server executes (compiled by graphql-jit unless GRAPHQL_JIT=false).
    ...(jit ? { gateway: jit.gateway } : { schema }),
    plugins: jit ? [jit.plugin] : [],
    formatError: makeFormatError(createLogger(process.env.TEST_LOG_LEVEL ?? 'silent')),
    includeStacktraceInErrorResponses: false,
  });
  await server.start();
  return {
    executor,
    services,
    async gql(query, variables) {
      const res = await server.executeOperation(
        { query, variables },
        { contextValue: createContext(services, HARNESS_PRINCIPAL) },
      );
      if (res.body.kind !== 'single') throw new Error('unexpected incremental response');
      return res.body.singleResult as GqlResult<any>;
    },
    async countQueries(fn) {
      const queries: QueryEvent[] = [];
      const off = executor.onQuery((e) => queries.push(e));
      try {
        return { result: await fn(), queries };
      } finally {
        off();
      }
    },
    async close() {
      await server.stop();
      await executor.close();
    },
  };
}
