/** The benchmark's arithmetic on figures: rounding, ratios and percentiles. */

export const round = (x: number, digits = 1): number => Math.round(x * 10 ** digits) / 10 ** digits;

export const ratio = (a: number, b: number): number => round(a / b, 2);

/** Percentile by rank on sorted values (nearest rank); 0 for no values. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] as number;
}
