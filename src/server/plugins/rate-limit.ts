import type { RequestHandler } from 'express';
import type { Principal } from '../../auth/roles';
import { RateLimitedError } from '../../errors/errors';

export interface RateLimitSettings {
  RATE_LIMIT_REQUESTS: number;
  RATE_LIMIT_WINDOW_MS: number;
  RATE_LIMIT_MAX_CLIENTS: number;
}

interface Window {
  started: number;
  count: number;
}

/**
 * Fixed-window counters per client, in memory and bounded: at `maxClients` the expired windows are
 * swept, and if none expired the oldest client is forgotten (a Map iterates in insertion order).
 */
export class RateLimitStore {
  private readonly windows = new Map<string, Window>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly maxClients: number,
  ) {}

  get size(): number {
    return this.windows.size;
  }

  /** Count one request; returns the milliseconds to wait when over the limit, else 0. */
  hit(client: string, now = Date.now()): number {
    let w = this.windows.get(client);
    if (!w || now - w.started >= this.windowMs) {
      this.windows.delete(client);
      this.makeRoom(now);
      w = { started: now, count: 0 };
      this.windows.set(client, w);
    }
    w.count += 1;
    return w.count > this.limit ? w.started + this.windowMs - now : 0;
  }

  private makeRoom(now: number): void {
    if (this.windows.size < this.maxClients) return;
    for (const [key, w] of this.windows) if (now - w.started >= this.windowMs) this.windows.delete(key);
    while (this.windows.size >= this.maxClients) {
      const oldest = this.windows.keys().next().value;
      if (oldest === undefined) break;
      this.windows.delete(oldest);
    }
  }
}

/** The limiter key: an authenticated caller by identity, anyone else by address. */
export function clientKey(principal: Principal | undefined, ip: string | undefined): string {
  return principal && principal.via !== 'anonymous' ? principal.subject : `ip:${ip ?? 'unknown'}`;
}

/** 429 with Retry-After and a RATE_LIMITED error body once a client is over its share. */
export function rateLimit(settings: RateLimitSettings): RequestHandler {
  if (settings.RATE_LIMIT_REQUESTS === 0) return (_req, _res, next) => next();
  const store = new RateLimitStore(
    settings.RATE_LIMIT_REQUESTS,
    settings.RATE_LIMIT_WINDOW_MS,
    settings.RATE_LIMIT_MAX_CLIENTS,
  );
  return (req, res, next) => {
    const waitMs = store.hit(clientKey(res.locals.principal as Principal | undefined, req.ip));
    if (waitMs === 0) return next();
    const error = new RateLimitedError();
    res.setHeader('retry-after', String(Math.ceil(waitMs / 1000)));
    res.status(429).json({ errors: [{ message: error.message, extensions: { code: error.extensions.code } }] });
  };
}
