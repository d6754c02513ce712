import type { SuiteManifest } from '@ladder/core';

/** Full scales of metrics whose manifests predate `metricScale` (or whose scorer left it out). */
const KNOWN_SCALES: Record<string, number> = { accuracy: 1, 'pass@1': 1, chrF: 100, 'chrF++': 100, BLEU: 100, TER: 100 };
/** Metrics where a lower value is better (an edit rate). Every other metric: higher is better. */
const LOWER_IS_BETTER = new Set(['TER']);

export interface MetricScale {
  /** The value of a perfect score on the metric's own scale (1, 100); null when unknown. */
  scale: number | null;
  higherIsBetter: boolean;
}

/** How a suite's metric maps onto one 0..1 "higher is better" scale. */
export function metricScaleOf(suite: Pick<SuiteManifest, 'metric' | 'metricKind' | 'metricScale'>): MetricScale {
  const recorded = suite.metricScale;
  const scale =
    typeof recorded === 'number' && recorded > 0 ? recorded : suite.metricKind === 'proportion' ? 1 : (KNOWN_SCALES[suite.metric] ?? null);
  return { scale, higherIsBetter: !LOWER_IS_BETTER.has(suite.metric) };
}

/**
 * A value on the 0..1 scale where higher is better: value / scale, or 1 - value / scale for a
 * lower-is-better metric. Null when the scale is unknown.
 */
export function normalizeValue(value: number | null, metric: MetricScale): number | null {
  if (value === null || metric.scale === null) return null;
  return metric.higherIsBetter ? value / metric.scale : 1 - value / metric.scale;
}

/** An interval on the normalised scale (its ends swap for a lower-is-better metric). */
export function normalizeInterval(interval: [number, number] | null, metric: MetricScale): [number, number] | null {
  if (interval === null || metric.scale === null) return null;
  const [low, high] = interval;
  return metric.higherIsBetter ? [low / metric.scale, high / metric.scale] : [1 - high / metric.scale, 1 - low / metric.scale];
}

/** An interval turned so that "higher is better" (for ranking on a metric's own scale). */
export function orientInterval(interval: [number, number] | null, higherIsBetter: boolean): [number, number] | null {
  if (interval === null) return null;
  return higherIsBetter ? interval : [-interval[1], -interval[0]];
}
