import { AsyncResource } from 'node:async_hooks';
import type { IncomingMessage } from 'node:http';
import type { RequestHandler } from 'express';

/** Largest request body: far above any real query, far below what could tie up the parser. */
export const MAX_BODY_BYTES = 1024 * 1024;

/** A refusal the HTTP error handler answers with its status (and its own message, never this one). */
class BodyError extends Error {
  constructor(
    readonly status: 400 | 413,
    message: string,
  ) {
    super(message);
  }
}

/**
 * A body this reader takes: `application/json`, UTF-8 or no charset, not compressed. Anything else
 * (another charset, gzip, another media type) goes through Express's json parser, which refuses,
 * decodes or skips it; this reader is only the common case, made cheap.
 */
export function isPlainJson(req: IncomingMessage): boolean {
  const type = req.headers['content-type'];
  if (type === undefined) return false;
  const encoding = req.headers['content-encoding'];
  if (encoding !== undefined && encoding.toLowerCase() !== 'identity') return false;
  if (type === 'application/json') return true;
  const params = type.split(';');
  if (params.shift()?.trim().toLowerCase() !== 'application/json') return false;
  return params.every((p) => /^\s*charset\s*=\s*"?utf-8"?\s*$/i.test(p));
}

/**
 * Reads a plain JSON body (see `isPlainJson`) into `req.body`, as Express's json parser does:
 * at most `limit` bytes (413 beyond, before reading when Content-Length says so), an object or an
 * array at the top (400 otherwise, and for broken JSON), `{}` for an empty body. Invalid UTF-8
 * becomes U+FFFD and a leading byte-order mark is dropped, as in the parser. Why our own: the
 * parser's content-type, charset and stream handling took about 10 µs of CPU per point lookup
 * (profile), and it keeps the async context with an AsyncResource per request (see below).
 */
export function plainJsonBody(limit = MAX_BODY_BYTES, keepAsyncContext = false): RequestHandler {
  return (req, res, callerNext) => {
    // The stream's events come from the socket's async context. With `keepAsyncContext` the rest of
    // the chain runs in the request's (a tracing span), as the json parser does; only then, for an
    // AsyncResource per request cost a quarter of the point lookups per second (lab, c=8).
    const next = keepAsyncContext ? AsyncResource.bind(callerNext) : callerNext;
    const declared = Number(req.headers['content-length']);
    if (declared > limit) return stop(req, res, next, new BodyError(413, 'request entity too large'));
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) return refuse(new BodyError(413, 'request entity too large'));
      chunks.push(chunk);
    };
    const onEnd = () => {
      cleanup();
      // A request's body usually arrives as one chunk: decoded as it is, without a copy.
      const text = (chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, size)).toString('utf8');
      try {
        req.body = parseStrict(text);
      } catch {
        return next(new BodyError(400, 'invalid JSON'));
      }
      next();
    };
    const onAborted = () => {
      cleanup();
      next(new BodyError(400, 'request aborted'));
    };
    const cleanup = () => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('aborted', onAborted);
    };
    const refuse = (err: BodyError) => {
      cleanup();
      stop(req, res, next, err);
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('aborted', onAborted);
  };
}

/** Stop reading and close the connection once answered: the rest of the body is never read. */
function stop(req: IncomingMessage, res: { shouldKeepAlive: boolean }, next: (err: unknown) => void, err: BodyError) {
  req.pause();
  res.shouldKeepAlive = false;
  next(err);
}

/** JSON.parse, with the json parser's strict rule: the top level is an object or an array. */
function parseStrict(decoded: string): unknown {
  const text = decoded.charCodeAt(0) === 0xfeff ? decoded.slice(1) : decoded;
  const first = /\S/.exec(text);
  if (first === null) return {};
  if (first[0] !== '{' && first[0] !== '[') throw new SyntaxError('not an object or array');
  return JSON.parse(text);
}
