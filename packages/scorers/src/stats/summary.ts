/** The arithmetic mean; NaN for an empty list. */
export function mean(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  let total = 0;
  for (const value of values) total += value;
  return total / values.length;
}

/** Sample variance (ddof 1, as numpy `var(ddof=1)` and inspect_ai's `stderr`); 0 below two values. */
export function sampleVariance(values: readonly number[]): number {
  if (values.length < 2) return 0;
  const center = mean(values);
  let total = 0;
  for (const value of values) total += (value - center) ** 2;
  return total / (values.length - 1);
}

/** Standard error of the mean, sqrt(Var(s)/n) with the sample variance. */
export function standardErrorOfMean(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  return Math.sqrt(sampleVariance(values) / values.length);
}

/**
 * The q-quantile of already sorted values with linear interpolation between order statistics
 * (numpy's default `linear` method, R type 7).
 */
export function quantileSorted(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const position = (sorted.length - 1) * Math.min(1, Math.max(0, q));
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  const low = sorted[lower] as number;
  const high = sorted[upper] as number;
  return low + (high - low) * (position - lower);
}
