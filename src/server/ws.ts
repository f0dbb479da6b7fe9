import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLSchema } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import type { Server } from 'node:http';
import { WebSocketServer } from 'ws';
import type { Services } from '../services';
import { createContext } from './context';
import { GRAPHQL_PATH } from './http';

/** Largest WebSocket message: a subscription document is small; anything bigger is abuse. */
const MAX_WS_PAYLOAD_BYTES = 64 * 1024;

/**
 * GraphQL subscriptions over the graphql-ws protocol on the same port and path as HTTP
 * (ws://host:port/graphql). Returns an Apollo plugin that closes the sockets on shutdown.
 */
export function attachSubscriptions(httpServer: Server, schema: GraphQLSchema, services: Services): ApolloServerPlugin {
  const wss = new WebSocketServer({ server: httpServer, path: GRAPHQL_PATH, maxPayload: MAX_WS_PAYLOAD_BYTES });
  const cleanup = useServer({ schema, context: () => createContext(services) }, wss);
  return {
    async serverWillStart() {
      return {
        async drainServer() {
          await cleanup.dispose();
        },
      };
    },
  };
}
