import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { GraphQLSchema } from 'graphql';
import type { Server } from 'node:http';
import type { Logger } from '../logger';
import type { Context } from './context';
import { makeFormatError } from './format-error';

export function createApolloServer(schema: GraphQLSchema, httpServer: Server, logger: Logger): ApolloServer<Context> {
  return new ApolloServer<Context>({
    schema,
    formatError: makeFormatError(logger),
    includeStacktraceInErrorResponses: false,
    // Apollo's default landing page loads from a CDN, which fails offline; a bundled playground
    // is served separately.
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer }), ApolloServerPluginLandingPageDisabled()],
    // CSRF prevention stays on (Apollo's default): a "simple" cross-site request cannot run a query.
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    // The entry point owns SIGINT/SIGTERM: it stops HTTP, then the driver, then the local Neo4j.
    stopOnTerminationSignals: false,
  });
}
