import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ErrorRequestHandler, Express, Request, RequestHandler, Response } from 'express';
import { isPlainJson } from './json-body';

/**
 * POST /graphql with a plain JSON body, answered straight from node:http: the same handlers in the
 * same order as the Express route (request id, tracing, auth, rate limit, body, trusted documents,
 * Apollo), run by a loop instead of Express's router. Everything else (GET, other bodies, other
 * paths, the pages and probes) goes to Express, unchanged.
 *
 * Why: before Apollo saw a request, Express's router, its json parser (content type, charset,
 * stream reading) and the Express integration took about 65 µs of a 1 ms shortest path, against
 * 30 µs for the whole of the bare node:http floor's work before its query (lab, sequential
 * requests, stage timestamps); through this route, 36-44 µs.
 *
 * The requests and responses already carry the Express app's prototypes (`express-prototypes.ts`),
 * so the handlers' `req.ip`, `res.status().json()` and `res.locals` behave as under Express; the
 * few fields Express's `app.handle` sets are set here.
 */
export function graphqlFastRoute(
  app: Express,
  /** The one path this route answers; anything under it, or beside it, is Express's. */
  path: string,
  handlers: RequestHandler[],
  onError: ErrorRequestHandler,
): (req: IncomingMessage, res: ServerResponse) => void {
  return (incoming, outgoing) => {
    if (!takes(incoming, path)) return app(incoming, outgoing);
    const req = incoming as Request;
    const res = outgoing as Response;
    req.res = res;
    res.req = req;
    res.locals = Object.create(null) as Response['locals'];
    req.baseUrl = path;
    req.originalUrl = req.url;
    run(handlers, req, res, (err) => {
      if (err === undefined) return notAnswered(res);
      onError(err, req, res, () => res.destroy());
    });
  };
}

function takes(req: IncomingMessage, path: string): boolean {
  const url = req.url ?? '';
  return (
    req.method === 'POST' &&
    url.startsWith(path) &&
    (url.length === path.length || url[path.length] === '?') &&
    isPlainJson(req)
  );
}

/**
 * Each handler in turn, as Express runs a route's: `next()` goes on, `next(err)` ends with the
 * error, a rejected promise is an error, a handler that answers simply does not call `next`.
 */
function run(handlers: RequestHandler[], req: Request, res: Response, done: (err?: unknown) => void): void {
  let i = 0;
  const next = (err?: unknown): void => {
    if (err !== undefined && err !== null && err !== 'route' && err !== 'router') return done(err);
    const handler = handlers[i++];
    if (handler === undefined) return done();
    try {
      const out: unknown = handler(req, res, next);
      if (out instanceof Promise) out.catch(next);
    } catch (thrown) {
      next(thrown);
    }
  };
  next();
}

/** The chain ran out without an answer (Apollo always answers; a safety net, as Express's 404). */
function notAnswered(res: Response): void {
  if (res.headersSent) return;
  res.status(404).json({ errors: [{ message: 'Not found', extensions: { code: 'NOT_FOUND' } }] });
}
