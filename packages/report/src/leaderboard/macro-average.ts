import { Z95 } from '@ladder/scorers';

export interface MacroPart {
  /** The suite's value on the normalised 0..1 scale (higher is better). */
  value: number;
  /** Its 95% interval on the same scale. */
  interval: [number, number];
}

export interface MacroScore {
  value: number;
  ci95: [number, number];
  /** The suites averaged. */
  suites: string[];
}

/**
 * The unweighted mean of several suites' normalised values, each suite counting once, with a
 * normal 95% interval: suites are independent samples, so the standard error of the mean is
 * sqrt(Σ SE_i²) / k, where SE_i is suite i's interval width / (2 · 1.96) (its Wilson, clustered
 * or bootstrap interval read as a normal one). The interval is kept inside [0, 1] when every
 * part is.
 */
export function macroAverage(parts: readonly MacroPart[], suites: string[]): MacroScore | null {
  const k = parts.length;
  if (k === 0) return null;
  let sum = 0;
  let variance = 0;
  let bounded = true;
  for (const part of parts) {
    sum += part.value;
    const standardError = standardErrorOf(part.interval);
    variance += standardError * standardError;
    if (part.interval[0] < 0 || part.interval[1] > 1) bounded = false;
  }
  const value = sum / k;
  const half = (Z95 * Math.sqrt(variance)) / k;
  const low = value - half;
  const high = value + half;
  return { value: round(value), ci95: [round(bounded ? Math.max(0, low) : low), round(bounded ? Math.min(1, high) : high)], suites };
}

/** A normal interval's standard error, from its 95% ends. */
export function standardErrorOf(interval: readonly [number, number]): number {
  return (interval[1] - interval[0]) / (2 * Z95);
}

export function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
