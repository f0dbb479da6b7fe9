import type { LatencyFigures } from './load';

/** The benchmark's arithmetic on figures: rounding, ratios and percentiles. */

export const round = (x: number, digits = 1): number => Math.round(x * 10 ** digits) / 10 ** digits;

export const ratio = (a: number, b: number): number => round(a / b, 2);

/**
 * A figure as a verdict shows it beside its goal: to two decimals, or to as many more (up to six)
 * as it takes for what is shown not to equal the goal when the figure does not. 1.104 against
 * ≤1.1 shows as 1.104, never as 1.1 beside "missed". Verdicts compare the exact figure.
 */
export function shown(x: number, goal: number): number {
  for (let digits = 2; digits < 6; digits++) {
    const r = round(x, digits);
    if (r !== goal || x === goal) return r;
  }
  return round(x, 6);
}

/** Percentile by rank on sorted values (nearest rank); 0 for no values. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] as number;
}

/**
 * The figures of a run from its latencies (ms, any order; sorted here), exact: verdicts compare
 * them as measured, and the report rounds what it shows.
 */
export function summarize(latencies: number[], requests: number, failures: number, elapsedS: number): LatencyFigures {
  latencies.sort((a, b) => a - b);
  return {
    requests,
    failures,
    rps: latencies.length / elapsedS,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    mean: latencies.reduce((sum, x) => sum + x, 0) / Math.max(1, latencies.length),
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
