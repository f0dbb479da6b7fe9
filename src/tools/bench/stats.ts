import type { LatencyFigures } from './load';

/** The benchmark's arithmetic on figures: rounding, ratios and percentiles. */

export const round = (x: number, digits = 1): number => Math.round(x * 10 ** digits) / 10 ** digits;

export const ratio = (a: number, b: number): number => round(a / b, 2);

/** Percentile by rank on sorted values (nearest rank); 0 for no values. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] as number;
}

/** The figures of a run from its latencies (ms, any order; sorted here), to hundredths of a millisecond. */
export function summarize(latencies: number[], requests: number, failures: number, elapsedS: number): LatencyFigures {
  latencies.sort((a, b) => a - b);
  return {
    requests,
    failures,
    rps: latencies.length / elapsedS,
    p50: round(percentile(latencies, 50), 2),
    p99: round(percentile(latencies, 99), 2),
    mean: round(latencies.reduce((sum, x) => sum + x, 0) / Math.max(1, latencies.length), 2),
  };
}

/**
 * Counts the figures in a row that were not clearly better than the best before them: a warm-up
 * stops once a few are (throughput, `higher` is better: load.warmUntilSteady; latency, `lower`:
 * warm-turns.ts).
 */
export class Steadiness {
  private best: number;
  flat = 0;

  constructor(
    private readonly tolerance: number,
    private readonly better: 'higher' | 'lower',
  ) {
    this.best = better === 'higher' ? -Infinity : Infinity;
  }

  add(x: number): void {
    const notBetter =
      this.better === 'higher' ? x <= this.best * (1 + this.tolerance) : x >= this.best * (1 - this.tolerance);
    this.flat = notBetter ? this.flat + 1 : 0;
    this.best = this.better === 'higher' ? Math.max(this.best, x) : Math.min(this.best, x);
  }
}
