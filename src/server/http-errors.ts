import type { ErrorRequestHandler } from 'express';

/** Messages for the body parser's refusals; its own text (and express's HTML page with a stack) never goes out. */
const MESSAGES: Record<number, string> = {
  400: 'The request body is not valid JSON',
  413: 'The request body is too large',
  415: 'Unsupported content type or charset; send application/json in UTF-8',
};

/** Last in the chain: every error before Apollo (body parsing, mostly) becomes a coded JSON answer. */
export const httpErrorHandler: ErrorRequestHandler = (err: unknown, _req, res, next) => {
  if (res.headersSent) return next(err);
  const raw = (err as { status?: unknown; statusCode?: unknown } | null) ?? {};
  const status = Number(raw.status ?? raw.statusCode);
  const known = Number.isInteger(status) && status >= 400 && status < 500 ? status : 500;
  const message = MESSAGES[known] ?? (known === 500 ? 'Internal server error' : 'Bad request');
  const code = known === 500 ? 'INTERNAL_SERVER_ERROR' : 'BAD_REQUEST';
  res.status(known).json({ errors: [{ message, extensions: { code } }] });
};
