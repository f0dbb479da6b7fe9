import { HeaderMap, type ApolloServer } from '@apollo/server';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestHandler } from 'express';
import { ANONYMOUS, type Principal } from '../auth/roles';
import type { Services } from '../services';
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
      const body = encoded(response.body.string);
      res.setHeader('content-length', typeof body === 'string' ? Buffer.byteLength(body) : body.length);
      res.end(body);
      return;
    }
    // Incremental delivery (@defer): each part as Apollo yields it.
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  };
}

/**
 * Answers up to this many characters go out as a string, joined to the headers in one write. A
 * larger one is encoded to a Buffer once, outside V8's heap, and written after them: as a string,
 * node:http joins it to the headers and the socket flattens that joined copy (a second large
 * string per answer) before encoding it. Measured on a 1.46 MB answer with Korean names, one
 * process serving and reading: 14.5-15.6 ms per answer as a string, 11.5-12.6 ms as a Buffer (as
 * Express's send wrote it).
 */
const STRING_BODY_MAX = 16 * 1024;

function encoded(text: string): string | Buffer {
  return text.length <= STRING_BODY_MAX ? text : Buffer.from(text, 'utf8');
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
