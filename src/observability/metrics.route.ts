import type { RequestHandler } from 'express';
import type { Metrics } from './metrics';

/** GET /metrics in Prometheus' text format. */
export function metricsHandler(metrics: Metrics): RequestHandler {
  return async (_req, res) => {
    res.setHeader('content-type', metrics.registry.contentType);
    res.send(await metrics.registry.metrics());
  };
}
