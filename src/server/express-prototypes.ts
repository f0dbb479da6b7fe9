import { IncomingMessage, ServerResponse, type ServerOptions } from 'node:http';
import type { Socket } from 'node:net';
import express, { type Express } from 'express';

/**
 * Request and response classes for node:http whose instances are born with an Express app's
 * prototypes (`app.request`, `app.response`).
 *
 * Express re-parents every request and response it handles (`Object.setPrototypeOf` in
 * `app.handle`). Changing the prototype of an object that already exists costs V8 a map change on
 * two objects per request, and made its young-generation collector promote more of each request's
 * objects. When an object already has the prototype, Express's call is a no-op. Measured, lab, point
 * lookups at c=8, paired runs in both orders: 1.13x and 1.20x the requests per second, server CPU
 * per request 0.58-0.62 against 0.68-0.74 ms, scavenge pauses 4.5-5.5 against 6.0-6.4 ms. On a
 * bare Express app: 3.5 MB promoted per scavenge and 7 ms pauses, against none and 0.6 ms.
 *
 * The server is made before the app (Apollo's drain plug-in and the WebSocket server need it), so
 * the prototypes are adopted once the app exists, before the server listens.
 */
export function expressPrototypes(): {
  serverOptions: Pick<ServerOptions, 'IncomingMessage' | 'ServerResponse'>;
  adopt: (app: Express) => void;
} {
  // The request is built by a plain function called under `new`, as node:http defines it, so each
  // request is built on that function's own initial map (Reflect.construct with a new.target
  // measured slower).
  function Request(this: IncomingMessage, socket: Socket): void {
    (IncomingMessage as unknown as (this: IncomingMessage, socket: Socket) => void).call(this, socket);
  }
  // The response is a subclass. Built by a plain function, as the request is, every response was
  // in V8's dictionary mode (a hash table of properties, where node:http's own responses and a
  // subclass's have a fixed layout): that function assigns no fields itself, and node:http's ~40
  // (many keyed by symbols) did not fit the room V8 gave its objects. Every read and write of a
  // response (setHeader, end, Node's own writes) then looked its field up. Measured, lab, the same
  // inputs to both builds in alternating blocks: `{ __typename }` 11-27% less server CPU per
  // request; a shortest path on the 1e5 graph 3% less.
  class Response extends ServerResponse {}
  // Until the app is adopted, Express's shared prototypes: a request served early is re-parented
  // as before, never left without node:http's methods.
  Request.prototype = express.request;
  Object.setPrototypeOf(Response.prototype, express.response);
  return {
    serverOptions: {
      IncomingMessage: Request as unknown as typeof IncomingMessage,
      ServerResponse: Response as unknown as typeof ServerResponse,
    },
    adopt: (app) => {
      Request.prototype = app.request;
      // The class's prototype stands in for the app's response prototype (whose methods it
      // inherits), so Express finds its responses already on it.
      Object.setPrototypeOf(Response.prototype, app.response);
      app.response = Response.prototype as Express['response'];
    },
  };
}
