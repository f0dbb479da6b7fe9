import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import type { GraphQLSchema } from 'graphql';
import type { Server } from 'node:http';
import type { Config } from '../config';
import type { Logger } from '../logger';
import type { Context } from './context';
import { makeFormatError } from './format-error';
import type { Admission } from './plugins/admission';
import { costLimitPlugin } from './plugins/cost';
import { limitRules, type QueryLimits } from './plugins/limits';
import { readAccessPlugin } from './plugins/read-access';
import { jitExecution } from './jit';
import { hashQueriesWithLoadedCrypto } from './query-hash';

/** Per-environment hardening; every field has a named, documented setting in src/config.ts. */
export interface ApolloHardening extends QueryLimits {
  MAX_QUERY_COST: number;
  MAX_QUERY_TOKENS: number;
  AUTH_PUBLIC_READS: boolean;
  GRAPHQL_JIT: boolean;
  introspection: boolean;
  /** How long in-flight requests may run once stop() closes the listener. */
  SHUTDOWN_GRACE_MS: number;
  /** Operations wait here for room for their estimated cost; none when unset. */
  admission?: Admission;
}

/** The hardening a configuration asks for; introspection defaults to off in production only. */
export function hardeningFrom(config: Config, admission?: Admission): ApolloHardening {
  return {
    ...config,
    introspection: config.GRAPHQL_INTROSPECTION ?? config.NODE_ENV !== 'production',
    admission,
  };
}

export function createApolloServer(
  schema: GraphQLSchema,
  httpServer: Server,
  logger: Logger,
  hardening: ApolloHardening,
  /** More plugins (observability), run after the built-in ones. */
  extraPlugins: ApolloServerPlugin<Context>[] = [],
): ApolloServer<Context> {
  const jit = hardening.GRAPHQL_JIT ? jitExecution(schema) : undefined;
  hashQueriesWithLoadedCrypto();
  return new ApolloServer<Context>({
    ...(jit ? { gateway: jit.gateway } : { schema }),
    formatError: makeFormatError(logger),
    includeStacktraceInErrorResponses: false,
    introspection: hardening.introspection,
    // graphql's parser stops counting at this many tokens, before the document is built.
    parseOptions: { maxTokens: hardening.MAX_QUERY_TOKENS },
    validationRules: limitRules(hardening),
    // Apollo's default landing page loads from a CDN, which fails offline; a bundled playground
    // is served separately.
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: hardening.SHUTDOWN_GRACE_MS }),
      ApolloServerPluginLandingPageDisabled(),
      // No type sets cache hints; Apollo's default cache-control plugin would still wrap every
      // field resolver to compute a policy nobody reads (measured: ~3% of a 10,000-entity answer).
      ApolloServerPluginCacheControlDisabled(),
      // Federated traces are for subgraphs; Apollo would otherwise install its inline-trace plugin,
      // whose hook runs on every request to find it has nothing to do.
      ApolloServerPluginInlineTraceDisabled(),
      readAccessPlugin(hardening.AUTH_PUBLIC_READS),
      costLimitPlugin(hardening.MAX_QUERY_COST, hardening.admission),
      ...extraPlugins,
      // Last: it answers the operation, so every plugin above has had its say first.
      ...(jit ? [jit.plugin] : []),
    ],
    // CSRF prevention stays on (Apollo's default): a "simple" cross-site request cannot run a query.
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    // The entry point owns SIGINT/SIGTERM: it stops HTTP, then the driver, then the local Neo4j.
    stopOnTerminationSignals: false,
  });
}
