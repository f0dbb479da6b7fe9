import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';

export const REQUEST_ID_HEADER = 'x-request-id';
/** A caller's id is kept (to follow a request across services) only if it is short and plain. */
const INCOMING_ID_PATTERN = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * Gives every HTTP request an id: the caller's X-Request-Id when it looks safe, else a new UUID.
 * It is written back onto the request headers (so Apollo plugins read it) and onto the response.
 */
export function requestId(): RequestHandler {
  return (req, res, next) => {
    const incoming = req.headers[REQUEST_ID_HEADER];
    const id = typeof incoming === 'string' && INCOMING_ID_PATTERN.test(incoming) ? incoming : randomUUID();
    req.headers[REQUEST_ID_HEADER] = id;
    res.setHeader(REQUEST_ID_HEADER, id);
    next();
  };
}
