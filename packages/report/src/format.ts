import type { MetricKind } from '@ladder/core';
import { formatLatency, formatValue } from './summary-markdown.js';

export { formatLatency, formatValue };

/** An interval's ends without units: `68.1–76.7` for proportions (in %), `58.20–63.10` otherwise. */
export function formatIntervalEnds(interval: readonly [number, number] | null, kind: MetricKind, separator = '–'): string {
  if (interval === null) return '';
  const [low, high] = kind === 'proportion' ? [interval[0] * 100, interval[1] * 100] : interval;
  const digits = kind === 'proportion' ? 1 : 2;
  return `${low.toFixed(digits)}${separator}${high.toFixed(digits)}`;
}

/** A value on the 0..1 scale as points out of 100: `72.5`. */
export function formatScore(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : (value * 100).toFixed(1);
}

/** A signed difference on the 0..1 scale in points: `+10.5`. */
export function formatPoints(value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  const points = value * 100;
  return `${points > 0 ? '+' : points < 0 ? '−' : '±'}${Math.abs(points).toFixed(1)}`;
}

/** A signed difference on a metric's own scale: `+10.5 pts` for proportions (percentage points), `+2.31` otherwise. */
export function formatDifference(value: number | null | undefined, kind: MetricKind): string {
  if (value === null || value === undefined) return '—';
  const shown = kind === 'proportion' ? value * 100 : value;
  const sign = shown > 0 ? '+' : shown < 0 ? '−' : '±';
  return `${sign}${Math.abs(shown).toFixed(kind === 'proportion' ? 1 : 2)}${kind === 'proportion' ? ' pts' : ''}`;
}

export function formatCost(usd: number | null | undefined): string {
  return usd === null || usd === undefined ? '—' : `$${usd.toFixed(4)}`;
}

export function formatRate(value: number | null | undefined, digits = 1): string {
  return value === null || value === undefined ? '—' : value.toFixed(digits);
}

/** `1 suite`, `8 suites`. */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
