import pino, { type Logger } from 'pino';

/** Structured JSON logs on stdout; one logger per process. */
export function createLogger(level: string): Logger {
  return pino({ level, base: { app: 'kg-hyperscale' } });
}
export type { Logger };
