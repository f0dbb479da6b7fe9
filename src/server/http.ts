import { expressMiddleware } from '@as-integrations/express5';
import type { ApolloServer } from '@apollo/server';
import express, { type Express } from 'express';
import type { Executor } from '../db/executor';
import type { Services } from '../services';
import { createContext, type Context } from './context';

/** Largest request body: far above any real query, far below what could tie up the parser. */
export const MAX_BODY_BYTES = '1mb';

/** HTTP routes: /graphql (Apollo) and /healthz beside it. */
export function createHttpApp(apollo: ApolloServer<Context>, services: Services, executor: Executor): Express {
  const app = express();
  app.disable('x-powered-by');

  app.get('/healthz', async (_req, res) => {
    try {
      await executor.ping();
      res.status(200).json({ status: 'ok', database: executor.database });
    } catch {
      res.status(503).json({ status: 'unavailable' });
    }
  });

  app.use(
    '/graphql',
    express.json({ limit: MAX_BODY_BYTES }),
    expressMiddleware(apollo, { context: async () => createContext(services) }),
  );
  return app;
}
