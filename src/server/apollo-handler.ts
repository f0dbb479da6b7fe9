import { HeaderMap, type ApolloServer } from '@apollo/server';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestHandler } from 'express';
import { ANONYMOUS, type Principal } from '../auth/roles';
import type { Services } from '../services';
import { answerBody } from './answer-body';
import { createContext, type Context } from './context';

/**
 * Apollo answering a request whose body is already read (`req.body`), with our GraphQL context;
 * the last handler of /graphql on both routes (see `fast-route.ts`). It does what Apollo's Express
 * integration does, without its URL parsing, and sends a complete answer with one `end`.
 */
export function apolloHandler(apollo: ApolloServer<Context>, services: Services): RequestHandler {
  return async (req, res) => {
    const response = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: {
        method: req.method.toUpperCase(),
        headers: headerMap(req),
        search: searchOf(req.url),
        body: req.body,
      },
      context: async () =>
        createContext(services, (res.locals.principal as Principal | undefined) ?? ANONYMOUS, () => gone(res)),
    });
    for (const [key, value] of response.headers) res.setHeader(key, value);
    res.statusCode = response.status ?? 200;
    if (response.body.kind === 'complete') {
      const { body, encoding } = answerBody(response.body.string);
      res.end(body, encoding);
      return;
    }
    // Incremental delivery (@defer): each part as Apollo yields it.
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  };
}

/** Node's header names are already lower case, as Apollo's map wants them. */
function headerMap(req: IncomingMessage): HeaderMap {
  const map = new HeaderMap();
  for (const key in req.headers) {
    const value = req.headers[key];
    if (value !== undefined) map.set(key, Array.isArray(value) ? value.join(', ') : value);
  }
  return map;
}

function searchOf(url = ''): string {
  const at = url.indexOf('?');
  return at < 0 ? '' : url.slice(at);
}

function gone(res: ServerResponse): boolean {
  return res.socket === null || res.socket.destroyed;
}
